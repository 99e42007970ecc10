#include "traycontroller.h"

#include "gui/theme.h"
#include "models/numberformat.h"
#include "models/quotatext.h"
#include "models/syncstatusformat.h"
#include "settings/settings.h"

#include <QApplication>
#include <QDateTime>
#include <QEvent>
#include <QMenu>
#include <QPainter>
#include <QSystemTrayIcon>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {

// \a pattern is a whole translated line: %1 the tokens, %2 the cost.
QString line(const QString &pattern, const UsageTotals &t)
{
    return pattern.arg(NumberFormat::compact(t.tokens.total()), NumberFormat::money(t.cost()));
}

} // namespace

TrayController::TrayController(Settings *settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
{
    m_menu = new QMenu();
    buildMenu();
    m_menu->setToolTipsVisible(true);
    connect(m_settings, &Settings::changed, this, [this](const QList<Settings::Key> &keys) {
        if (keys.contains(Settings::Key::AutoSubmit))
            m_autoSubmit->setChecked(m_settings->autoSubmit());
        for (Settings::Key k :
             {Settings::Key::QuotaNotify, Settings::Key::QuotaWarnPercent,
              Settings::Key::QuotaCriticalPercent, Settings::Key::QuotaNotifyReset}) {
            if (keys.contains(k)) {
                setQuota(m_quota);
                break;
            }
        }
    });

    m_tray = new QSystemTrayIcon(this);
    m_tray->setContextMenu(m_menu);
    // QTBUG-69698: some hosts send Trigger before DoubleClick; wait before acting.
    m_clickTimer = new QTimer(this);
    m_clickTimer->setSingleShot(true);
    m_clickTimer->setInterval(150);
    connect(m_clickTimer, &QTimer::timeout, this, &TrayController::dashboardRequested);
    connect(m_tray, &QSystemTrayIcon::activated, this,
            [this](QSystemTrayIcon::ActivationReason reason) {
                switch (reason) {
                case QSystemTrayIcon::Trigger:
#ifndef Q_OS_MACOS
                    m_clickTimer->start();
#endif
                    break;
                case QSystemTrayIcon::DoubleClick:
                    m_clickTimer->stop();
                    Q_EMIT dashboardRequested();
                    break;
                default:
                    break;
                }
            });
    m_syncClock = new QTimer(this);
    m_syncClock->setInterval(30'000);
    m_syncClock->setTimerType(Qt::VeryCoarseTimer);
    connect(m_syncClock, &QTimer::timeout, this, &TrayController::refreshSync);
    connect(m_menu, &QMenu::aboutToShow, this, &TrayController::refreshSync);
    qApp->installEventFilter(this);
    applyIcon();
    refresh();
}

void TrayController::buildMenu()
{
    // Rebuilt rather than retranslated: the menu is small and this keeps one list of texts.
    m_menu->clear();
    auto add = [this](const char *name, const QString &text) {
        QAction *a = m_menu->addAction(text);
        a->setObjectName(QString::fromLatin1(name));
        return a;
    };
    m_today = add("today", QString());
    m_week = add("week", QString());
    m_month = add("month", QString());
    m_topModel = add("top-model", QString());
    m_lastSync = add("last-sync", QString());
    for (QAction *a : {m_today, m_week, m_month, m_topModel, m_lastSync})
        a->setEnabled(false);
    m_menu->addSeparator();
    connect(add("open-dashboard", tr("Open dashboard")), &QAction::triggered, this,
            &TrayController::dashboardRequested);
    m_submitNow = add("submit-now", tr("Submit now"));
    connect(m_submitNow, &QAction::triggered, this, &TrayController::submitRequested);
    m_autoSubmit = add("auto-submit", tr("Auto-submit"));
    m_autoSubmit->setCheckable(true);
    m_autoSubmit->setChecked(m_settings->autoSubmit());
    m_autoSubmit->setToolTip(tr("Submit when new usage has settled, and every %n minute(s)",
                                nullptr, m_settings->submitIntervalMinutes()));
    connect(m_autoSubmit, &QAction::toggled, this, [this](bool on) {
        m_settings->setAutoSubmit(on);
        m_settings->apply();
    });
    // Until signed in (or after the server signed us out) this one stands in
    // for Submit now and Auto-submit: both would do nothing yet.
    m_signIn = add("sign-in", QString());
    connect(m_signIn, &QAction::triggered, this, &TrayController::signInRequested);
    m_board = add("view-leaderboard", tr("View leaderboard"));
    connect(m_board, &QAction::triggered, this, &TrayController::leaderboardRequested);
    m_menu->addSeparator();
    connect(add("settings", tr("Settings…")), &QAction::triggered, this,
            &TrayController::settingsRequested);
    connect(add("quit", tr("Quit")), &QAction::triggered, this, &TrayController::quitRequested);
}

QAction *TrayController::action(const QString &name) const
{
    for (QAction *a : m_menu->actions()) {
        if (a->objectName() == name)
            return a;
    }
    return nullptr;
}

QRect TrayController::iconGeometry() const
{
    return m_tray->geometry();
}

QStringList TrayController::menuTexts() const
{
    QStringList out;
    for (const QAction *a : m_menu->actions()) {
        if (!a->isSeparator() && a->isVisible())
            out << a->text();
    }
    return out;
}

TrayController::~TrayController()
{
    delete m_menu;
}

bool TrayController::isActive() const
{
    return m_tray->isVisible() && QSystemTrayIcon::isSystemTrayAvailable();
}

bool TrayController::show()
{
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return false;
    m_tray->show();
    return true;
}

QIcon TrayController::icon(IconVariant variant)
{
    QString name;
    switch (variant) {
    case IconVariant::Colour:
        name = u":/icons/tokentally.svg"_s;
        break;
    case IconVariant::Light:
        name = u":/icons/tokentally-tray-light.svg"_s;
        break;
    case IconVariant::Dark:
        name = u":/icons/tokentally-tray-dark.svg"_s;
        break;
    case IconVariant::Mono:
        name = u":/icons/tokentally-tray-mono.svg"_s;
        break;
    case IconVariant::Busy:
        name = u":/icons/tokentally-busy.svg"_s;
        break;
    case IconVariant::Attention:
        name = u":/icons/tokentally-attention.svg"_s;
        break;
    }
    QIcon icon(name);
    // The OS recolours a mask to fit its panel (macOS menu bar, some Plasma themes).
    icon.setIsMask(variant == IconVariant::Mono);
    return icon;
}

TrayController::IconVariant TrayController::preferredVariant() const
{
    // Signed out by the server: the one state that needs the user.
    if (m_sync.signedIn && m_sync.signedOut)
        return IconVariant::Attention;
    if (m_indexingPercent >= 0)
        return IconVariant::Busy;
    const QByteArray forced = qgetenv("TOKENTALLY_TRAY_ICON");
    if (forced == "mono")
        return IconVariant::Mono;
    if (forced == "light")
        return IconVariant::Light;
    if (forced == "dark")
        return IconVariant::Dark;
#ifdef Q_OS_MACOS
    return IconVariant::Mono;
#else
    // The filled mark reads on light and dark panels alike.
    return IconVariant::Colour;
#endif
}

void TrayController::applyIcon()
{
    const IconVariant variant = preferredVariant();
    QIcon base = icon(variant);
    if (m_quotaLevel == QuotaAlerts::Level::Normal || variant == IconVariant::Busy ||
        variant == IconVariant::Attention) {
        m_tray->setIcon(base);
        return;
    }
    // A quota near its limit: a dot in the corner, amber at the warning level,
    // red at the critical one.
    const QColor dot = m_quotaLevel == QuotaAlerts::Level::Critical ? QColor(0xd9, 0x30, 0x25)
                                                                    : QColor(0xf2, 0x9d, 0x0c);
    QIcon tinted;
    for (int size : {16, 22, 24, 32, 48, 64}) {
        QPixmap pm = base.pixmap(QSize(size, size));
        if (pm.isNull())
            continue;
        QPainter p(&pm);
        p.setRenderHint(QPainter::Antialiasing);
        const qreal d = size * 0.5;
        p.setPen(QPen(Qt::white, std::max(1.0, size / 16.0)));
        p.setBrush(dot);
        p.drawEllipse(QRectF(size - d - 0.5, size - d - 0.5, d, d));
        p.end();
        tinted.addPixmap(pm);
    }
    m_tray->setIcon(tinted.isNull() ? base : tinted);
}

QuotaAlerts::Options TrayController::quotaOptions() const
{
    QuotaAlerts::Options o;
    o.enabled = m_settings->quotaNotify();
    o.warnPercent = m_settings->quotaWarnPercent();
    o.criticalPercent = std::max(m_settings->quotaCriticalPercent(), o.warnPercent);
    o.onReset = m_settings->quotaNotifyReset();
    return o;
}

void TrayController::setQuota(const QuotaSnapshot &quota)
{
    m_quota = quota;
    const QuotaAlerts::Options options = quotaOptions();
    const QuotaAlerts::Level level = QuotaAlerts::level(quota.entries, options);
    if (level != m_quotaLevel) {
        m_quotaLevel = level;
        applyIcon();
    }
    QStringList notified = m_settings->quotaNotified();
    const QStringList before = notified;
    const auto alerts = QuotaAlerts::due(quota.entries, options, quota.nowMs, &notified);
    if (notified != before) {
        // Saved before showing: a crash right after must not notify again.
        m_settings->setQuotaNotified(notified);
        m_settings->apply();
    }
    for (const QuotaAlerts::Alert &a : alerts) {
        m_quotaNotifications << a.title + u": "_s + a.message;
        m_tray->showMessage(a.title, a.message,
                            a.critical ? QSystemTrayIcon::Warning : QSystemTrayIcon::Information,
                            10'000);
    }
    refreshQuota();
    refreshSync();
}

void TrayController::refreshQuota()
{
    for (QAction *a : std::as_const(m_quotaLines)) {
        m_menu->removeAction(a);
        a->deleteLater();
    }
    m_quotaLines.clear();
    const QTimeZone zone = QTimeZone::systemTimeZone();
    for (Agent agent : QuotaText::agents(m_quota.entries)) {
        const QString text = QuotaText::agentLine(agent, m_quota.entries, m_quota.nowMs, zone);
        if (text.isEmpty())
            continue;
        auto *a = new QAction(text, m_menu);
        a->setObjectName(u"quota-"_s + agentId(agent));
        a->setToolTip(QuotaText::details(agent, m_quota.entries, m_quota.nowMs, zone).join(u'\n'));
        a->setEnabled(false);
        m_menu->insertAction(m_lastSync, a);
        m_quotaLines << a;
    }
}

bool TrayController::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == qApp &&
        (event->type() == QEvent::ApplicationPaletteChange || event->type() == QEvent::ThemeChange))
        applyIcon();
    if (watched == qApp && event->type() == QEvent::LanguageChange && !m_retranslatePending) {
        // One rebuild for the several LanguageChange events a catalogue swap sends.
        m_retranslatePending = true;
        QTimer::singleShot(0, this, [this] {
            m_retranslatePending = false;
            m_quotaLines.clear(); // buildMenu() deleted them
            buildMenu();
            refreshQuota();
            refresh();
        });
    }
    return QObject::eventFilter(watched, event);
}

void TrayController::setSnapshot(const UsageSnapshot &snapshot)
{
    m_snapshot = snapshot;
    m_haveSnapshot = true;
    refresh();
}

void TrayController::setProgress(const ScanProgress &progress)
{
    const int pct = progress.firstIndex && progress.total > 0 ? progress.percent() : -1;
    if (pct == m_indexingPercent)
        return;
    const bool iconChanges = (pct < 0) != (m_indexingPercent < 0);
    m_indexingPercent = pct;
    if (iconChanges)
        applyIcon();
    refresh();
}

QString TrayController::toolTipFor(const UsageSnapshot &s, int indexingPercent)
{
    QStringList lines {u"TokenTally"_s};
    lines << line(tr("Today: %1 tokens · %2"), s.todayTotals);
    if (indexingPercent >= 0)
        lines << tr("Indexing history: %1%").arg(indexingPercent);
    return lines.join(u'\n');
}

void TrayController::refresh()
{
    const UsageSnapshot &s = m_snapshot;
    m_today->setText(line(tr("Today: %1 tokens · %2"), s.todayTotals));
    m_week->setText(line(tr("This week: %1 tokens · %2"), s.weekTotals));
    m_month->setText(line(tr("This month: %1 tokens · %2"), s.monthTotals));
    const QString top = s.topModelToday.isEmpty() ? s.topModelMonth : s.topModelToday;
    m_topModel->setText(tr("Top model: %1").arg(top.isEmpty() ? tr("none yet") : top));
    refreshSync();
}

void TrayController::setSyncStatus(const SyncStatus &status)
{
    const bool attention = status.signedIn && status.signedOut;
    const bool iconChanges = attention != (m_sync.signedIn && m_sync.signedOut);
    m_sync = status;
    if (iconChanges)
        applyIcon();
    refreshSync();
}

QStringList TrayController::syncToolTipLines(const SyncStatus &s, std::int64_t nowMs)
{
    if (!s.signedIn)
        return {};
    QStringList lines {SyncStatusFormat::lastSyncLine(s, nowMs)};
    if (s.signedOut)
        lines << tr("Sign in again to keep submitting.");
    return lines;
}

void TrayController::refreshSync()
{
    const SyncStatus &s = m_sync;
    const std::int64_t now = QDateTime::currentMSecsSinceEpoch();
    m_lastSync->setText(s.loaded ? SyncStatusFormat::lastSyncLine(s, now) : tr("Sync: starting…"));
    m_lastSync->setToolTip(SyncStatusFormat::details(s).join(u'\n'));
    const bool canSubmit = s.canSubmit();
    m_submitNow->setVisible(canSubmit);
    m_submitNow->setEnabled(s.activity != SyncStatus::Activity::Submitting);
    m_autoSubmit->setVisible(canSubmit);
    m_signIn->setVisible(!canSubmit);
    m_signIn->setText(s.signedOut ? tr("Sign in again…") : tr("Sign in to submit…"));
    m_signIn->setEnabled(s.loaded && s.storeError.isEmpty());
    m_signIn->setToolTip(s.storeError);
    m_board->setEnabled(s.signedIn);
    m_board->setToolTip(s.signedIn ? s.profileUrl : tr("Sign in to a server first"));
    // "2 min ago" must stay true while the menu or tooltip can be seen.
    const bool ticking = s.signedIn && (s.lastAttemptMs > 0 || s.nextAttemptMs > 0);
    if (ticking && !m_syncClock->isActive())
        m_syncClock->start();
    else if (!ticking)
        m_syncClock->stop();

    QStringList lines = (m_haveSnapshot ? toolTipFor(m_snapshot, m_indexingPercent)
                                        : tr("TokenTally\nReading usage files…"))
                            .split(u'\n');
    for (const QAction *a : std::as_const(m_quotaLines))
        lines << a->text();
    lines << syncToolTipLines(s, now);
    m_toolTip = lines.join(u'\n');
    m_tray->setToolTip(m_toolTip);
}
