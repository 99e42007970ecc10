#include "synccontroller.h"

#include "dashboard/dashboardwindow.h"
#include "settings/accountpage.h"
#include "settings/settings.h"
#include "settings/settingsdialog.h"
#include "settings/signindialog.h"
#include "tray/traycontroller.h"
#include "workers/usageservice.h"

#include <QDesktopServices>
#include <QNetworkInformation>
#include <QThread>
#include <QUrl>

using namespace Qt::StringLiterals;

SyncController::SyncController(const QString &dbPath, Settings *settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_thread(new QThread(this))
    , m_service(new SyncService(dbPath))
{
    qRegisterMetaType<SyncStatus>();
    qRegisterMetaType<SubmitResult>();
    qRegisterMetaType<OutboxEntry>();
    qRegisterMetaType<QList<OutboxEntry>>();
    qRegisterMetaType<QList<RejectedBucket>>();
    qRegisterMetaType<SyncService::AccountOp>();
    m_thread->setObjectName(u"sync"_s);
    m_service->setTiming(SyncService::timingFromEnvironment());
    m_service->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_service, &QObject::deleteLater);
    connect(m_service, &SyncService::statusChanged, this, &SyncController::onStatus);
    connect(m_service, &SyncService::accountOpFinished, this, &SyncController::onAccountOp);
    connect(m_service, &SyncService::outboxLoaded, this,
            [this](const QList<OutboxEntry> &entries, const QList<RejectedBucket> &notSent) {
                m_outbox = entries;
                m_notSent = notSent;
                if (m_dashboard)
                    m_dashboard->setOutbox(entries, notSent);
            });
    connect(m_service, &SyncService::outboxEntryLoaded, this, [this](const OutboxEntry &entry) {
        if (m_dashboard)
            m_dashboard->showOutboxEntry(entry);
    });
    qRegisterMetaType<SubmitPreview>();
    connect(m_service, &SyncService::submitPreviewReady, this, &SyncController::submitPreviewReady);
    connect(m_settings, &Settings::changed, this, [this](const QList<Settings::Key> &keys) {
        if (keys.contains(Settings::Key::AutoSubmit) ||
            keys.contains(Settings::Key::SubmitIntervalMinutes))
            pushAutoSubmit();
    });
}

SyncController::~SyncController()
{
    // The worker's parts (store, network, keyring jobs) go on its own thread.
    if (m_thread->isRunning()) {
        QMetaObject::invokeMethod(m_service, &SyncService::stop, Qt::BlockingQueuedConnection);
        m_thread->quit();
        m_thread->wait();
    } else {
        delete m_service;
    }
    delete m_signIn;
}

template<typename F> void SyncController::call(F &&f)
{
    SyncService *service = m_service;
    QMetaObject::invokeMethod(
        service, [service, f = std::forward<F>(f)] { f(service); }, Qt::QueuedConnection);
}

void SyncController::start(UsageService *usage)
{
    m_thread->start(QThread::LowPriority);
    pushAutoSubmit();
    connect(usage, &UsageService::storeReady, m_service, &SyncService::start,
            Qt::SingleShotConnection);
    connect(usage, &UsageService::usageChanged, m_service, &SyncService::notifyUsageChanged);
    watchNetwork();
}

void SyncController::watchNetwork()
{
    // On Linux the NetworkManager backend needs NetworkManager on the system
    // bus; without a backend the backoff alone brings an offline submit back.
    if (!QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability))
        return;
    QNetworkInformation *info = QNetworkInformation::instance();
    m_networkBackend = info->backendName();
    m_reachability = int(info->reachability());
    connect(info, &QNetworkInformation::reachabilityChanged, this,
            [this](QNetworkInformation::Reachability r) {
                m_reachability = int(r);
                const bool online = r == QNetworkInformation::Reachability::Online ||
                    r == QNetworkInformation::Reachability::Site;
                call([online](SyncService *s) { s->setNetworkReachable(online); });
            });
}

void SyncController::pushAutoSubmit()
{
    const bool on = m_settings->autoSubmit();
    const int minutes = m_settings->submitIntervalMinutes();
    call([on, minutes](SyncService *s) { s->setAutoSubmit(on, minutes); });
}

void SyncController::attachTray(TrayController *tray)
{
    m_tray = tray;
    connect(tray, &TrayController::submitRequested, this, &SyncController::submitNow);
    connect(tray, &TrayController::signInRequested, this, &SyncController::showSignIn);
    connect(tray, &TrayController::leaderboardRequested, this, &SyncController::openLeaderboard);
    tray->setSyncStatus(m_status);
}

void SyncController::attachDashboard(DashboardWindow *dashboard)
{
    m_dashboard = dashboard;
    connect(dashboard, &DashboardWindow::outboxEntryRequested, this,
            [this](qint64 id) { call([id](SyncService *s) { s->loadOutboxEntry(id); }); });
    dashboard->setOutbox(m_outbox, m_notSent);
    if (!m_outboxRequested) {
        // From now on the worker sends the outbox after every change.
        m_outboxRequested = true;
        call([](SyncService *s) { s->loadOutbox(); });
    }
}

void SyncController::attachSettings(SettingsDialog *dialog)
{
    m_settingsDialog = dialog;
    AccountPage *page = dialog->accountPage();
    connect(page, &AccountPage::signInRequested, this, &SyncController::showSignIn);
    connect(page, &AccountPage::signOutRequested, this,
            [this] { call([](SyncService *s) { s->logout(); }); });
    connect(page, &AccountPage::visibilityRequested, this, [this](const QString &visibility) {
        call([visibility](SyncService *s) { s->setVisibility(visibility); });
    });
    connect(page, &AccountPage::deleteServerDataRequested, this,
            [this] { call([](SyncService *s) { s->deleteServerData(); }); });
    page->setSyncStatus(m_status);
}

void SyncController::showSignIn()
{
    showSignInOver(m_settingsDialog && m_settingsDialog->isVisible()
                       ? static_cast<QWidget *>(m_settingsDialog)
                       : nullptr);
}

void SyncController::showSignInOver(QWidget *parent)
{
    if (!m_signIn) {
        m_signIn = new SignInDialog(m_settings->serverUrl(), parent);
        m_signIn->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_signIn, &SignInDialog::signInRequested, this, [this](const LoginRequest &r) {
            m_signInServer = r.server;
            call([r](SyncService *s) { s->login(r); });
        });
    }
    m_signIn->show();
    m_signIn->raise();
    m_signIn->activateWindow();
}

void SyncController::submitNow()
{
    call([](SyncService *s) { s->submitNow(); });
}

void SyncController::previewSubmit()
{
    call([](SyncService *s) { s->previewSubmit(); });
}

void SyncController::openLeaderboard()
{
    if (m_status.signedIn)
        QDesktopServices::openUrl(QUrl(m_status.profileUrl));
}

void SyncController::onStatus(const SyncStatus &status)
{
    m_status = status;
    Q_EMIT statusChanged(status);
    if (m_tray)
        m_tray->setSyncStatus(status);
    if (m_settingsDialog)
        m_settingsDialog->accountPage()->setSyncStatus(status);
}

void SyncController::onAccountOp(SyncService::AccountOp op, bool ok, const QString &error,
                                 const QString &newToken)
{
    using Op = SyncService::AccountOp;
    if (op == Op::Login && ok && !m_signInServer.isEmpty()) {
        // The next sign-in dialog offers the server this one used.
        m_settings->setServerUrl(AccountFlow::normalizeServer(m_signInServer));
        m_settings->apply();
    }
    if (op == Op::Login && m_signIn)
        m_signIn->showResult(ok, error, m_status.username, newToken);
    if (!m_settingsDialog)
        return;
    QString message = error;
    if (ok) {
        switch (op) {
        case Op::Login:
            message = tr("Signed in as %1.").arg(m_status.username);
            break;
        case Op::Logout:
            message = tr("Signed out. Nothing is sent until you sign in again.");
            break;
        case Op::Visibility:
            message = m_status.visibility == u"public"
                ? tr("Your profile is public: it is on the leaderboard.")
                : m_status.visibility == u"unlisted"
                ? tr("Your profile is unlisted: only people with the link see it.")
                : tr("Your profile is private: only you see it.");
            break;
        case Op::DeleteServerData:
            message = tr("Your data was deleted from the server, and this computer signed out.");
            break;
        }
    }
    m_settingsDialog->accountPage()->showMessage(message, !ok);
}

QJsonObject SyncController::statusJson() const
{
    const SyncStatus &s = m_status;
    QJsonObject o {
        {u"loaded"_s, s.loaded},
        {u"signedIn"_s, s.signedIn},
        {u"signedOut"_s, s.signedOut},
        {u"server"_s, s.server},
        {u"username"_s, s.username},
        {u"visibility"_s, s.visibility},
        {u"profileUrl"_s, s.profileUrl},
        {u"lastAttemptMs"_s, qint64(s.lastAttemptMs)},
        {u"lastSuccessMs"_s, qint64(s.lastSuccessMs)},
        {u"lastResult"_s, s.lastResult},
        {u"lastError"_s, s.lastError},
        {u"pendingDays"_s, s.pendingDays},
        {u"rowsNotSent"_s, s.rowsNotSent},
        {u"activity"_s, SyncStatus::activityName(s.activity)},
        {u"autoSubmit"_s, s.autoSubmit},
        {u"paused"_s, s.paused},
        {u"nextAttemptMs"_s, qint64(s.nextAttemptMs)},
        {u"failures"_s, s.failures},
        {u"waitingForNetwork"_s, s.waitingForNetwork},
        {u"storeError"_s, s.storeError},
        {u"outboxEntries"_s, int(m_outbox.size())},
        {u"networkBackend"_s, m_networkBackend},
        {u"reachability"_s, m_reachability},
    };
    if (m_signIn) {
        o.insert(u"signInDialog"_s,
                 QJsonObject {{u"visible"_s, m_signIn->isVisible()},
                              {u"stage"_s, m_signIn->stage()},
                              {u"error"_s, m_signIn->errorText()}});
    }
    if (m_settingsDialog) {
        o.insert(u"accountMessage"_s, m_settingsDialog->accountPage()->message());
    }
    return o;
}
