#include "scanner.h"

#include "core/clock.h"
#include "core/hash64.h"
#include "ledger/ledger.h"
#include "ledger/recordpricer.h"
#include "pricing/pricetable.h"
#include "sources/opencodereader.h"
#include "sources/sourcediscovery.h"
#include "sources/sourceregistry.h"
#include "store/localstore.h"

#include <QElapsedTimer>
#include <QLoggingCategory>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <mutex>
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
    std::int64_t fileId = 0;
    std::int64_t lines = 0;
    std::int64_t records = 0;
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
    bool hasRecords = false; //!< the store holds records of this file's last read
    std::int64_t estimatedBytes = 0;
    std::int64_t bytesRead = 0;
    OpenCodeReader::KnownRows knownRows; //!< a database's rows read before
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
        if (!OpenCodeReader::readDatabase(job.file, job.knownRows, u.result, &job.bytesRead,
                                          &job.error))
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
    SourceRegistry::of(job.file.agent).parse(job.file, data, length, job.from, job.state, u.result);
    // A whole file caught mid-rewrite (not JSON now, nothing else in it) keeps
    // what its last good read counted; its cursor stays, so the next change is read.
    if (u.replace && job.hasRecords && job.file.kind == SourceKind::WholeJson &&
        u.result.records.empty() && u.result.drops.isZero() &&
        u.result.malformed.total() == u.result.malformed[MalformedReason::NotJson] &&
        u.result.malformed.total() > 0) {
        job.skip = true;
        return;
    }
    u.readOffset = job.from + u.result.consumedBytes;
    u.tailHash = tailHashOf(data + u.result.consumedBytes, u.readOffset - mapFrom);
    job.bytesRead = u.readOffset - job.from;
}

Cursor cursorFrom(Statement &st)
{
    return Cursor {st.int64(1),  st.int64(2),      st.int64(3),
                   st.int64(4),  st.int64(5),      std::uint64_t(st.int64(6)),
                   st.blob(7),   st.int64(8) != 0, st.int64(9),
                   st.int64(10), st.int64(11)};
}

constexpr std::string_view CursorColumns = "SELECT path_hash, dev, ino, size, mtime_ns, "
                                           "read_offset, tail_hash, state, deleted, id, lines, "
                                           "records FROM files";

} // namespace

struct Scanner::Plan
{
    std::vector<Job> jobs;
    std::vector<FileUpdate> deletions;

    // Turns what discovery saw into reads: only files whose signature moved.
    void add(const SourceFile &f, const std::optional<Cursor> &cursor, LocalStore &store,
             std::int64_t notAfterMs)
    {
        if (f.size < 0)
            return;
        if (cursor && cursor->dev == f.dev && cursor->ino == f.ino && cursor->size == f.size &&
            cursor->mtimeNs == f.mtimeNs && !cursor->deleted)
            return; // the common case of a warm scan: nothing changed
        Job job;
        job.file = f;
        job.update.pathHash = f.pathHash;
        job.update.name = QStringView(f.path).sliced(f.path.lastIndexOf(u'/') + 1).toUtf8();
        job.update.agent = f.agent;
        job.update.kind = f.kind;
        job.update.result.notAfterMs = notAfterMs;
        if (cursor) {
            const Cursor &c = *cursor;
            job.hasRecords = !c.deleted && c.records > 0;
            const bool sameId = c.dev == f.dev && c.ino == f.ino;
            if (f.kind == SourceKind::SqliteDb) {
                // Row by row: the rows read before, with their update times.
                Statement st(store.database(),
                             "SELECT row_key, updated FROM db_rows WHERE file_id = ?1");
                st.bind(1, c.fileId);
                while (st.step())
                    job.knownRows.emplace(std::uint64_t(st.int64(0)), st.int64(1));
                // A store from before row tracking read the file whole: once more.
                job.update.replace = job.knownRows.empty() && c.lines > 0;
            } else if (f.kind != SourceKind::AppendLog || !sameId || f.size < c.readOffset) {
                job.update.replace = true;
                // A whole file's state outlives its rewrites (Droid: what was counted).
                if (f.kind == SourceKind::WholeJson)
                    job.state = c.state;
            } else {
                job.from = c.readOffset;
                job.state = c.state;
                job.verifyTail = c.readOffset > 0;
                job.expectedTail = c.tailHash;
            }
        }
        if (f.kind == SourceKind::SqliteDb) {
            job.update.size = f.size;
            job.update.mtimeNs = f.mtimeNs;
            job.update.dev = f.dev;
            job.update.ino = f.ino;
        }
        job.estimatedBytes = f.size - job.from;
        jobs.push_back(std::move(job));
    }

    void addDeletion(std::uint64_t pathHash)
    {
        FileUpdate d;
        d.pathHash = pathHash;
        d.deleted = true;
        deletions.push_back(std::move(d));
    }
};

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
        Statement st(m_store.database(), CursorColumns);
        while (st.step())
            cursors.emplace(std::uint64_t(st.int64(0)), cursorFrom(st));
    }
    Plan plan;
    plan.jobs.reserve(size_t(files.size())); // a Job is large: no moves as it grows
    const std::int64_t notAfter = Clock::nowMs() + FutureToleranceMs;
    std::unordered_set<std::uint64_t> seen;
    seen.reserve(size_t(files.size()));
    for (const SourceFile &f : files) {
        const std::uint64_t ph = f.pathHash ? f.pathHash : pathHash(f.path);
        seen.insert(ph);
        const auto it = cursors.find(ph);
        plan.add(f, it == cursors.end() ? std::nullopt : std::optional(it->second), m_store,
                 notAfter);
    }
    // Files the store knows that discovery no longer finds keep their history.
    for (const auto &[ph, c] : cursors) {
        if (!c.deleted && !seen.count(ph))
            plan.addDeletion(ph);
    }
    qCDebug(lcScan) << "planned" << plan.jobs.size() << "reads at" << timer.elapsed() << "ms";
    if (!run(plan, stats, error))
        return false;
    stats.seconds = double(timer.nsecsElapsed()) / 1e9;
    if (statsOut)
        *statsOut = stats;
    return true;
}

bool Scanner::scanPaths(const SourceEnvironment &env, const QStringList &paths, ScanStats *statsOut,
                        QString *error)
{
    QElapsedTimer timer;
    timer.start();
    ScanStats stats;
    Plan plan;
    const std::int64_t notAfter = Clock::nowMs() + FutureToleranceMs;
    Statement lookup(m_store.database(), std::string(CursorColumns) + " WHERE path_hash = ?1");
    std::unordered_set<std::uint64_t> planned;
    for (const QString &path : paths) {
        const std::optional<SourceFile> f = SourceDiscovery::describe(env, path);
        if (!f || !planned.insert(f->pathHash).second)
            continue;
        ++stats.filesSeen;
        lookup.bind(1, std::int64_t(f->pathHash));
        const std::optional<Cursor> cursor =
            lookup.step() ? std::optional(cursorFrom(lookup)) : std::nullopt;
        lookup.reset();
        if (f->size < 0) {
            if (cursor && !cursor->deleted)
                plan.addDeletion(f->pathHash);
            continue;
        }
        plan.add(*f, cursor, m_store, notAfter);
    }
    if (!run(plan, stats, error))
        return false;
    stats.seconds = double(timer.nsecsElapsed()) / 1e9;
    if (statsOut)
        *statsOut = stats;
    return true;
}

bool Scanner::run(Plan &plan, ScanStats &stats, QString *error)
{
    std::vector<Job> &jobs = plan.jobs;
    stats.filesDeleted = int(plan.deletions.size());
    // Prices changed (another snapshot, a user file) re-price the store even
    // when no file changed.
    const QString fingerprint = m_prices ? m_prices->version() : PriceTable::bundledFingerprint();
    if (jobs.empty() && plan.deletions.empty() &&
        m_store.meta(u"priceFingerprint"_s) == fingerprint)
        return true;

    auto table = [this]() -> const PriceTable & {
        return prices();
    };
    Ledger ledger(m_store);
    ledger.setPriceFingerprint(fingerprint);
    if (!ledger.begin(jobs.size() + plan.deletions.size(), error))
        return false;
    RecordPricer pricer(m_store.database(), fingerprint, table);

    // Biggest first, so that the parser threads finish together. The ledger
    // stores each file on this thread as soon as it is parsed.
    std::vector<size_t> order(jobs.size());
    for (size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::sort(order.begin(), order.end(),
              [&](size_t a, size_t b) { return jobs[a].estimatedBytes > jobs[b].estimatedBytes; });
    std::mutex mutex;
    std::condition_variable ready;
    std::deque<size_t> finished;
    std::atomic<size_t> next {0};
    std::atomic<int> done {0};
    const int total = int(jobs.size());
    auto worker = [&] {
        for (size_t i; (i = next.fetch_add(1)) < order.size();) {
            runJob(jobs[order[i]]);
            const int d = ++done;
            if (m_progress)
                m_progress(d, total);
            {
                std::lock_guard lock(mutex);
                finished.push_back(order[i]);
            }
            ready.notify_one();
        }
    };
    int threads = m_threads > 0 ? m_threads : int(std::thread::hardware_concurrency());
    threads = std::clamp(threads, 1, std::max(1, total));
    std::vector<std::thread> pool;
    if (threads <= 1 || total < 4) {
        worker();
    } else {
        for (int t = 0; t < threads; ++t)
            pool.emplace_back(worker);
    }
    bool ok = true;
    for (size_t handled = 0; handled < jobs.size(); ++handled) {
        size_t index;
        {
            std::unique_lock lock(mutex);
            ready.wait(lock, [&] { return !finished.empty(); });
            index = finished.front();
            finished.pop_front();
        }
        Job &j = jobs[index];
        if (!j.error.isEmpty())
            qCWarning(lcScan) << j.error;
        if (j.skip || !ok)
            continue;
        stats.bytesRead += j.bytesRead;
        stats.rowsRead += std::int64_t(j.update.result.rows.size());
        stats.malformedLines += j.update.result.malformedLines();
        if (j.update.replace)
            ++stats.filesReplaced;
        ++stats.filesRead;
        ok = pricer.price(j.update, error) && ledger.add(j.update, error);
        // What is stored is not needed any more; free it while others parse.
        j.update.result = ParseResult();
    }
    for (auto &t : pool)
        t.join();
    if (!ok)
        return false;
    for (FileUpdate &d : plan.deletions) {
        if (!ledger.add(d, error))
            return false;
    }
    ledger.setPriceVersion(pricer.loadedVersion());
    Ledger::Result res;
    if (!ledger.finish(table, &res, error))
        return false;
    stats.records = res.records;
    stats.countedDelta = res.countedDelta;
    stats.fullRecompute = res.fullRecompute;
    return true;
}
