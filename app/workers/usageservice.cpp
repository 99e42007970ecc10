#include "usageservice.h"

#include "ledger/scanner.h"
#include "pricing/pricetable.h"
#include "quota/claudeusagecache.h"
#include "report/report.h"
#include "report/reportformatter.h"
#include "sources/sourcediscovery.h"
#include "store/localstore.h"
#include "workers/snapshotbuilder.h"

#include <QDir>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QLocale>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcService, "tokentally.service", QtInfoMsg)

namespace {

// inotify watches are a shared per-user budget: watch the directories plus the files
// written most recently (live sessions); the slow sweep catches everything else.
constexpr int MaxWatchedFiles = 256;
constexpr int MaxWatchedDirs = 512;
constexpr int FullSweepEvery = 30; // with the 10 s sweep: a full scan every 5 minutes

int envInt(const char *name, int fallback)
{
    bool ok = false;
    const int v = qEnvironmentVariableIntValue(name, &ok);
    return ok && v > 0 ? v : fallback;
}

} // namespace

QDateTime UsageService::now()
{
    // TOKENTALLY_NOW pins the clock (ISO 8601) for demos and tests of day boundaries.
    static const QDateTime pinned =
        QDateTime::fromString(qEnvironmentVariable("TOKENTALLY_NOW"), Qt::ISODate);
    return pinned.isValid() ? pinned : QDateTime::currentDateTimeUtc();
}

UsageService::UsageService(QString dbPath, QObject *parent)
    : QObject(parent)
    , m_dbPath(std::move(dbPath))
    , m_priceFile(defaultPriceFile())
{
}

QString UsageService::defaultPriceFile()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
        u"/tokentally/prices.json"_s;
}

void UsageService::setPriceFile(const QString &path)
{
    m_priceFile = path;
    m_priceStamp = QDateTime();
    m_priceSize = -1;
}

bool UsageService::refreshPrices()
{
    const QFileInfo fi(m_priceFile);
    if (!fi.exists()) {
        const bool had = m_prices.has_value() || !m_priceError.isEmpty();
        m_prices.reset();
        m_priceError.clear();
        m_priceStamp = QDateTime();
        m_priceSize = -1;
        return had;
    }
    if (fi.lastModified() == m_priceStamp && fi.size() == m_priceSize)
        return false;
    m_priceStamp = fi.lastModified();
    m_priceSize = fi.size();
    PriceTable table = PriceTable::bundled();
    QString error;
    if (table.loadOverrideFile(m_priceFile, &error)) {
        m_prices = std::move(table);
        m_priceError.clear();
    } else {
        // Bundled prices rather than none: the accounting page says why.
        m_prices.reset();
        m_priceError = error.isEmpty() ? tr("unreadable") : error;
        Q_EMIT errorOccurred(tr("Price file %1: %2").arg(m_priceFile, m_priceError));
    }
    return true;
}

UsageService::~UsageService() = default;

void UsageService::start()
{
    if (m_started)
        return;
    m_started = true;
    m_store = std::make_unique<LocalStore>();
    QString error;
    QDir().mkpath(QFileInfo(m_dbPath).absolutePath());
    if (!m_store->open(m_dbPath, &error)) {
        m_store.reset();
        Q_EMIT errorOccurred(tr("Cannot open the usage store %1: %2").arg(m_dbPath, error));
        Q_EMIT storeReady(false);
        return;
    }
    // Migrated: other connections (the sync worker) may open it now.
    Q_EMIT storeReady(true);
    m_watcher = new QFileSystemWatcher(this);
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, &UsageService::onPathChanged);
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, this, &UsageService::onPathChanged);
    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(envInt("TOKENTALLY_DEBOUNCE_MS", DefaultDebounceMs));
    connect(m_debounce, &QTimer::timeout, this, &UsageService::scanNow);
    // The sweep covers trees inotify cannot (recursive dirs, network file systems).
    m_sweep = new QTimer(this);
    m_sweep->setInterval(envInt("TOKENTALLY_SWEEP_MS", DefaultSweepMs));
    m_sweep->setTimerType(Qt::VeryCoarseTimer);
    connect(m_sweep, &QTimer::timeout, this, &UsageService::sweep);
    // Day boundaries move "today" even when nothing is written.
    m_midnight = new QTimer(this);
    m_midnight->setSingleShot(true);
    m_midnight->setTimerType(Qt::VeryCoarseTimer);
    connect(m_midnight, &QTimer::timeout, this, &UsageService::publish);

    // An empty store is a first index: show its progress.
    m_firstIndex = m_store->accounting().files == 0;
    publish();
    scanNow();
    m_sweep->start();
}

void UsageService::setEnvironment(const SourceEnvironment &env)
{
    m_env = env;
    m_publishAfterScan = true;
    if (m_started)
        requestScan();
}

void UsageService::setTimeZone(const QTimeZone &zone)
{
    if (zone == m_zone)
        return;
    m_zone = zone;
    if (m_started)
        publish();
}

void UsageService::setDayFilter(const QDate &day)
{
    m_filterDay = day.isValid() ? std::optional<QDate>(day) : std::nullopt;
    if (m_started)
        publish();
}

void UsageService::requestScan()
{
    if (m_debounce)
        m_debounce->start();
}

void UsageService::sweep()
{
    // A full scan stats every file (~0.1 s for a 1 GB history), too much every 10 s for
    // an idle app. Most sweeps only stat the watched folders, whose mtimes move when files
    // appear or vanish; every FullSweepEvery-th sweep scans everything, for appends to
    // files outside the watch budget and for file systems without inotify.
    bool changed = ++m_sweepCount % FullSweepEvery == 0;
    for (const QString &dir : m_watcher->directories()) {
        const qint64 mtime = QFileInfo(dir).lastModified().toMSecsSinceEpoch();
        auto it = m_dirTimes.find(dir);
        if (it == m_dirTimes.end() || *it != mtime) {
            changed = true;
            m_dirTimes.insert(dir, mtime);
        }
    }
    if (changed) {
        m_rewatchPending = true;
        scanNow();
    }
    // The statusline writes readings without a file change here, Claude Code
    // rewrites its cache, and windows reset as time passes.
    publishQuota();
}

void UsageService::onPathChanged(const QString &path)
{
    qCDebug(lcService) << "changed:" << path;
    if (m_watcher->directories().contains(path))
        m_rewatchPending = true;
    // A change signal is only a hint; the scanner's cursors decide what is new.
    m_debounce->start();
}

void UsageService::scanNow()
{
    if (!m_store)
        return;
    m_debounce->stop();
    const bool pricesChanged = refreshPrices();
    Scanner scanner = m_prices ? Scanner(*m_store, *m_prices) : Scanner(*m_store);
    m_lastProgressPercent = -1;
    m_progressClock.start();
    const bool first = m_firstIndex;
    scanner.setProgressCallback([this, first](int done, int total) {
        // Called from the scanner's threads: emit at most once per percent.
        const int pct = total > 0 ? done * 100 / total : 0;
        if (m_lastProgressPercent.exchange(pct) == pct)
            return;
        Q_EMIT progressChanged(ScanProgress {done, total, first});
    });
    ScanStats stats;
    QString error;
    if (!scanner.scan(m_env, &stats, &error)) {
        Q_EMIT errorOccurred(tr("Scan failed: %1").arg(error));
        return;
    }
    if (first) {
        m_firstIndex = false;
        Q_EMIT progressChanged(ScanProgress {1, 1, false});
    }
    const bool firstScan = !std::exchange(m_scanned, true);
    const bool environmentChanged = std::exchange(m_publishAfterScan, false);
    Q_EMIT scanFinished(stats.bytesRead, stats.seconds);
    qCDebug(lcService) << "scan: read" << stats.filesRead << "files," << stats.bytesRead
                       << "bytes in" << stats.seconds << "s";
    const bool changed = stats.filesRead > 0 || stats.filesDeleted > 0 || stats.filesReplaced > 0;
    // Appends to watched files keep the watch list as it is; new, deleted or replaced
    // files, and changes the watcher did not report, rebuild it.
    if (m_rewatchPending || stats.filesSeen != m_filesSeen || stats.filesDeleted > 0 ||
        stats.filesReplaced > 0) {
        m_filesSeen = stats.filesSeen;
        m_rewatchPending = false;
        rewatch();
    }
    if (changed)
        Q_EMIT usageChanged();
    if (changed || first || pricesChanged || firstScan || environmentChanged)
        publish();
}

void UsageService::publish()
{
    if (!m_store)
        return;
    QElapsedTimer timer;
    timer.start();
    SnapshotBuilder::Options o;
    o.timeZone = m_zone;
    o.today = now().toTimeZone(m_zone).date();
    o.firstDayOfWeek = QLocale().firstDayOfWeek();
    o.filterDay = m_filterDay;
    const auto [from, to] = SnapshotBuilder::hourRange(o);
    UsageSnapshot s = SnapshotBuilder::build(m_store->usageRows(from, to), o);
    s.accounting = m_store->accounting();
    s.priceFile = m_prices || !m_priceError.isEmpty() ? m_priceFile : QString();
    s.priceFileError = m_priceError;
    s.scanned = m_scanned;
    s.storeEmpty = s.accounting.messages == 0;
    if (s.storeEmpty && m_scanned)
        s.sources = SourceOverview::inspect(m_env);
    s.generation = ++m_generation;
    Q_EMIT snapshotReady(s);
    qCDebug(lcService) << "snapshot" << s.generation << "built in" << timer.elapsed() << "ms";
    publishQuota();

    const QDateTime local = now().toTimeZone(m_zone);
    const QDateTime midnight(local.date().addDays(1), QTime(0, 0, 1), m_zone);
    m_midnight->start(int(std::clamp<qint64>(local.msecsTo(midnight), 1000, 24 * 3600 * 1000)));
}

void UsageService::publishQuota()
{
    if (!m_store)
        return;
    QString stamp;
    for (const QString &path : ClaudeUsageCache::files(m_env)) {
        const QFileInfo info(path);
        stamp += path + QString::number(info.size()) + u'@' +
            QString::number(info.lastModified().toMSecsSinceEpoch()) + u';';
    }
    if (stamp != m_claudeCacheStamp) {
        m_claudeCacheStamp = stamp;
        m_claudeCache = ClaudeUsageCache::read(m_env);
    }
    QuotaSnapshot q;
    q.nowMs = now().toMSecsSinceEpoch();
    q.entries = QuotaStatus::merge(m_store->quotas(), m_claudeCache, q.nowMs);
    q.history =
        m_store->quotaHistory(q.nowMs - std::int64_t(QuotaSnapshot::HistoryDays) * 86'400'000);
    if (m_quota && m_quota->sameAs(q))
        return;
    m_quota = q;
    Q_EMIT quotaReady(q);
}

void UsageService::rewatch()
{
    QStringList dirs;
    struct Recent
    {
        QString path;
        qint64 mtime;
    };
    std::vector<Recent> files;
    for (int a = 0; a < AgentCount; ++a) {
        for (const QString &root : SourceDiscovery::roots(Agent(a), m_env)) {
            if (QFileInfo::exists(root))
                dirs << root;
        }
    }
    for (const SourceFile &f : SourceDiscovery::discover(m_env)) {
        const QFileInfo fi(f.path);
        files.push_back({f.path, fi.lastModified().toMSecsSinceEpoch()});
        const QString dir = fi.absolutePath();
        if (!dirs.contains(dir) && dirs.size() < MaxWatchedDirs)
            dirs << dir;
    }
    std::sort(files.begin(), files.end(),
              [](const Recent &a, const Recent &b) { return a.mtime > b.mtime; });
    QStringList wantedFiles;
    for (size_t i = 0; i < files.size() && i < size_t(MaxWatchedFiles); ++i)
        wantedFiles << files[i].path;

    const QStringList oldFiles = m_watcher->files();
    const QStringList oldDirs = m_watcher->directories();
    QStringList drop;
    for (const QString &p : oldFiles)
        if (!wantedFiles.contains(p))
            drop << p;
    for (const QString &p : oldDirs)
        if (!dirs.contains(p))
            drop << p;
    if (!drop.isEmpty())
        m_watcher->removePaths(drop);
    QStringList add;
    for (const QString &p : std::as_const(wantedFiles))
        if (!oldFiles.contains(p))
            add << p;
    for (const QString &p : std::as_const(dirs))
        if (!oldDirs.contains(p))
            add << p;
    if (!add.isEmpty())
        m_watcher->addPaths(add);
    m_dirTimes.clear();
    for (const QString &dir : m_watcher->directories())
        m_dirTimes.insert(dir, QFileInfo(dir).lastModified().toMSecsSinceEpoch());
    qCDebug(lcService) << "watching" << m_watcher->files().size() << "files and"
                       << m_watcher->directories().size() << "directories";
}

void UsageService::exportReport(const QString &path, const QString &format)
{
    if (!m_store) {
        Q_EMIT exportFinished(path, false, tr("The usage store is not open."));
        return;
    }
    ReportQuery q;
    q.kind = ReportKind::Daily;
    q.breakdown = true;
    q.timeZone = m_zone;
    if (m_filterDay) {
        q.since = m_filterDay;
        q.until = m_filterDay;
    }
    const Report report = Report::build(*m_store, q);
    const QByteArray bytes =
        format == u"csv" ? ReportFormatter::csv(report) : ReportFormatter::json(report);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        Q_EMIT exportFinished(path, false, file.errorString());
        return;
    }
    Q_EMIT exportFinished(path, true, QString());
}

void UsageService::stop()
{
    if (m_sweep)
        m_sweep->stop();
    if (m_debounce)
        m_debounce->stop();
    if (m_midnight)
        m_midnight->stop();
    delete m_watcher;
    m_watcher = nullptr;
    m_store.reset();
    m_started = false;
}
