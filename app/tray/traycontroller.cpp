#include "traycontroller.h"

#include "gui/theme.h"
#include "models/numberformat.h"
#include "settings/settings.h"

#include <QApplication>
#include <QEvent>
#include <QMenu>
#include <QSystemTrayIcon>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {

QString line(const QString &label, const UsageTotals &t)
{
    return QCoreApplication::translate("TrayController", "%1: %2 tokens · %3")
        .arg(label, NumberFormat::compact(t.tokens.total()), NumberFormat::money(t.cost()));
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
    qApp->installEventFilter(this);
    applyIcon();
    refresh();
}

void TrayController::buildMenu()
{
    // Rebuilt rather than retranslated: the menu is small and this keeps one list of texts.
    m_menu->clear();
    m_today = m_menu->addAction(QString());
    m_week = m_menu->addAction(QString());
    m_month = m_menu->addAction(QString());
    m_topModel = m_menu->addAction(QString());
    m_lastSync = m_menu->addAction(tr("Last sync: never"));
    for (QAction *a : {m_today, m_week, m_month, m_topModel, m_lastSync})
        a->setEnabled(false);
    m_menu->addSeparator();
    QAction *open = m_menu->addAction(tr("Open dashboard"));
    connect(open, &QAction::triggered, this, &TrayController::dashboardRequested);
    m_submitNow = m_menu->addAction(tr("Submit now"));
    // The sync engine (its own issue) is not in this build yet.
    m_submitNow->setEnabled(false);
    m_submitNow->setToolTip(tr("sync not available yet"));
    connect(m_submitNow, &QAction::triggered, this, &TrayController::submitRequested);
    m_autoSubmit = m_menu->addAction(tr("Auto-submit"));
    m_autoSubmit->setCheckable(true);
    m_autoSubmit->setChecked(m_settings->autoSubmit());
    connect(m_autoSubmit, &QAction::toggled, this, [this](bool on) {
        m_settings->setAutoSubmit(on);
        m_settings->apply();
    });
    QAction *board = m_menu->addAction(tr("View leaderboard"));
    connect(board, &QAction::triggered, this, &TrayController::leaderboardRequested);
    m_menu->addSeparator();
    QAction *settingsAction = m_menu->addAction(tr("Settings…"));
    connect(settingsAction, &QAction::triggered, this, &TrayController::settingsRequested);
    QAction *quit = m_menu->addAction(tr("Quit"));
    connect(quit, &QAction::triggered, this, &TrayController::quitRequested);
}

QStringList TrayController::menuTexts() const
{
    QStringList out;
    for (const QAction *a : m_menu->actions()) {
        if (!a->isSeparator())
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
    }
    QIcon icon(name);
    // The OS recolours a mask to fit its panel (macOS menu bar, some Plasma themes).
    icon.setIsMask(variant == IconVariant::Mono);
    return icon;
}

TrayController::IconVariant TrayController::preferredVariant() const
{
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
    m_tray->setIcon(icon(preferredVariant()));
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
            buildMenu();
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
    lines << line(tr("Today"), s.todayTotals);
    if (indexingPercent >= 0)
        lines << tr("Indexing history: %1%").arg(indexingPercent);
    return lines.join(u'\n');
}

void TrayController::refresh()
{
    const UsageSnapshot &s = m_snapshot;
    m_today->setText(line(tr("Today"), s.todayTotals));
    m_week->setText(line(tr("This week"), s.weekTotals));
    m_month->setText(line(tr("This month"), s.monthTotals));
    const QString top = s.topModelToday.isEmpty() ? s.topModelMonth : s.topModelToday;
    m_topModel->setText(tr("Top model: %1").arg(top.isEmpty() ? tr("none yet") : top));
    m_lastSync->setText(tr("Last sync: never (sync not available yet)"));
    m_toolTip =
        m_haveSnapshot ? toolTipFor(s, m_indexingPercent) : tr("TokenTally\nReading usage files…");
    m_tray->setToolTip(m_toolTip);
}
