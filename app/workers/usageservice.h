#pragma once

#include "models/quotasnapshot.h"
#include "models/usagesnapshot.h"
#include "sources/sourceenvironment.h"

#include "pricing/pricetable.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimeZone>

#include <atomic>
#include <memory>
#include <optional>

class LocalStore;
class QFileSystemWatcher;
class QTimer;

// Lives on its own QThread with its own store connection: scans, watches the agents'
// files and builds snapshots. The UI thread talks to it only through queued calls
// and signals, so it never waits on SQLite or the disk.
class UsageService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UsageService)

public:
    explicit UsageService(QString dbPath, QObject *parent = nullptr);
    ~UsageService() override;

    // Timing knobs (milliseconds); tests and the benchmark shorten or lengthen them.
    static constexpr int DefaultDebounceMs = 200;
    static constexpr int DefaultSweepMs = 10'000;
    static QDateTime now();
    // $XDG_CONFIG_HOME/tokentally/prices.json, as the CLI's default.
    static QString defaultPriceFile();

public Q_SLOTS:
    // Opens the store, publishes what it already has, then scans and starts watching.
    void start();
    void setEnvironment(const SourceEnvironment &env);
    void setTimeZone(const QTimeZone &zone);
    void setDayFilter(const QDate &day); // an invalid date clears the filter
    // The user's price file (the CLI's --prices): used when it exists, re-read when it
    // changes; without one the scanner loads the bundled table only when it prices.
    void setPriceFile(const QString &path);
    void requestScan();
    void exportReport(const QString &path, const QString &format);
    void stop();

Q_SIGNALS:
    // start() opened (and migrated) the store, or could not.
    void storeReady(bool ok);
    // A scan changed the store's usage (new, grown, replaced or deleted files).
    void usageChanged();
    void snapshotReady(const UsageSnapshot &snapshot);
    // The quota windows changed (a reading, or a window reset); also once after start.
    void quotaReady(const QuotaSnapshot &quota);
    void progressChanged(const ScanProgress &progress);
    void scanFinished(qint64 bytesRead, double seconds);
    void errorOccurred(const QString &message);
    void exportFinished(const QString &path, bool ok, const QString &error);

private:
    void scanNow();
    void sweep();
    void publish();
    void publishQuota();
    void rewatch();
    void onPathChanged(const QString &path);
    // Re-reads the price file when it appeared, changed or vanished; true if it did.
    bool refreshPrices();

    QString m_dbPath;
    std::unique_ptr<LocalStore> m_store;
    SourceEnvironment m_env;
    QTimeZone m_zone = QTimeZone::systemTimeZone();
    std::optional<QDate> m_filterDay;
    QFileSystemWatcher *m_watcher = nullptr;
    QTimer *m_debounce = nullptr;
    QTimer *m_sweep = nullptr;
    QTimer *m_midnight = nullptr;
    std::int64_t m_generation = 0;
    bool m_started = false;
    bool m_firstIndex = false;
    bool m_scanned = false;
    // The environment changed: the next scan publishes, even if it read nothing
    // (the empty dashboard lists the folders it looked in).
    bool m_publishAfterScan = false;
    int m_filesSeen = -1;
    int m_sweepCount = 0;
    bool m_rewatchPending = true;
    QHash<QString, qint64> m_dirTimes;
    std::atomic<int> m_lastProgressPercent {-1};
    QElapsedTimer m_progressClock;
    QString m_priceFile;
    std::optional<PriceTable> m_prices;
    QString m_priceError;
    QDateTime m_priceStamp;
    qint64 m_priceSize = -1;
    std::optional<QuotaSnapshot> m_quota;
    // Claude Code's cache file, re-read only when it changes (it can be megabytes).
    QString m_claudeCacheStamp;
    std::vector<QuotaObservation> m_claudeCache;
};
