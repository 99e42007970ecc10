#pragma once

#include "models/submitpreview.h"
#include "models/usagesnapshot.h"
#include "sources/sourceenvironment.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>

class FirstRunWizard;
class Settings;
class SyncController;

// Shows the first-run wizard once (Settings' firstRun/done), feeds it and
// applies what the user chose. The agents' folders are inspected on the
// thread pool and the sample body comes from the sync worker's dry run, so the
// UI thread touches neither the disk nor the store. Start at login goes to the
// OS (Autostart) on Finish; sync is never switched on here: the wizard only
// offers the sign-in dialog.
class FirstRunController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FirstRunController)

public:
    FirstRunController(Settings *settings, SyncController *sync, QObject *parent = nullptr);
    ~FirstRunController() override;

    // Not done yet: the wizard has never been finished or closed.
    bool isDue() const;
    // Shows the wizard (again, if it was done) for \a env's agents.
    void show(const SourceEnvironment &env);
    FirstRunWizard *wizard() const { return m_wizard; }

    void setSnapshot(const UsageSnapshot &snapshot);
    void setProgress(const ScanProgress &progress);
    QJsonObject statusJson() const;

private:
    void inspect(const SourceEnvironment &env);
    void onPrivacyPageEntered();
    void requestPreview();
    void onPreview(const SubmitPreview &preview);
    void onFinished(int result);

    Settings *m_settings;
    SyncController *m_sync;
    QPointer<FirstRunWizard> m_wizard;
    // The sample follows the store: asked again when usage changed since.
    std::int64_t m_messages = -1;
    std::int64_t m_previewMessages = -2;
    bool m_previewPending = false;
    int m_shown = 0;
};
