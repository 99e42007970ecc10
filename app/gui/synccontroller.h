#pragma once

#include "sync/syncstatus.h"
#include "workers/syncservice.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>

class DashboardWindow;
class QThread;
class Settings;
class SettingsDialog;
class SignInDialog;
class TrayController;
class UsageService;
class QWidget;

// The UI side of sync: runs the SyncService on its own thread, passes the
// user's intents to it (queued calls only) and its status and answers to the
// tray, the dashboard's outbox tab, the settings' Account page and the
// sign-in dialog. Also feeds it the Auto-submit setting and the network's
// reachability (QNetworkInformation, when the platform has a backend).
class SyncController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncController)

public:
    SyncController(const QString &dbPath, Settings *settings, QObject *parent = nullptr);
    ~SyncController() override;

    // Starts the worker once \a usage has opened the store (so the two
    // connections never migrate it at once), and listens to its changes.
    void start(UsageService *usage);
    void attachTray(TrayController *tray);
    void attachDashboard(DashboardWindow *dashboard);
    void attachSettings(SettingsDialog *dialog);

    void showSignIn();
    // The sign-in dialog over \a window (the first-run wizard).
    void showSignInOver(QWidget *window);
    void submitNow();
    // A dry run on the worker; the answer comes with submitPreviewReady.
    void previewSubmit();
    // The user's profile when signed in (the menu item is disabled otherwise).
    void openLeaderboard();

    const SyncStatus &status() const { return m_status; }
    SignInDialog *signInDialog() const { return m_signIn; }
    // For the single-instance "status" request.
    QJsonObject statusJson() const;

Q_SIGNALS:
    void statusChanged(const SyncStatus &status);
    void submitPreviewReady(const SubmitPreview &preview);

private:
    void onStatus(const SyncStatus &status);
    void onAccountOp(SyncService::AccountOp op, bool ok, const QString &error,
                     const QString &newToken);
    void pushAutoSubmit();
    void watchNetwork();
    template<typename F> void call(F &&f);

    Settings *m_settings;
    QThread *m_thread;
    SyncService *m_service;
    SyncStatus m_status;
    QPointer<TrayController> m_tray;
    QPointer<DashboardWindow> m_dashboard;
    QPointer<SettingsDialog> m_settingsDialog;
    QPointer<SignInDialog> m_signIn;
    QString m_signInServer;
    QList<OutboxEntry> m_outbox;
    QList<RejectedBucket> m_notSent;
    bool m_outboxRequested = false;
    QString m_networkBackend;
    int m_reachability = -1;
};
