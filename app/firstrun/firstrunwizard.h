#pragma once

#include "models/sourceoverview.h"
#include "models/submitpreview.h"
#include "models/usagesnapshot.h"
#include "sync/syncstatus.h"

#include <QJsonObject>
#include <QWizard>

class AgentsPage;
class PrivacyPage;
class StartPage;

// The first-run wizard (issue 9): the agents found with their folders and
// history size; what stays local and what sync would send, with a sample body
// from the user's own usage; start at login; sync left off unless the user
// signs in. It shows what it is given and emits what the user asks for;
// FirstRunController does the work.
class FirstRunWizard final : public QWizard
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FirstRunWizard)

public:
    enum Page { AgentsPageId, PrivacyPageId, StartPageId };

    explicit FirstRunWizard(QWidget *parent = nullptr);

    void setOverview(const SourceOverview &overview);
    void setPreviewLoading();
    void setPreview(const SubmitPreview &preview);
    void setProgress(const ScanProgress &progress);
    void setSyncStatus(const SyncStatus &status, bool autoSubmit);
    void setStartAtLogin(bool on);
    bool startAtLogin() const;
    bool onPrivacyPage() const { return currentId() == PrivacyPageId; }

    // "agents", "privacy" or "start".
    QString pageName() const;
    // What it shows, for the single-instance "status" request (UI tests).
    QJsonObject state() const;

Q_SIGNALS:
    // The privacy page was entered: a sample may need building.
    void privacyPageEntered();
    void signInRequested();

private:
    AgentsPage *m_agents;
    PrivacyPage *m_privacy;
    StartPage *m_start;
};
