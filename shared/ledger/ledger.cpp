#include "ledger.h"

#include "core/clock.h"
#include "ledger/bucketdeltas.h"
#include "ledger/groupwinners.h"
#include "pricing/pricetable.h"
#include "quota/quotabatch.h"
#include "sources/sourceregistry.h"
#include "store/bulkinsert.h"
#include "store/localstore.h"
#include "store/storedrecord.h"

#include <QElapsedTimer>
#include <QHash>
#include <QLoggingCategory>

#include <cmath>
#include <cstring>
#include <limits>
#include <optional>
#include <unordered_map>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcLedger, "tokentally.ledger", QtInfoMsg)

namespace {

constexpr int RefShift = GroupWinners::RefShift;
constexpr std::int64_t BulkCacheKiB = 64 * 1024;

std::vector<StoredRecord> recordsOf(std::string_view blob)
{
    std::vector<StoredRecord> recs(blob.size() / sizeof(StoredRecord));
    std::memcpy(recs.data(), blob.data(), recs.size() * sizeof(StoredRecord));
    return recs;
}

// What a file contributes to the accounting view; kept per file.
struct FileCounters
{
    std::int64_t lines = 0, records = 0;
    DropCounts drops;
    MalformedCounts malformed;
};

} // namespace

struct Ledger::Batch
{
    explicit Batch(Database &db)
        : db(db)
        , tx(db)
        , winners(db, buckets, ledgerDrops)
        , fileByHashQuery(db, "SELECT id, name FROM files WHERE path_hash = ?1")
        , sessionQuery(db, "SELECT id FROM sessions WHERE agent = ?1 AND name = ?2")
        , insModel(db, "INSERT INTO models(name) VALUES(?1)")
        , insSession(db, "INSERT INTO sessions(agent, name) VALUES(?1, ?2)")
        , newFile(db,
                  "INSERT INTO files(path_hash, agent, kind, dev, ino, size, mtime_ns, "
                  "read_offset, tail_hash, state, name, lines, malformed, pending, records, "
                  "drops, malformed_by, skipped) "
                  "VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18)")
        , fileChunks(db, "SELECT id, records FROM chunks WHERE file_id = ?1")
        , delChunks(db, "DELETE FROM chunks WHERE file_id = ?1")
        , delChunk(db, "DELETE FROM chunks WHERE id = ?1")
        , chunkById(db, "SELECT records FROM chunks WHERE id = ?1")
        , updFile(db,
                  "UPDATE files SET dev=?2, ino=?3, size=?4, mtime_ns=?5, read_offset=?6, "
                  "tail_hash=?7, state=?8, name=?9, lines=?10, malformed=?11, pending=?12, "
                  "records=?13, drops=?14, deleted=0, kind=?15, malformed_by=?16, skipped=?17 "
                  "WHERE id=?1")
        , getFileCounters(db, "SELECT lines, records, drops, malformed_by FROM files WHERE id=?1")
        , markDeleted(db, "UPDATE files SET deleted=1 WHERE id=?1")
        , dbRow(db, "SELECT outcome, chunk_id FROM db_rows WHERE file_id = ?1 AND row_key = ?2")
        , delDbRows(db, "DELETE FROM db_rows WHERE file_id = ?1")
        , nextChunkId(db, "SELECT COALESCE(MAX(id), 0) + 1 FROM chunks")
        , insChunks(db, "INSERT INTO chunks(id, file_id, records, gkey)", 4)
        , putDbRows(
              db, "INSERT OR REPLACE INTO db_rows(file_id, row_key, updated, outcome, chunk_id)", 5)
        , newFiles(db,
                   "INSERT INTO files(id, path_hash, agent, kind, dev, ino, size, mtime_ns, "
                   "read_offset, tail_hash, state, name, lines, malformed, pending, records, "
                   "drops, malformed_by, skipped)",
                   19)
        , newSessions(db, "INSERT INTO sessions(id, agent, name)", 3)
    {
    }

    ~Batch()
    {
        if (cacheSizeBefore)
            db.setCacheSize(*cacheSizeBefore);
    }

    Database &db;
    Transaction tx;
    std::optional<std::int64_t> cacheSizeBefore;
    BucketDeltas buckets;
    QuotaBatch quota;
    DropCounts ledgerDrops;
    GroupWinners winners;
    Result res;
    bool bulk = false;
    bool fullRecompute = false;
    bool priceChanged = false;
    std::int64_t messagesBefore = 0;
    QString storedFingerprint;
    QElapsedTimer timer;

    std::unordered_map<std::uint64_t, std::pair<std::int64_t, QByteArray>> fileByHash;
    QHash<QByteArray, std::uint32_t> modelIds;
    QHash<QByteArray, std::uint32_t> sessionIds; // key: agent byte + name

    Statement fileByHashQuery, sessionQuery, insModel, insSession, newFile, fileChunks, delChunks,
        delChunk, chunkById, updFile, getFileCounters, markDeleted, dbRow, delDbRows, nextChunkId;
    //! Chunks with their ids and database rows, many per statement: flushed
    //! by each add(), or only by flushDeferred() when deferInserts is set.
    BulkInsert insChunks, putDbRows;
    BulkInsert newFiles, newSessions; //!< with deferInserts

    //! The first scan into an empty store reads nothing back while it writes:
    //! its new files, sessions and chunks get the ids SQLite would give them
    //! and wait in BulkInserts, flushed before anything reads them.
    bool deferInserts = false;
    std::int64_t nextFileId = 0, nextSessionId = 0, nextChunk = 0;

    bool flushDeferred()
    {
        return newSessions.flush() && newFiles.flush() && insChunks.flush() && putDbRows.flush();
    }

    std::optional<std::pair<std::int64_t, QByteArray>> findFile(std::uint64_t pathHash)
    {
        if (bulk) {
            const auto it = fileByHash.find(pathHash);
            if (it == fileByHash.end())
                return std::nullopt;
            return it->second;
        }
        fileByHashQuery.bind(1, std::int64_t(pathHash));
        std::optional<std::pair<std::int64_t, QByteArray>> found;
        if (fileByHashQuery.step())
            found = std::pair {fileByHashQuery.int64(0), fileByHashQuery.text(1).toUtf8()};
        fileByHashQuery.reset();
        return found;
    }

    std::uint32_t modelId(const std::string &name)
    {
        const QByteArray key = QByteArray::fromStdString(name);
        auto it = modelIds.constFind(key);
        if (it == modelIds.constEnd()) {
            insModel.bind(1, std::string_view(name)).run();
            it = modelIds.insert(key, std::uint32_t(db.lastInsertRowId()));
        }
        return *it;
    }

    std::uint32_t sessionId(Agent agent, const std::string &name)
    {
        const QByteArray key = char(agent) + QByteArray::fromStdString(name);
        auto it = sessionIds.constFind(key);
        if (it == sessionIds.constEnd() && !bulk) {
            sessionQuery.bind(1, std::int64_t(agent)).bind(2, std::string_view(name));
            if (sessionQuery.step())
                it = sessionIds.insert(key, std::uint32_t(sessionQuery.int64(0)));
            sessionQuery.reset();
        }
        if (it == sessionIds.constEnd() && deferInserts) {
            const std::int64_t id = nextSessionId++;
            newSessions.value(id).value(std::int64_t(agent)).text(name);
            if (!newSessions.endRow())
                return 0;
            it = sessionIds.insert(key, std::uint32_t(id));
        } else if (it == sessionIds.constEnd()) {
            if (!insSession.bind(1, std::int64_t(agent)).bind(2, std::string_view(name)).run())
                return 0;
            it = sessionIds.insert(key, std::uint32_t(db.lastInsertRowId()));
        }
        return *it;
    }

    // Deletes one chunk and takes its records out of the totals.
    void dropChunk(std::int64_t chunkId, std::string_view blob)
    {
        const std::vector<StoredRecord> recs = recordsOf(blob);
        delChunk.bind(1, chunkId).run();
        winners.forgetChunk(chunkId);
        if (fullRecompute)
            return;
        for (size_t i = 0; i < recs.size(); ++i)
            winners.remove(recs[i], (chunkId << RefShift) | std::int64_t(i));
    }

    void dropChunkById(std::int64_t chunkId)
    {
        chunkById.bind(1, chunkId);
        const std::string blob = chunkById.step() ? std::string(chunkById.blobView(0)) : "";
        chunkById.reset();
        dropChunk(chunkId, blob);
    }

    bool failed(QString *error)
    {
        if (error)
            *error = db.lastError();
        return false;
    }
};

Ledger::Ledger(LocalStore &store)
    : m_store(store)
{
}

Ledger::~Ledger() = default;

bool Ledger::begin(std::size_t expectedUpdates, QString *error)
{
    Database &db = m_store.database();
    m_batch = std::make_unique<Batch>(db);
    Batch &b = *m_batch;
    b.timer.start();
    if (!b.tx.isActive()) {
        if (error)
            *error = u"cannot start a transaction: %1"_s.arg(db.lastError());
        m_batch.reset();
        return false;
    }
    // A big scan loads the known files and sessions at once; a small one (an
    // append) looks up only what it touches, so its cost does not grow with
    // the size of the store.
    b.bulk = expectedUpdates > 64;
    if (b.bulk) {
        // A cold scan writes about 16 MB of pages per GB of logs in one
        // transaction. With SQLite's 2 MB cache it spilled dirty pages into the
        // WAL midway, writing many of them twice (a tenth of this thread's
        // time). Up to 64 MiB now, and back to the default when done.
        b.cacheSizeBefore = db.setCacheSize(-BulkCacheKiB);
        // A log file holds a dozen calls on average; rehashing a map of
        // hundreds of thousands of winners as it grows costs more than room.
        b.winners.reserve(expectedUpdates * 12);
        Statement st(db, "SELECT id, path_hash, name FROM files");
        while (st.step()) {
            const QByteArray name = st.text(2).toUtf8();
            b.fileByHash[std::uint64_t(st.int64(1))] = {st.int64(0), name};
            b.winners.setFileOrder(std::uint32_t(st.int64(0)), name, std::uint64_t(st.int64(1)));
        }
        Statement sessions(db, "SELECT id, agent, name FROM sessions");
        while (sessions.step())
            b.sessionIds.insert(char(sessions.int64(1)) + sessions.text(2).toUtf8(),
                                std::uint32_t(sessions.int64(0)));
    }
    {
        Statement st(db, "SELECT id, name FROM models");
        while (st.step())
            b.modelIds.insert(st.text(1).toUtf8(), std::uint32_t(st.int64(0)));
    }
    bool groupsStored = false;
    {
        Statement st(db, "SELECT 1 FROM groups LIMIT 1");
        groupsStored = st.step();
        b.winners.setLookupStore(groupsStored);
    }
    b.deferInserts = b.bulk && b.fileByHash.empty() && !groupsStored;
    if (b.deferInserts) {
        auto nextId = [&db](std::string_view table) {
            Statement st(db, "SELECT COALESCE(MAX(id), 0) + 1 FROM " + std::string(table));
            return st.step() ? st.int64(0) : 1;
        };
        b.nextFileId = nextId("files");
        b.nextSessionId = nextId("sessions");
        b.nextChunk = nextId("chunks");
    }
    b.storedFingerprint = m_store.meta(u"priceFingerprint"_s);
    b.priceChanged = !m_priceFingerprint.isEmpty() && !b.storedFingerprint.isEmpty() &&
        b.storedFingerprint != m_priceFingerprint;
    b.fullRecompute = b.priceChanged;
    return true;
}

bool Ledger::add(FileUpdate &u, QString *error)
{
    Batch &b = *m_batch;
    Database &db = b.db;
    const auto known = b.findFile(u.pathHash);
    // A file met twice in one scan: its first read must be in the table.
    if (known && b.deferInserts && !b.flushDeferred())
        return b.failed(error);
    if (u.deleted) {
        if (known)
            b.markDeleted.bind(1, known->first).run();
        return true;
    }
    ParseResult &pr = u.result;
    // Some sources keep one record per chunk, found by its group key, so that
    // a rewritten whole file is replaced without touching the rest of the store.
    const bool singleRecordChunks = SourceRegistry::of(u.agent).singleRecordChunks();
    const bool incrementalReplace =
        u.replace && known && singleRecordChunks && u.kind == SourceKind::WholeJson;
    const bool dbRows = u.kind == SourceKind::SqliteDb && !u.replace;
    if (u.replace && !incrementalReplace && known)
        b.fullRecompute = true;

    FileCounters counters;
    std::int64_t fileId = 0;
    if (known) {
        fileId = known->first;
        if (!u.replace) {
            b.getFileCounters.bind(1, fileId);
            if (b.getFileCounters.step()) {
                counters.lines = b.getFileCounters.int64(0);
                counters.records = b.getFileCounters.int64(1);
                counters.drops = DropCounts::fromBlob(b.getFileCounters.blobView(2));
                counters.malformed = MalformedCounts::fromBlob(b.getFileCounters.blobView(3));
            }
            b.getFileCounters.reset();
        }
        // Take out what is replaced: the file's records, or the changed rows'.
        if (incrementalReplace) {
            std::vector<std::pair<std::int64_t, std::string>> old;
            b.fileChunks.bind(1, fileId);
            while (b.fileChunks.step())
                old.emplace_back(b.fileChunks.int64(0), std::string(b.fileChunks.blobView(1)));
            b.fileChunks.reset();
            for (const auto &[id, blob] : old)
                b.dropChunk(id, blob);
        } else if (u.replace) {
            b.delChunks.bind(1, fileId).run();
            b.delDbRows.bind(1, fileId).run();
        } else if (dbRows) {
            for (const RowOutcome &row : pr.rows) {
                b.dbRow.bind(1, fileId).bind(2, std::int64_t(row.rowKey));
                std::optional<RowOutcome> before;
                std::int64_t chunkId = 0;
                if (b.dbRow.step()) {
                    before = RowOutcome::fromCode(b.dbRow.int64(0));
                    chunkId = b.dbRow.isNull(1) ? 0 : b.dbRow.int64(1);
                }
                b.dbRow.reset();
                if (!before)
                    continue;
                --counters.lines;
                if (before->kind == RowOutcome::Record) {
                    --counters.records;
                    b.dropChunkById(chunkId);
                } else if (before->kind == RowOutcome::Dropped) {
                    --counters.drops[DropReason(before->reason)];
                } else if (before->kind == RowOutcome::Malformed) {
                    --counters.malformed[MalformedReason(before->reason)];
                }
            }
        }
    }
    counters.lines += pr.linesRead;
    counters.records += std::int64_t(pr.records.size());
    counters.drops += pr.drops;
    counters.malformed += pr.malformed;

    const std::int64_t skipped =
        counters.malformed.total() + counters.drops[DropReason::FutureTimestamp];
    const auto dropsBlob = counters.drops.blob();
    const auto malformedBlob = counters.malformed.blob();
    auto bindCursor = [&](Statement &st, int first) {
        st.bind(first, u.dev).bind(first + 1, u.ino).bind(first + 2, u.size);
        st.bind(first + 3, u.mtimeNs).bind(first + 4, u.readOffset);
        st.bind(first + 5, std::int64_t(u.tailHash));
        st.bindBlob(first + 6, pr.state.constData(), int(pr.state.size()));
    };
    if (!known && b.deferInserts) {
        fileId = b.nextFileId++;
        BulkInsert &f = b.newFiles;
        f.value(fileId).value(std::int64_t(u.pathHash)).value(std::int64_t(u.agent));
        f.value(std::int64_t(u.kind)).value(u.dev).value(u.ino).value(u.size).value(u.mtimeNs);
        f.value(u.readOffset)
            .value(std::int64_t(u.tailHash))
            .blob(pr.state.constData(), int(pr.state.size()));
        f.text(std::string_view(u.name.constData(), size_t(u.name.size())));
        f.value(counters.lines).value(counters.malformed.total()).value(pr.pendingBytes);
        f.value(counters.records).blob(dropsBlob.data(), int(dropsBlob.size()));
        f.blob(malformedBlob.data(), int(malformedBlob.size())).value(skipped);
        if (!f.endRow())
            return b.failed(error);
        b.fileByHash[u.pathHash] = {fileId, u.name};
    } else if (!known) {
        Statement &st = b.newFile;
        st.bind(1, std::int64_t(u.pathHash)).bind(2, std::int64_t(u.agent));
        st.bind(3, std::int64_t(u.kind));
        bindCursor(st, 4);
        st.bind(11, std::string_view(u.name.constData(), size_t(u.name.size())));
        st.bind(12, counters.lines).bind(13, counters.malformed.total());
        st.bind(14, pr.pendingBytes).bind(15, counters.records);
        st.bindBlob(16, dropsBlob.data(), int(dropsBlob.size()));
        st.bindBlob(17, malformedBlob.data(), int(malformedBlob.size()));
        st.bind(18, skipped);
        if (!st.run())
            return b.failed(error);
        fileId = db.lastInsertRowId();
        if (b.bulk)
            b.fileByHash[u.pathHash] = {fileId, u.name};
    } else {
        Statement &st = b.updFile;
        st.bind(1, fileId);
        bindCursor(st, 2);
        st.bind(9, std::string_view(u.name.constData(), size_t(u.name.size())));
        st.bind(10, counters.lines).bind(11, counters.malformed.total());
        st.bind(12, pr.pendingBytes).bind(13, counters.records);
        st.bindBlob(14, dropsBlob.data(), int(dropsBlob.size()));
        st.bind(15, std::int64_t(u.kind));
        st.bindBlob(16, malformedBlob.data(), int(malformedBlob.size()));
        st.bind(17, skipped);
        if (!st.run())
            return b.failed(error);
    }
    // Newest per window and per history slot wins in the store, whatever order
    // files are read in; each row is written once, at finish().
    for (const QuotaObservation &q : pr.quota.observations)
        b.quota.offer(q);
    if (!m_store.addQuotaSkipped(fileId, pr.quota.skipped, u.replace))
        return b.failed(error);
    b.winners.setFileOrder(std::uint32_t(fileId), known ? known->second : u.name, u.pathHash);

    std::vector<std::uint32_t> modelMap(pr.models.size()), sessionMap(pr.sessions.size());
    for (size_t i = 0; i < pr.models.size(); ++i)
        modelMap[i] = b.modelId(pr.models[i]);
    for (size_t i = 0; i < pr.sessions.size(); ++i) {
        sessionMap[i] = b.sessionId(u.agent, pr.sessions[i]);
        if (!sessionMap[i])
            return b.failed(error);
    }
    std::vector<StoredRecord> stored;
    stored.reserve(pr.records.size());
    for (const UsageRecord &r : pr.records) {
        StoredRecord s {};
        s.timestampMs = r.timestampMs;
        s.groupKey = r.groupKey;
        s.subKey = r.subKey;
        s.ordinal = r.ordinal;
        s.input = r.tokens.input;
        s.cacheWrite = r.tokens.cacheWrite;
        s.cacheRead = r.tokens.cacheRead;
        s.output = r.tokens.output;
        s.reasoning = r.tokens.reasoning;
        s.cacheWrite1h = r.cacheWrite1h;
        s.cost = r.cost;
        s.modelId = modelMap[r.model];
        s.sessionId = sessionMap[r.session];
        s.fileId = std::uint32_t(fileId);
        s.agent = std::uint8_t(r.agent);
        s.flags = r.flags;
        stored.push_back(s);
    }
    b.res.records += std::int64_t(stored.size());

    if (!b.deferInserts && !stored.empty()) {
        // The ids SQLite would give (the next after the largest).
        b.nextChunk = b.nextChunkId.step() ? b.nextChunkId.int64(0) : 1;
        b.nextChunkId.reset();
    }
    // One chunk per record for sources that replace records one by one, else
    // one per read; many chunks per statement, in the table when this returns
    // (or, with deferInserts, before anything reads chunks).
    const bool oneEach = singleRecordChunks;
    const size_t n = oneEach ? 1 : stored.size(); // records per chunk
    std::vector<std::int64_t> chunkOf(oneEach ? stored.size() : 0, 0);
    for (size_t i = 0; i < stored.size(); i += n) {
        const std::int64_t chunkId = b.nextChunk++;
        BulkInsert &chunks = b.insChunks;
        chunks.value(chunkId).value(fileId).blob(&stored[i], int(n * sizeof(StoredRecord)));
        if (const std::uint64_t g = stored[i].groupKey; oneEach && g)
            chunks.value(std::int64_t(g));
        else
            chunks.null();
        if (!chunks.endRow())
            return b.failed(error);
        if (oneEach)
            chunkOf[i] = chunkId;
        if (!b.fullRecompute) {
            for (size_t k = 0; k < n; ++k)
                b.winners.offer(stored[i + k], (chunkId << RefShift) | std::int64_t(k));
        }
    }
    // Rows come from databases, whose records are one per chunk.
    for (size_t r = 0; oneEach && r < pr.rows.size(); ++r) {
        const RowOutcome &row = pr.rows[r];
        BulkInsert &rows = b.putDbRows;
        rows.value(fileId).value(std::int64_t(row.rowKey)).value(row.updated);
        rows.value(std::int64_t(row.code()));
        if (row.kind == RowOutcome::Record)
            rows.value(chunkOf[size_t(row.record)]);
        else
            rows.null();
        if (!rows.endRow())
            return b.failed(error);
    }
    if (!b.deferInserts && !(b.insChunks.flush() && b.putDbRows.flush()))
        return b.failed(error);
    return true;
}

bool Ledger::recompute(const std::function<const PriceTable &()> &prices, QString *error)
{
    // A log was rewritten or prices changed: rebuild groups, buckets and
    // ledger drops from every stored record.
    Batch &b = *m_batch;
    Database &db = b.db;
    b.res.fullRecompute = true;
    b.buckets.clear();
    b.ledgerDrops = {};
    b.winners.clear();
    b.winners.setLookupStore(false);
    {
        Statement st(db, "SELECT COALESCE(SUM(messages), 0) FROM usage");
        b.messagesBefore = st.step() ? st.int64(0) : 0;
    }
    if (!db.exec("DELETE FROM groups; DELETE FROM usage; DELETE FROM drops;", error))
        return false;
    QHash<std::uint32_t, QString> modelNames;
    for (auto it = b.modelIds.cbegin(); it != b.modelIds.cend(); ++it)
        modelNames.insert(it.value(), QString::fromUtf8(it.key()));
    const PriceTable *table = b.priceChanged ? &prices() : nullptr;
    if (table)
        m_store.setMeta(u"priceTableVersion"_s, table->version());
    std::unordered_map<std::uint32_t, std::optional<ModelPrice>> modelPrices;
    Statement all(db, "SELECT id, records FROM chunks ORDER BY id");
    Statement rewrite(db, "UPDATE chunks SET records = ?2 WHERE id = ?1");
    std::vector<std::pair<std::int64_t, std::vector<StoredRecord>>> allChunks;
    while (all.step())
        allChunks.emplace_back(all.int64(0), recordsOf(all.blobView(1)));
    for (auto &[id, recs] : allChunks) {
        if (table) {
            for (StoredRecord &r : recs) {
                // Names resolve once per model, not once per record.
                auto it = modelPrices.find(r.modelId);
                if (it == modelPrices.end())
                    it = modelPrices.emplace(r.modelId, table->find(modelNames.value(r.modelId)))
                             .first;
                const TokenCounts t {r.input, r.cacheWrite, r.cacheRead, r.output, r.reasoning};
                r.cost = it->second ? PriceTable::cost(*it->second, t, r.cacheWrite1h)
                                    : std::numeric_limits<double>::quiet_NaN();
            }
            rewrite.bind(1, id).bindBlob(2, recs.data(), int(recs.size() * sizeof(StoredRecord)));
            rewrite.run();
        }
        for (size_t i = 0; i < recs.size(); ++i)
            b.winners.offer(recs[i], (id << RefShift) | std::int64_t(i));
    }
    return true;
}

bool Ledger::finish(const std::function<const PriceTable &()> &prices, Result *result,
                    QString *error)
{
    Batch &b = *m_batch;
    Database &db = b.db;
    if (b.deferInserts && !b.flushDeferred())
        return b.failed(error);
    qCDebug(lcLedger) << "stored chunks and cursors at" << b.timer.elapsed() << "ms";
    if (b.fullRecompute && !recompute(prices, error))
        return false;
    if (!b.winners.write(error))
        return false;
    qCDebug(lcLedger) << "picked winners and wrote groups at" << b.timer.elapsed() << "ms";
    if (!b.buckets.write(db) || !b.quota.write(m_store))
        return b.failed(error);
    {
        Statement st(db,
                     "INSERT INTO drops(reason, n) VALUES(?1, ?2) "
                     "ON CONFLICT(reason) DO UPDATE SET n = n + excluded.n");
        for (int i = 0; i < DropReasonCount; ++i) {
            if (b.ledgerDrops.byReason[size_t(i)] != 0)
                st.bind(1, i).bind(2, b.ledgerDrops.byReason[size_t(i)]).run();
        }
    }
    if (!m_priceVersion.isEmpty())
        m_store.setMeta(u"priceTableVersion"_s, m_priceVersion);
    if (!m_priceFingerprint.isEmpty())
        m_store.setMeta(u"priceFingerprint"_s, m_priceFingerprint);
    m_store.setMeta(u"lastScanMs"_s, QString::number(Clock::nowMs()));
    qCDebug(lcLedger) << "wrote buckets at" << b.timer.elapsed() << "ms";
    // A rebuild recounts every message: the change is against the old total.
    b.res.countedDelta =
        b.fullRecompute ? b.buckets.counted() - b.messagesBefore : b.buckets.counted();
    if (!b.tx.commit()) {
        if (error)
            *error = u"commit failed: %1"_s.arg(db.lastError());
        m_batch.reset();
        return false;
    }
    qCDebug(lcLedger) << "committed at" << b.timer.elapsed() << "ms";
    if (result)
        *result = b.res;
    m_batch.reset();
    return true;
}

bool Ledger::apply(std::vector<FileUpdate> &updates,
                   const std::function<const PriceTable &()> &prices, Result *result,
                   QString *error)
{
    if (!begin(updates.size(), error))
        return false;
    for (FileUpdate &u : updates) {
        if (!add(u, error)) {
            m_batch.reset();
            return false;
        }
    }
    return finish(prices, result, error);
}
