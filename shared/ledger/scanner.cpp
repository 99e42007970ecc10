#include "scanner.h"

#include "core/hash64.h"
#include "ledger/ledger.h"
#include "pricing/pricetable.h"
#include "sources/claudeparser.h"
#include "sources/codexparser.h"
#include "sources/jsonaccess.h"
#include "sources/opencodereader.h"
#include "sources/sourcediscovery.h"
#include "store/localstore.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QLoggingCategory>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <limits>
#include <optional>
#include <thread>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcScan, "tokentally.scan", QtInfoMsg)

namespace {

constexpr std::int64_t TailLength = 64;

// Bytes [offset, size) of a file, read into a per-thread buffer padded with
// zeros (simdjson and the SIMD search read up to 64 bytes past a line). pread
// rather than mmap: mapping and unmapping thousands of files from two threads
// serializes on the address-space lock and its TLB shootdowns.
class FileBytes
{
public:
    bool read(int fd, std::int64_t offset, std::int64_t size)
    {
        thread_local std::vector<char> buffer;
        const size_t length = size_t(std::max<std::int64_t>(0, size - offset));
        if (buffer.size() < length + Padding)
            buffer.resize(length + Padding + length / 4);
        size_t done = 0;
        while (done < length) {
            const ssize_t n =
                ::pread(fd, buffer.data() + done, length - done, offset + off_t(done));
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                return false;
            done += size_t(n);
        }
        std::memset(buffer.data() + length, 0, Padding);
        m_data = buffer.data();
        return true;
    }
    const char *data() const { return m_data; }

private:
    static constexpr size_t Padding = 64;
    const char *m_data = nullptr;
};

struct Cursor
{
    std::int64_t dev = 0, ino = 0, size = 0, mtimeNs = 0, readOffset = 0;
    std::uint64_t tailHash = 0;
    QByteArray state;
    bool deleted = false;
};

struct Job
{
    SourceFile file;
    FileUpdate update;
    std::int64_t from = 0;
    QByteArray state;
    bool verifyTail = false;
    std::uint64_t expectedTail = 0;
    bool skip = false; //!< nothing changed after all
    std::int64_t estimatedBytes = 0;
    QString error;
};

std::int64_t mtimeNs(const struct stat &st)
{
    return std::int64_t(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
}

std::uint64_t tailHashOf(const char *end, std::int64_t available)
{
    const std::int64_t n = std::min(TailLength, available);
    return hash64(std::string_view(end - n, size_t(n)), 7);
}

void runJob(Job &job)
{
    FileUpdate &u = job.update;
    if (job.file.kind == SourceKind::SqliteDb) {
        if (!OpenCodeReader::readDatabase(job.file, u.result, &job.error))
            job.skip = true;
        return;
    }
    const QByteArray path = job.file.path.toUtf8();
    const int fd = ::open(path.constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        job.skip = true;
        return;
    }
    struct stat st
    {
    };
    fstat(fd, &st);
    // The file may have grown since it was listed: read what is there now.
    u.size = st.st_size;
    u.mtimeNs = mtimeNs(st);
    u.dev = std::int64_t(st.st_dev);
    u.ino = std::int64_t(st.st_ino);
    if (job.from > u.size) {
        job.from = 0;
        u.replace = true;
    }
    FileBytes range;
    std::int64_t mapFrom = std::max<std::int64_t>(0, job.from - TailLength);
    if (!range.read(fd, mapFrom, u.size)) {
        ::close(fd);
        job.error = u"cannot read %1"_s.arg(job.file.path);
        job.skip = true;
        return;
    }
    const char *data = range.data() + (job.from - mapFrom);
    if (job.verifyTail && !u.replace && tailHashOf(data, job.from - mapFrom) != job.expectedTail) {
        // Same size or larger but different bytes before the cursor: rewritten.
        job.from = 0;
        u.replace = true;
        job.state.clear();
        mapFrom = 0;
        if (!range.read(fd, 0, u.size)) {
            ::close(fd);
            job.skip = true;
            return;
        }
        data = range.data();
    }
    ::close(fd);
    const std::int64_t length = u.size - job.from;
    switch (job.file.agent) {
    case Agent::ClaudeCode:
        ClaudeParser::parse(job.file, data, length, job.from, u.result);
        break;
    case Agent::Codex:
        CodexParser::parse(job.file, data, length, job.from, job.state, u.result);
        break;
    case Agent::OpenCode:
        OpenCodeReader::parseMessageFile(job.file, data, length, u.result);
        break;
    }
    u.readOffset = job.from + u.result.consumedBytes;
    u.tailHash = tailHashOf(data + u.result.consumedBytes, u.readOffset - mapFrom);
}

} // namespace

Scanner::Scanner(LocalStore &store, const PriceTable &prices)
    : m_store(store)
    , m_prices(&prices)
{
}

Scanner::Scanner(LocalStore &store)
    : m_store(store)
{
}

const PriceTable &Scanner::prices() const
{
    return m_prices ? *m_prices : PriceTable::bundled();
}

namespace {

constexpr int PriceFields = 11;

QByteArray packPrice(const ModelPrice &p)
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double v[PriceFields] = {p.input,
                                   p.output,
                                   p.cacheWrite,
                                   p.cacheRead,
                                   p.cacheWrite1h.value_or(nan),
                                   p.inputAbove200k.value_or(nan),
                                   p.outputAbove200k.value_or(nan),
                                   p.cacheWriteAbove200k.value_or(nan),
                                   p.cacheReadAbove200k.value_or(nan),
                                   p.cacheWrite1hAbove200k.value_or(nan),
                                   0};
    return QByteArray(reinterpret_cast<const char *>(v), sizeof(v));
}

std::optional<ModelPrice> unpackPrice(std::string_view blob)
{
    if (blob.size() != PriceFields * sizeof(double))
        return std::nullopt;
    double v[PriceFields];
    std::memcpy(v, blob.data(), sizeof(v));
    auto opt = [](double d) {
        return std::isnan(d) ? std::optional<double>() : std::optional(d);
    };
    ModelPrice p;
    p.input = v[0];
    p.output = v[1];
    p.cacheWrite = v[2];
    p.cacheRead = v[3];
    p.cacheWrite1h = opt(v[4]);
    p.inputAbove200k = opt(v[5]);
    p.outputAbove200k = opt(v[6]);
    p.cacheWriteAbove200k = opt(v[7]);
    p.cacheReadAbove200k = opt(v[8]);
    p.cacheWrite1hAbove200k = opt(v[9]);
    return p;
}

} // namespace

bool Scanner::priceRecords(std::vector<FileUpdate> &updates, const QString &fingerprint,
                           QString *loadedVersion, QString *error)
{
    // Resolve every model name once: from the cache for this table, else from
    // the table itself (loaded only then), remembering the answer.
    std::unordered_map<std::string, std::optional<ModelPrice>> resolved;
    std::vector<std::string> missing;
    Database &db = m_store.database();
    {
        Statement lookup(db, "SELECT price FROM price_cache WHERE fingerprint = ?1 AND model = ?2");
        for (const FileUpdate &u : updates) {
            for (const std::string &name : u.result.models) {
                if (resolved.count(name))
                    continue;
                lookup.bind(1, fingerprint).bind(2, std::string_view(name));
                if (lookup.step())
                    resolved[name] =
                        lookup.isNull(0) ? std::nullopt : unpackPrice(lookup.blobView(0));
                else
                    missing.push_back(name);
                lookup.reset();
                resolved.try_emplace(name);
            }
        }
    }
    if (!missing.empty()) {
        const PriceTable &table = prices();
        *loadedVersion = table.version();
        Transaction tx(db);
        Statement insert(db,
                         "INSERT OR REPLACE INTO price_cache(fingerprint, model, price) "
                         "VALUES(?1, ?2, ?3)");
        for (const std::string &name : missing) {
            const auto price = table.find(QString::fromStdString(name));
            resolved[name] = price;
            insert.bind(1, fingerprint).bind(2, std::string_view(name));
            if (price) {
                const QByteArray blob = packPrice(*price);
                insert.bindBlob(3, blob.constData(), int(blob.size()));
            } else {
                insert.bindNull(3);
            }
            insert.run();
        }
        if (!tx.commit()) {
            if (error)
                *error = u"cannot write the price cache: %1"_s.arg(db.lastError());
            return false;
        }
    }
    for (FileUpdate &u : updates) {
        std::vector<const std::optional<ModelPrice> *> byIndex;
        byIndex.reserve(u.result.models.size());
        for (const std::string &name : u.result.models)
            byIndex.push_back(&resolved[name]);
        for (UsageRecord &r : u.result.records) {
            const auto &price = *byIndex[r.model];
            r.cost = price ? PriceTable::cost(*price, r.tokens, r.cacheWrite1h)
                           : std::numeric_limits<double>::quiet_NaN();
        }
    }
    return true;
}

std::uint64_t Scanner::pathHash(const QString &path)
{
    const QByteArray u = path.toUtf8();
    return hash64(std::string_view(u.constData(), size_t(u.size())), 5);
}

bool Scanner::scan(const SourceEnvironment &env, ScanStats *statsOut, QString *error)
{
    QElapsedTimer timer;
    timer.start();
    ScanStats stats;
    const QList<SourceFile> files = SourceDiscovery::discover(env);
    stats.filesSeen = int(files.size());
    qCDebug(lcScan) << "discovered" << files.size() << "files in" << timer.elapsed() << "ms";

    std::unordered_map<std::uint64_t, Cursor> cursors;
    {
        Statement st(m_store.database(),
                     "SELECT path_hash, dev, ino, size, mtime_ns, read_offset, "
                     "tail_hash, state, deleted FROM files");
        while (st.step()) {
            Cursor c {st.int64(1), st.int64(2),     st.int64(3),
                      st.int64(4), st.int64(5),     std::uint64_t(st.int64(6)),
                      st.blob(7),  st.int64(8) != 0};
            cursors.emplace(std::uint64_t(st.int64(0)), std::move(c));
        }
    }

    std::vector<Job> jobs;
    std::vector<FileUpdate> deletions;
    std::vector<std::uint64_t> hashes;
    hashes.reserve(size_t(files.size()));
    for (const SourceFile &f : files) {
        const std::uint64_t ph = f.pathHash ? f.pathHash : pathHash(f.path);
        hashes.push_back(ph);
        if (f.size < 0)
            continue;
        struct stat st
        {
        };
        st.st_dev = dev_t(f.dev);
        st.st_ino = ino_t(f.ino);
        const std::int64_t size = f.size, mt = f.mtimeNs;
        auto it = cursors.find(ph);
        if (it != cursors.end()) {
            // The common case of a warm scan: nothing changed, nothing to build.
            const Cursor &c = it->second;
            if (c.dev == f.dev && c.ino == f.ino && c.size == size && c.mtimeNs == mt && !c.deleted)
                continue;
        }
        Job job;
        job.file = f;
        job.update.pathHash = ph;
        job.update.name = f.path.section(u'/', -1).toUtf8();
        job.update.agent = f.agent;
        job.update.kind = f.kind;
        if (it != cursors.end()) {
            const Cursor &c = it->second;
            const bool sameId =
                c.dev == std::int64_t(st.st_dev) && c.ino == std::int64_t(st.st_ino);
            if (sameId && c.size == size && c.mtimeNs == mt && !c.deleted)
                continue;
            if (f.kind != SourceKind::AppendLog || !sameId || size < c.readOffset) {
                job.update.replace = true;
            } else {
                job.from = c.readOffset;
                job.state = c.state;
                job.verifyTail = c.readOffset > 0;
                job.expectedTail = c.tailHash;
            }
        }
        if (f.kind == SourceKind::SqliteDb) {
            job.update.size = size;
            job.update.mtimeNs = mt;
            job.update.dev = std::int64_t(st.st_dev);
            job.update.ino = std::int64_t(st.st_ino);
            job.update.replace = it != cursors.end();
        }
        job.estimatedBytes = size - job.from;
        jobs.push_back(std::move(job));
    }
    // Files the store knows that discovery no longer finds keep their history.
    {
        const std::unordered_set<std::uint64_t> seen(hashes.begin(), hashes.end());
        for (const auto &[ph, c] : cursors) {
            if (!c.deleted && !seen.count(ph)) {
                FileUpdate d;
                d.pathHash = ph;
                d.deleted = true;
                deletions.push_back(std::move(d));
                ++stats.filesDeleted;
            }
        }
    }
    qCDebug(lcScan) << "planned" << jobs.size() << "reads at" << timer.elapsed() << "ms";
    // Biggest first, so that two threads finish together.
    std::vector<size_t> order(jobs.size());
    for (size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::sort(order.begin(), order.end(),
              [&](size_t a, size_t b) { return jobs[a].estimatedBytes > jobs[b].estimatedBytes; });
    // Parsers leave costs unset; priceRecords() prices them afterwards from the
    // store's per-model cache, so most scans never load the whole table.
    std::atomic<size_t> next {0};
    std::atomic<int> done {0};
    const int total = int(jobs.size());
    auto worker = [&] {
        for (size_t i; (i = next.fetch_add(1)) < order.size();) {
            runJob(jobs[order[i]]);
            const int d = ++done;
            if (m_progress)
                m_progress(d, total);
        }
    };
    int threads = m_threads > 0 ? m_threads : int(std::thread::hardware_concurrency());
    threads = std::clamp(threads, 1, std::max(1, total));
    if (threads <= 1 || total < 4) {
        worker();
    } else {
        std::vector<std::thread> pool;
        for (int t = 0; t < threads; ++t)
            pool.emplace_back(worker);
        for (auto &t : pool)
            t.join();
    }

    std::vector<FileUpdate> updates;
    updates.reserve(jobs.size() + deletions.size());
    for (Job &j : jobs) {
        if (!j.error.isEmpty())
            qCWarning(lcScan) << j.error;
        if (j.skip)
            continue;
        stats.bytesRead += j.update.readOffset - j.from;
        stats.malformedLines += j.update.result.malformedLines;
        if (j.update.replace)
            ++stats.filesReplaced;
        ++stats.filesRead;
        updates.push_back(std::move(j.update));
    }
    for (FileUpdate &d : deletions)
        updates.push_back(std::move(d));

    qCDebug(lcScan) << "parsed at" << timer.elapsed() << "ms";
    // Prices changed (another snapshot, a user file) re-price the store even
    // when no file changed.
    const QString fingerprint = m_prices ? m_prices->version() : PriceTable::bundledFingerprint();
    if (!updates.empty() || m_store.meta(u"priceFingerprint"_s) != fingerprint) {
        QString loadedVersion;
        if (!priceRecords(updates, fingerprint, &loadedVersion, error))
            return false;
        Ledger ledger(m_store);
        ledger.setPriceFingerprint(fingerprint);
        ledger.setPriceVersion(loadedVersion);
        Ledger::Result res;
        if (!ledger.apply(
                updates, [this]() -> const PriceTable & { return prices(); }, &res, error))
            return false;
        stats.records = res.records;
        stats.countedDelta = res.countedDelta;
        stats.fullRecompute = res.fullRecompute;
    }
    stats.seconds = double(timer.nsecsElapsed()) / 1e9;
    qCDebug(lcScan) << "applied at" << timer.elapsed() << "ms";
    if (statsOut)
        *statsOut = stats;
    return true;
}
