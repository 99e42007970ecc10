#pragma once

#include "models/quotaalerts.h"
#include "models/quotasnapshot.h"
#include "models/usagesnapshot.h"
#include "sync/syncstatus.h"

#include <QIcon>
#include <QObject>

class QAction;
class QMenu;
class QSystemTrayIcon;
class QTimer;
class Settings;

// Owns the tray icon and its menu (STYLE.md §14-16). Shows today's, this week's and
// this month's numbers; emits intents the application connects to services.
class TrayController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrayController)

public:
    enum class IconVariant { Colour, Light, Dark, Mono, Busy, Attention };
    Q_ENUM(IconVariant)

    explicit TrayController(Settings *settings, QObject *parent = nullptr);
    ~TrayController() override;

    // The tray exists and our icon is in it.
    bool isActive() const;
    bool show();
    void setSnapshot(const UsageSnapshot &snapshot);
    // One menu line per agent with quota windows, the icon's tint, and the
    // notifications due (QuotaAlerts, as Settings configure them).
    void setQuota(const QuotaSnapshot &quota);
    QuotaAlerts::Level quotaLevel() const { return m_quotaLevel; }
    // Notifications shown since start ("title: message"), for tests.
    QStringList quotaNotifications() const { return m_quotaNotifications; }
    void setProgress(const ScanProgress &progress);
    void setSyncStatus(const SyncStatus &status);
    QString toolTip() const { return m_toolTip; }
    QMenu *menu() const { return m_menu; }
    QStringList menuTexts() const;
    // The menu's actions by object name ("submit-now", "auto-submit", "sign-in", ...),
    // for the single-instance socket's tests.
    QAction *action(const QString &name) const;
    // Where the icon sits on the screen (empty if the tray host does not say).
    QRect iconGeometry() const;

    static QIcon icon(IconVariant variant);
    // The text of the tooltip for a snapshot (and an indexing percent, or -1).
    static QString toolTipFor(const UsageSnapshot &snapshot, int indexingPercent);
    // The tooltip's sync lines (none until signed in).
    static QStringList syncToolTipLines(const SyncStatus &status, std::int64_t nowMs);

Q_SIGNALS:
    void dashboardRequested();
    void settingsRequested();
    void leaderboardRequested();
    void submitRequested();
    void signInRequested();
    void quitRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void buildMenu();
    void refresh();
    void refreshSync();
    void applyIcon();
    void refreshQuota();
    QuotaAlerts::Options quotaOptions() const;
    IconVariant preferredVariant() const;

    Settings *m_settings;
    QSystemTrayIcon *m_tray = nullptr;
    QMenu *m_menu = nullptr;
    QAction *m_today = nullptr;
    QAction *m_week = nullptr;
    QAction *m_month = nullptr;
    QAction *m_topModel = nullptr;
    QAction *m_lastSync = nullptr;
    QAction *m_submitNow = nullptr;
    QAction *m_autoSubmit = nullptr;
    QAction *m_signIn = nullptr;
    QAction *m_board = nullptr;
    QTimer *m_clickTimer = nullptr;
    // Keeps "2 min ago" true while time passes.
    QTimer *m_syncClock = nullptr;
    SyncStatus m_sync;
    UsageSnapshot m_snapshot;
    bool m_haveSnapshot = false;
    int m_indexingPercent = -1;
    QString m_toolTip;
    bool m_retranslatePending = false;
    QList<QAction *> m_quotaLines;
    QuotaSnapshot m_quota;
    QuotaAlerts::Level m_quotaLevel = QuotaAlerts::Level::Normal;
    QStringList m_quotaNotifications;
};
