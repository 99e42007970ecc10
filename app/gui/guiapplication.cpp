#include "guiapplication.h"

#include "dashboard/dashboardwindow.h"
#include "firstrun/firstruncontroller.h"
#include "firstrun/firstrunwizard.h"
#include "gui/singleinstance.h"
#include "gui/synccontroller.h"
#include "gui/translations.h"
#include "models/numberformat.h"
#include "settings/settings.h"
#include "settings/settingsdialog.h"
#include "settings/signindialog.h"
#include "tray/traycontroller.h"
#include "workers/usageservice.h"

#include <QApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMenu>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QThread>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {
// Trays often appear a little after login: look again a few times before giving up.
constexpr int TrayRetries = 5;
constexpr int TrayRetryMs = 2000;
} // namespace

GuiApplication::GuiApplication(const GuiOptions &options, SingleInstance *instance, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_instance(instance)
    , m_settings(new Settings(QString(), this))
{
    m_clock.start();
    qRegisterMetaType<UsageSnapshot>();
    qRegisterMetaType<ScanProgress>();
    qRegisterMetaType<QuotaSnapshot>();
}

GuiApplication::~GuiApplication()
{
    if (m_thread) {
        QMetaObject::invokeMethod(m_service, &UsageService::stop, Qt::BlockingQueuedConnection);
        m_thread->quit();
        m_thread->wait();
    }
    delete m_dashboard;
}

void GuiApplication::start()
{
    m_instance->setHandler([this](const QByteArray &r) { return handleRequest(r); });

    m_thread = new QThread(this);
    m_thread->setObjectName(u"usage"_s);
    m_service = new UsageService(m_options.dbPath);
    if (!m_options.pricesPath.isEmpty())
        m_service->setPriceFile(m_options.pricesPath);
    m_service->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_service, &QObject::deleteLater);
    connect(m_service, &UsageService::snapshotReady, this, &GuiApplication::onSnapshot);
    connect(m_service, &UsageService::progressChanged, this, &GuiApplication::onProgress);
    connect(m_service, &UsageService::quotaReady, this, [this](const QuotaSnapshot &quota) {
        m_quota = quota;
        if (m_tray)
            m_tray->setQuota(quota);
        if (m_dashboard)
            m_dashboard->setQuota(quota);
    });
    connect(m_service, &UsageService::errorOccurred, this, [this](const QString &message) {
        qWarning("tokentally: %s", qPrintable(message));
        if (m_dashboard)
            m_dashboard->statusBar()->showMessage(message);
    });
    m_thread->start(QThread::LowPriority);
    applySettings();
    // Before the usage worker starts: sync starts when it has opened the store.
    m_sync = new SyncController(m_options.dbPath, m_settings, this);
    m_sync->start(m_service);
    QMetaObject::invokeMethod(m_service, &UsageService::start, Qt::QueuedConnection);
    connect(m_settings, &Settings::changed, this, [this](const QList<Settings::Key> &keys) {
        if (keys.contains(Settings::Key::ExtraDataDirs) || keys.contains(Settings::Key::TimeZone))
            applySettings();
        if (keys.contains(Settings::Key::Language))
            applyLanguage();
    });

    m_firstRun = new FirstRunController(m_settings, m_sync, this);
    setupTray();
    if (m_options.showDashboard)
        showDashboard();
    if (m_options.showFirstRun || m_firstRun->isDue())
        m_firstRun->show(environment());
}

SourceEnvironment GuiApplication::environment() const
{
    SourceEnvironment env = SourceEnvironment::fromProcess();
    for (const QString &spec : m_settings->extraDataDirs()) {
        const qsizetype eq = spec.indexOf(u'=');
        if (const auto agent = agentFromId(spec.left(eq)); eq > 0 && agent)
            env.extraDirs[*agent] << spec.mid(eq + 1);
    }
    for (auto it = m_options.extraDirs.cbegin(); it != m_options.extraDirs.cend(); ++it)
        env.extraDirs[it.key()] << it.value();
    return env;
}

void GuiApplication::applySettings()
{
    const SourceEnvironment env = environment();
    QTimeZone zone = QTimeZone::systemTimeZone();
    if (!m_settings->timeZone().isEmpty()) {
        const QTimeZone z(m_settings->timeZone().toUtf8());
        if (z.isValid())
            zone = z;
    }
    UsageService *service = m_service;
    QMetaObject::invokeMethod(
        service,
        [service, env, zone] {
            service->setEnvironment(env);
            service->setTimeZone(zone);
        },
        Qt::QueuedConnection);
}

void GuiApplication::setupTray()
{
    if (m_options.windowed) {
        m_noTray = NoTray::Windowed;
        m_noTrayReason = noTrayText(m_noTray);
        showDashboard();
        return;
    }
    m_tray = new TrayController(m_settings, this);
    connect(m_tray, &TrayController::dashboardRequested, this, &GuiApplication::showDashboard);
    connect(m_tray, &TrayController::settingsRequested, this, &GuiApplication::showSettings);
    connect(m_tray, &TrayController::quitRequested, this, &GuiApplication::quit);
    m_sync->attachTray(m_tray);
    if (m_tray->show()) {
        // With a tray, closing the dashboard keeps the app running in the tray.
        qApp->setQuitOnLastWindowClosed(false);
        return;
    }
    m_noTray = NoTray::NoHost;
    m_noTrayReason = noTrayText(m_noTray);
    qApp->setQuitOnLastWindowClosed(true);
    showDashboard();
    QTimer::singleShot(TrayRetryMs, this, &GuiApplication::retryTray);
}

void GuiApplication::retryTray()
{
    if (m_tray->show()) {
        m_noTray = NoTray::None;
        m_noTrayReason.clear();
        qApp->setQuitOnLastWindowClosed(false);
        if (m_dashboard)
            m_dashboard->setNotice(QString());
        if (m_haveSnapshot)
            m_tray->setSnapshot(m_snapshot);
        return;
    }
    if (++m_trayRetries < TrayRetries)
        QTimer::singleShot(TrayRetryMs, this, &GuiApplication::retryTray);
}

QString GuiApplication::noTrayText(NoTray reason)
{
    switch (reason) {
    case NoTray::None:
        break;
    case NoTray::Windowed:
        return tr("TokenTally runs as a window because it was started with --windowed.");
    case NoTray::NoHost:
        return tr("No system tray was found (the desktop has no tray host or status "
                  "notifier area), so TokenTally runs as this window. Closing it quits "
                  "TokenTally.");
    }
    return QString();
}

void GuiApplication::applyLanguage()
{
    // New catalogues send LanguageChange everywhere: the dashboard rebuilds its
    // widgets and the tray its menu. Texts made here are remade here.
    Translations::apply(m_settings->language());
    m_noTrayReason = noTrayText(m_noTray);
    if (m_dashboard)
        m_dashboard->setNotice(m_noTrayReason);
}

void GuiApplication::showDashboard()
{
    if (!m_dashboard) {
        m_dashboard = new DashboardWindow(m_settings);
        m_dashboard->setAttribute(Qt::WA_DeleteOnClose, false);
        connect(m_dashboard, &DashboardWindow::settingsRequested, this,
                &GuiApplication::showSettings);
        connect(m_dashboard, &DashboardWindow::firstPaint, this, [this] {
            if (m_firstPaintMs < 0)
                m_firstPaintMs = m_clock.elapsed();
        });
        UsageService *service = m_service;
        connect(m_dashboard, &DashboardWindow::refreshRequested, service,
                &UsageService::requestScan, Qt::QueuedConnection);
        connect(m_dashboard, &DashboardWindow::dayFilterRequested, service,
                &UsageService::setDayFilter, Qt::QueuedConnection);
        connect(m_dashboard, &DashboardWindow::exportRequested, service,
                &UsageService::exportReport, Qt::QueuedConnection);
        connect(service, &UsageService::exportFinished, m_dashboard,
                &DashboardWindow::showExportResult);
        if (m_haveSnapshot)
            m_dashboard->setSnapshot(m_snapshot);
        m_dashboard->setQuota(m_quota);
        m_dashboard->setProgress(m_progress);
        m_sync->attachDashboard(m_dashboard);
    }
    m_dashboard->setNotice(m_noTrayReason);
    m_dashboard->show();
    m_dashboard->raise();
    m_dashboard->activateWindow();
}

void GuiApplication::showSettings()
{
    if (!m_settingsDialog) {
        m_settingsDialog = new SettingsDialog(m_settings, m_dashboard);
        m_settingsDialog->setAttribute(Qt::WA_DeleteOnClose);
        m_sync->attachSettings(m_settingsDialog);
    }
    m_settingsDialog->show();
    m_settingsDialog->raise();
    m_settingsDialog->activateWindow();
}

void GuiApplication::onSnapshot(const UsageSnapshot &snapshot)
{
    m_snapshot = snapshot;
    m_haveSnapshot = true;
    m_lastSnapshotMs = m_clock.elapsed();
    if (m_firstSnapshotMs < 0)
        m_firstSnapshotMs = m_lastSnapshotMs;
    if (m_tray)
        m_tray->setSnapshot(snapshot);
    if (m_dashboard)
        m_dashboard->setSnapshot(snapshot);
    m_firstRun->setSnapshot(snapshot);
}

void GuiApplication::onProgress(const ScanProgress &progress)
{
    m_progress = progress;
    if (m_tray)
        m_tray->setProgress(progress);
    if (m_dashboard)
        m_dashboard->setProgress(progress);
    m_firstRun->setProgress(progress);
}

QByteArray GuiApplication::status() const
{
    QJsonObject o;
    o.insert(u"trayAvailable"_s, QSystemTrayIcon::isSystemTrayAvailable());
    o.insert(u"trayActive"_s, m_tray && m_tray->isActive());
    o.insert(u"toolTip"_s, m_tray ? m_tray->toolTip() : QString());
    o.insert(u"generation"_s, qint64(m_snapshot.generation));
    o.insert(u"todayTokens"_s, qint64(m_snapshot.todayTotals.tokens.total()));
    o.insert(u"todayMessages"_s, qint64(m_snapshot.todayTotals.messages));
    o.insert(u"dashboardVisible"_s, m_dashboard && m_dashboard->isVisible());
    o.insert(u"notice"_s, m_dashboard ? m_dashboard->notice() : QString());
    o.insert(u"tokensCard"_s, m_dashboard ? m_dashboard->cardText(u"tokens"_s) : QString());
    o.insert(u"viewLabel"_s, m_dashboard ? m_dashboard->viewLabel() : QString());
    o.insert(u"trayMenu"_s, m_tray ? m_tray->menuTexts().join(u'\n') : QString());
    o.insert(u"indexingPercent"_s,
             m_progress.firstIndex && m_progress.total > 0 ? m_progress.percent() : -1);
    o.insert(u"firstSnapshotMs"_s, m_firstSnapshotMs);
    o.insert(u"firstPaintMs"_s, m_firstPaintMs);
    o.insert(u"lastSnapshotMs"_s, m_lastSnapshotMs);
    o.insert(u"uptimeMs"_s, m_clock.elapsed());
    o.insert(u"dashboardTab"_s, m_dashboard ? m_dashboard->currentTab() : QString());
    o.insert(u"outboxShownId"_s, m_dashboard ? qint64(m_dashboard->outboxShownId()) : 0);
    o.insert(u"trayMenuVisible"_s, m_tray && m_tray->menu()->isVisible());
    o.insert(u"dashboardQuota"_s, m_dashboard ? m_dashboard->quotaText() : QString());
    o.insert(u"quotaLevel"_s, m_tray ? int(m_tray->quotaLevel()) : 0);
    o.insert(u"quotaNotifications"_s,
             m_tray ? m_tray->quotaNotifications().join(u'\n') : QString());
    o.insert(u"settingsVisible"_s, m_settingsDialog && m_settingsDialog->isVisible());
    o.insert(u"settingsPage"_s, m_settingsDialog ? m_settingsDialog->currentPage() : QString());
    o.insert(u"emptyState"_s, m_dashboard ? m_dashboard->emptyStateTitle() : QString());
    o.insert(u"storeEmpty"_s, m_snapshot.storeEmpty);
    o.insert(u"emptySources"_s, m_snapshot.sources.toJson());
    o.insert(u"sync"_s, m_sync->statusJson());
    o.insert(u"firstRun"_s, m_firstRun->statusJson());
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QByteArray GuiApplication::handleRequest(const QByteArray &request)
{
    const QString arg = QString::fromUtf8(request.mid(request.indexOf(' ') + 1)).trimmed();
    const bool hasArg = request.contains(' ');
    if (request == "show-dashboard" || request.startsWith("show-dashboard ")) {
        showDashboard();
        if (hasArg && !m_dashboard->showTab(arg))
            return "unknown tab";
        return "ok";
    }
    if (request == "show-settings" || request.startsWith("show-settings ")) {
        showSettings();
        if (hasArg)
            m_settingsDialog->showPage(arg);
        return "ok";
    }
    if (request == "show-first-run") {
        m_firstRun->show(environment());
        return "ok";
    }
    if (request == "show-sign-in") {
        m_sync->showSignIn();
        return "ok";
    }
    if (request.startsWith("tray-action ")) {
        // What a click on the menu item does, for items a test cannot click.
        QAction *action = m_tray ? m_tray->action(arg) : nullptr;
        if (!action || !action->isVisible() || !action->isEnabled())
            return "unavailable";
        action->trigger();
        return "ok";
    }
    if (request.startsWith("geometry "))
        return geometry(arg);
    if (request == "outbox-body")
        return m_dashboard ? QJsonDocument(QJsonObject {{u"body"_s, m_dashboard->outboxBodyText()}})
                                 .toJson(QJsonDocument::Compact)
                           : QByteArray("{}");
    if (request == "status")
        return status();
    if (request.startsWith("filter-day ")) {
        const QDate day = QDate::fromString(QString::fromLatin1(request.mid(11)), Qt::ISODate);
        QMetaObject::invokeMethod(
            m_service, [s = m_service, day] { s->setDayFilter(day); }, Qt::QueuedConnection);
        return "ok";
    }
    if (request.startsWith("set-language")) {
        // What the settings dialog does on OK, for tests: save, then apply at once.
        m_settings->setLanguage(QString::fromUtf8(request.mid(12).trimmed()));
        return m_settings->apply() ? "ok" : "error";
    }
    if (request == "quit") {
        QTimer::singleShot(0, this, &GuiApplication::quit);
        return "ok";
    }
    return "unknown request";
}

QByteArray GuiApplication::geometry(const QString &name) const
{
    QRect rect;
    if (name == u"tray-icon" && m_tray) {
        rect = m_tray->iconGeometry();
    } else if (name.startsWith(u"tray-menu:") && m_tray && m_tray->menu()->isVisible()) {
        if (QAction *a = m_tray->action(name.mid(10)); a && a->isVisible())
            rect = m_tray->menu()->actionGeometry(a).translated(m_tray->menu()->pos());
    } else {
        for (QWidget *top : QApplication::topLevelWidgets()) {
            if (!top->isVisible())
                continue;
            QWidget *w = top->objectName() == name ? top : top->findChild<QWidget *>(name);
            if (w && w->isVisible()) {
                rect = QRect(w->mapToGlobal(QPoint(0, 0)), w->size());
                break;
            }
        }
    }
    if (rect.isEmpty())
        return "none";
    return QJsonDocument(QJsonObject {{u"x"_s, rect.x()},
                                      {u"y"_s, rect.y()},
                                      {u"width"_s, rect.width()},
                                      {u"height"_s, rect.height()}})
        .toJson(QJsonDocument::Compact);
}

void GuiApplication::quit()
{
    if (m_dashboard && m_dashboard->isVisible())
        m_dashboard->close();
    QCoreApplication::quit();
}
