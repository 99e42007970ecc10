#pragma once

#include "models/quotasnapshot.h"
#include "models/usagesnapshot.h"
#include "sources/sourceenvironment.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

#include <memory>

class DashboardWindow;
class FirstRunController;
class QThread;
class Settings;
class SettingsDialog;
class SingleInstance;
class SyncController;
class TrayController;
class UsageService;

struct GuiOptions
{
    QString dbPath;
    QHash<Agent, QStringList> extraDirs; // from --data-dir, added to the settings' dirs
    bool windowed = false; // --windowed: no tray icon, the dashboard is the app
    bool showDashboard = false; // --show-dashboard
    bool showFirstRun = false; // --show-first-run: the wizard even if it was done
    QString pricesPath; // --prices; empty: UsageService::defaultPriceFile()
};

// Wires the parts together: settings, the usage worker thread, the tray, the
// dashboard and the single-instance channel. Owns no logic of its own beyond that.
class GuiApplication final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GuiApplication)

public:
    GuiApplication(const GuiOptions &options, SingleInstance *instance, QObject *parent = nullptr);
    ~GuiApplication() override;

    void start();
    void showDashboard();
    void showSettings();
    QByteArray handleRequest(const QByteArray &request);

private:
    void onSnapshot(const UsageSnapshot &snapshot);
    void onProgress(const ScanProgress &progress);
    void applySettings();
    void applyLanguage();
    enum class NoTray { None, Windowed, NoHost };
    static QString noTrayText(NoTray reason);
    void setupTray();
    void retryTray();
    SourceEnvironment environment() const;
    QByteArray status() const;
    // Global geometry of a visible widget by object name, of a tray menu action
    // ("tray-menu:NAME") or of the tray icon ("tray-icon"), as JSON; for UI tests
    // that click with xdotool.
    QByteArray geometry(const QString &name) const;
    void quit();

    GuiOptions m_options;
    SingleInstance *m_instance;
    Settings *m_settings;
    TrayController *m_tray = nullptr;
    QPointer<DashboardWindow> m_dashboard;
    QPointer<SettingsDialog> m_settingsDialog;
    QThread *m_thread = nullptr;
    UsageService *m_service = nullptr;
    SyncController *m_sync = nullptr;
    FirstRunController *m_firstRun = nullptr;
    UsageSnapshot m_snapshot;
    QuotaSnapshot m_quota;
    bool m_haveSnapshot = false;
    ScanProgress m_progress;
    QString m_noTrayReason;
    NoTray m_noTray = NoTray::None;
    int m_trayRetries = 0;
    QElapsedTimer m_clock;
    qint64 m_firstSnapshotMs = -1;
    qint64 m_firstPaintMs = -1;
    qint64 m_lastSnapshotMs = -1;
};
