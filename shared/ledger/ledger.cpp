#include "ledger.h"

#include "core/timestamps.h"
#include "pricing/pricetable.h"
#include "store/localstore.h"
#include "store/storedrecord.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QLoggingCategory>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <optional>
#include <unordered_map>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcLedger, "tokentally.ledger", QtInfoMsg)

namespace {

constexpr int RefShift = 24;

struct FileOrder
{
    QByteArray name; //!< file name without folders: "path order" without storing paths
    std::uint64_t pathHash = 0;
};

// Whether a should be the counted copy rather than b (same group).
bool beats(const StoredRecord &a, const StoredRecord &b, const FileOrder &fa, const FileOrder &fb)
{
    if (Agent(a.agent) == Agent::ClaudeCode) {
        const bool aMirror = a.flags & RecordMirror, bMirror = b.flags & RecordMirror;
        if (aMirror != bMirror)
            return !aMirror;
        const bool aSide = a.flags & RecordSidechain, bSide = b.flags & RecordSidechain;
        if (aSide != bSide)
            return !aSide;
        const std::int64_t ta = a.input + a.cacheWrite + a.cacheRead + a.output;
        const std::int64_t tb = b.input + b.cacheWrite + b.cacheRead + b.output;
        if (ta != tb)
            return ta > tb;
        const bool aSpeed = a.flags & RecordHasSpeed, bSpeed = b.flags & RecordHasSpeed;
        if (aSpeed != bSpeed)
            return aSpeed;
    } else if (Agent(a.agent) == Agent::OpenCode) {
        const bool aDb = a.flags & RecordFromDatabase, bDb = b.flags & RecordFromDatabase;
        if (aDb != bDb)
            return aDb;
    }
    // "First seen", made independent of scan order.
    if (a.timestampMs != b.timestampMs)
        return a.timestampMs < b.timestampMs;
    if (fa.name != fb.name)
        return fa.name < fb.name;
    if (fa.pathHash != fb.pathHash)
        return fa.pathHash < fb.pathHash;
    return a.ordinal < b.ordinal;
}

DropReason lossReason(const StoredRecord &loser, const StoredRecord &winner)
{
    switch (Agent(loser.agent)) {
    case Agent::ClaudeCode:
        if (loser.flags & RecordMirror)
            return DropReason::ClaudeProgressMirror;
        if (((loser.flags | winner.flags) & RecordSidechain) && loser.subKey != winner.subKey)
            return DropReason::ClaudeSidechainReplay;
        return DropReason::ClaudeDuplicate;
    case Agent::Codex:
        return DropReason::CodexCopied;
    case Agent::OpenCode:
        return DropReason::OpenCodeDuplicate;
    }
    return DropReason::ClaudeDuplicate;
}

// Costs are summed as integer nano-dollars so that adding and later removing a
// copy leaves exactly what a fresh scan computes.
std::int64_t nanoUsd(double cost)
{
    return std::isnan(cost) ? 0 : std::llround(cost * 1e9);
}

struct BucketKey
{
    std::int64_t hour;
    std::uint32_t agent, model, session;
    bool operator==(const BucketKey &) const = default;
};
struct BucketKeyHash
{
    size_t operator()(const BucketKey &k) const
    {
        return size_t(std::uint64_t(k.hour) * 0x9E3779B97F4A7C15ULL ^
                      (std::uint64_t(k.model) << 40) ^ (std::uint64_t(k.session) << 8) ^ k.agent);
    }
};
struct BucketSum
{
    std::int64_t input = 0, cacheWrite = 0, cacheRead = 0, output = 0, reasoning = 0;
    std::int64_t messages = 0, costNano = 0, unpriced = 0;
};

class BucketDeltas
{
public:
    void add(const StoredRecord &r, int sign)
    {
        auto &b = m_map[{hourStartSeconds(r.timestampMs), r.agent, r.modelId, r.sessionId}];
        b.input += sign * r.input;
        b.cacheWrite += sign * r.cacheWrite;
        b.cacheRead += sign * r.cacheRead;
        b.output += sign * r.output;
        b.reasoning += sign * r.reasoning;
        b.messages += sign;
        if (std::isnan(r.cost))
            b.unpriced += sign;
        else
            b.costNano += sign * nanoUsd(r.cost);
        m_counted += sign;
    }
    bool write(Database &db)
    {
        Statement st(db,
                     "INSERT INTO usage(hour, agent, model_id, session_id, input, cache_write, "
                     "cache_read, output, reasoning, messages, cost, unpriced) "
                     "VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12) "
                     "ON CONFLICT(hour, agent, model_id, session_id) DO UPDATE SET "
                     "input = input + excluded.input, "
                     "cache_write = cache_write + excluded.cache_write, "
                     "cache_read = cache_read + excluded.cache_read, "
                     "output = output + excluded.output, "
                     "reasoning = reasoning + excluded.reasoning, "
                     "messages = messages + excluded.messages, "
                     "cost = cost + excluded.cost, unpriced = unpriced + excluded.unpriced");
        std::vector<std::pair<BucketKey, BucketSum>> sorted(m_map.begin(), m_map.end());
        std::sort(sorted.begin(), sorted.end(), [](const auto &a, const auto &b) {
            const auto &x = a.first, &y = b.first;
            return std::tie(x.hour, x.agent, x.model, x.session) <
                std::tie(y.hour, y.agent, y.model, y.session);
        });
        for (const auto &[k, b] : sorted) {
            st.bind(1, k.hour).bind(2, std::int64_t(k.agent)).bind(3, std::int64_t(k.model));
            st.bind(4, std::int64_t(k.session)).bind(5, b.input).bind(6, b.cacheWrite);
            st.bind(7, b.cacheRead).bind(8, b.output).bind(9, b.reasoning).bind(10, b.messages);
            st.bind(11, b.costNano).bind(12, b.unpriced);
            if (!st.run())
                return false;
        }
        return db.exec("DELETE FROM usage WHERE messages <= 0");
    }
    std::int64_t counted() const { return m_counted; }

private:
    std::unordered_map<BucketKey, BucketSum, BucketKeyHash> m_map;
    std::int64_t m_counted = 0;
};

struct Winner
{
    std::int64_t ref;
    StoredRecord rec;
    bool dirty;
};

} // namespace

bool Ledger::apply(std::vector<FileUpdate> &updates,
                   const std::function<const PriceTable &()> &prices, Result *result,
                   QString *error)
{
    QElapsedTimer timer;
    timer.start();
    Database &db = m_store.database();
    Transaction tx(db);
    if (!tx.isActive()) {
        if (error)
            *error = u"cannot start a transaction: %1"_s.arg(db.lastError());
        return false;
    }
    Result res;

    // Files and sessions already known. A big scan loads them all; a small
    // one (an append) looks up only what it touches, so its cost does not
    // grow with the size of the store.
    const bool bulk = updates.size() > 64;
    std::unordered_map<std::uint64_t, std::pair<std::int64_t, FileOrder>> fileByHash;
    std::unordered_map<std::uint32_t, FileOrder> orderById;
    if (bulk) {
        Statement st(db, "SELECT id, path_hash, name FROM files");
        while (st.step()) {
            const FileOrder o {st.text(2).toUtf8(), std::uint64_t(st.int64(1))};
            fileByHash[o.pathHash] = {st.int64(0), o};
            orderById[std::uint32_t(st.int64(0))] = o;
        }
    }
    Statement fileByHashQuery(db, "SELECT id, name FROM files WHERE path_hash = ?1");
    auto findFile =
        [&](std::uint64_t pathHash) -> std::optional<std::pair<std::int64_t, FileOrder>> {
        if (bulk) {
            const auto it = fileByHash.find(pathHash);
            if (it == fileByHash.end())
                return std::nullopt;
            return it->second;
        }
        fileByHashQuery.bind(1, std::int64_t(pathHash));
        std::optional<std::pair<std::int64_t, FileOrder>> found;
        if (fileByHashQuery.step())
            found = std::pair {fileByHashQuery.int64(0),
                               FileOrder {fileByHashQuery.text(1).toUtf8(), pathHash}};
        fileByHashQuery.reset();
        return found;
    };
    Statement fileByIdQuery(db, "SELECT path_hash, name FROM files WHERE id = ?1");
    auto orderOf = [&](std::uint32_t fileId) -> const FileOrder & {
        auto it = orderById.find(fileId);
        if (it == orderById.end()) {
            FileOrder o;
            fileByIdQuery.bind(1, std::int64_t(fileId));
            if (fileByIdQuery.step())
                o = {fileByIdQuery.text(1).toUtf8(), std::uint64_t(fileByIdQuery.int64(0))};
            fileByIdQuery.reset();
            it = orderById.emplace(fileId, o).first;
        }
        return it->second;
    };
    QHash<QByteArray, std::uint32_t> modelIds;
    {
        Statement st(db, "SELECT id, name FROM models");
        while (st.step())
            modelIds.insert(st.text(1).toUtf8(), std::uint32_t(st.int64(0)));
    }
    QHash<QByteArray, std::uint32_t> sessionIds; // key: agent byte + name
    if (bulk) {
        Statement st(db, "SELECT id, agent, name FROM sessions");
        while (st.step())
            sessionIds.insert(char(st.int64(1)) + st.text(2).toUtf8(), std::uint32_t(st.int64(0)));
    }
    Statement sessionQuery(db, "SELECT id FROM sessions WHERE agent = ?1 AND name = ?2");
    Statement insModel(db, "INSERT INTO models(name) VALUES(?1)");
    Statement insSession(db, "INSERT INTO sessions(agent, name) VALUES(?1, ?2)");
    Statement newFile(db,
                      "INSERT INTO files(path_hash, agent, kind, dev, ino, size, mtime_ns, "
                      "read_offset, tail_hash, state, name, lines, malformed, pending, records, "
                      "drops) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16)");
    Statement insChunk(db, "INSERT INTO chunks(file_id, records) VALUES(?1, ?2)");
    Statement delChunks(db, "DELETE FROM chunks WHERE file_id = ?1");
    Statement updFile(db,
                      "UPDATE files SET dev=?2, ino=?3, size=?4, mtime_ns=?5, read_offset=?6, "
                      "tail_hash=?7, state=?8, name=?9, lines=?10, malformed=?11, pending=?12, "
                      "records=?13, drops=?14, deleted=0, kind=?15 WHERE id=?1");
    Statement getFileCounters(db, "SELECT lines, malformed, records, drops FROM files WHERE id=?1");
    Statement markDeleted(db, "UPDATE files SET deleted=1 WHERE id=?1");

    const QString storedFingerprint = m_store.meta(u"priceFingerprint"_s);
    bool fullRecompute = !m_priceFingerprint.isEmpty() && !storedFingerprint.isEmpty() &&
        storedFingerprint != m_priceFingerprint;

    std::vector<std::pair<std::int64_t, std::vector<StoredRecord>>> newChunks;
    for (FileUpdate &u : updates) {
        const auto known = findFile(u.pathHash);
        if (u.deleted) {
            if (known)
                markDeleted.bind(1, known->first).run();
            continue;
        }
        std::int64_t fileId = 0;
        FileOrder order {u.name, u.pathHash};
        ParseResult &pr = u.result;
        if (!known) {
            // A new file: one insert with its cursor and counters.
            DropCounts drops = pr.drops;
            newFile.bind(1, std::int64_t(u.pathHash)).bind(2, std::int64_t(u.agent));
            newFile.bind(3, std::int64_t(u.kind)).bind(4, u.dev).bind(5, u.ino).bind(6, u.size);
            newFile.bind(7, u.mtimeNs).bind(8, u.readOffset).bind(9, std::int64_t(u.tailHash));
            newFile.bindBlob(10, pr.state.constData(), int(pr.state.size()));
            newFile.bind(11, std::string_view(u.name.constData(), size_t(u.name.size())));
            newFile.bind(12, pr.linesRead).bind(13, pr.malformedLines).bind(14, pr.pendingBytes);
            newFile.bind(15, std::int64_t(pr.records.size()));
            newFile.bindBlob(16, drops.byReason.data(), int(sizeof(drops.byReason)));
            if (!newFile.run()) {
                if (error)
                    *error = db.lastError();
                return false;
            }
            fileId = db.lastInsertRowId();
        } else {
            fileId = known->first;
            order = known->second;
        }
        std::int64_t lines = 0, malformed = 0, records = 0;
        DropCounts drops;
        if (u.replace) {
            delChunks.bind(1, fileId).run();
            fullRecompute = true;
        } else if (known) {
            getFileCounters.bind(1, fileId);
            if (getFileCounters.step()) {
                lines = getFileCounters.int64(0);
                malformed = getFileCounters.int64(1);
                records = getFileCounters.int64(2);
                const auto blob = getFileCounters.blobView(3);
                if (blob.size() == sizeof(drops.byReason))
                    std::memcpy(drops.byReason.data(), blob.data(), blob.size());
            }
            getFileCounters.reset();
        }
        std::vector<std::uint32_t> modelMap(pr.models.size()), sessionMap(pr.sessions.size());
        for (size_t i = 0; i < pr.models.size(); ++i) {
            const QByteArray name = QByteArray::fromStdString(pr.models[i]);
            auto it = modelIds.constFind(name);
            if (it == modelIds.constEnd()) {
                insModel.bind(1, std::string_view(pr.models[i])).run();
                it = modelIds.insert(name, std::uint32_t(db.lastInsertRowId()));
            }
            modelMap[i] = *it;
        }
        for (size_t i = 0; i < pr.sessions.size(); ++i) {
            const QByteArray key = char(u.agent) + QByteArray::fromStdString(pr.sessions[i]);
            auto it = sessionIds.constFind(key);
            if (it == sessionIds.constEnd() && !bulk) {
                sessionQuery.bind(1, std::int64_t(u.agent))
                    .bind(2, std::string_view(pr.sessions[i]));
                if (sessionQuery.step())
                    it = sessionIds.insert(key, std::uint32_t(sessionQuery.int64(0)));
                sessionQuery.reset();
            }
            if (it == sessionIds.constEnd()) {
                insSession.bind(1, std::int64_t(u.agent)).bind(2, std::string_view(pr.sessions[i]));
                insSession.run();
                it = sessionIds.insert(key, std::uint32_t(db.lastInsertRowId()));
            }
            sessionMap[i] = *it;
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
        orderById[std::uint32_t(fileId)] = order;
        if (!stored.empty()) {
            insChunk.bind(1, fileId).bindBlob(2, stored.data(),
                                              int(stored.size() * sizeof(StoredRecord)));
            if (!insChunk.run()) {
                if (error)
                    *error = db.lastError();
                return false;
            }
            newChunks.emplace_back(db.lastInsertRowId(), std::move(stored));
        }
        lines += pr.linesRead;
        malformed += pr.malformedLines;
        records += std::int64_t(pr.records.size());
        drops += pr.drops;
        res.records += std::int64_t(pr.records.size());
        if (!known)
            continue;
        updFile.bind(1, fileId).bind(2, u.dev).bind(3, u.ino).bind(4, u.size).bind(5, u.mtimeNs);
        updFile.bind(6, u.readOffset).bind(7, std::int64_t(u.tailHash));
        updFile.bindBlob(8, pr.state.constData(), int(pr.state.size()));
        updFile.bind(9, std::string_view(u.name.constData(), size_t(u.name.size())))
            .bind(10, lines)
            .bind(11, malformed);
        updFile.bind(12, pr.pendingBytes).bind(13, records);
        updFile.bindBlob(14, drops.byReason.data(), int(sizeof(drops.byReason)));
        updFile.bind(15, std::int64_t(u.kind));
        if (!updFile.run()) {
            if (error)
                *error = db.lastError();
            return false;
        }
    }

    qCDebug(lcLedger) << "stored chunks and cursors at" << timer.elapsed() << "ms";
    BucketDeltas buckets;
    DropCounts ledgerDrops;
    std::unordered_map<std::uint64_t, Winner> winners;
    std::unordered_map<std::int64_t, std::vector<StoredRecord>> chunkCache;

    auto recordAt = [&](std::int64_t ref) -> const StoredRecord * {
        const std::int64_t chunkId = ref >> RefShift;
        const size_t index = size_t(ref & ((1 << RefShift) - 1));
        auto it = chunkCache.find(chunkId);
        if (it == chunkCache.end()) {
            Statement st(db, "SELECT records FROM chunks WHERE id = ?1");
            st.bind(1, chunkId);
            std::vector<StoredRecord> recs;
            if (st.step()) {
                const auto blob = st.blobView(0);
                recs.resize(blob.size() / sizeof(StoredRecord));
                std::memcpy(recs.data(), blob.data(), recs.size() * sizeof(StoredRecord));
            }
            it = chunkCache.emplace(chunkId, std::move(recs)).first;
        }
        return index < it->second.size() ? &it->second[index] : nullptr;
    };
    auto offer = [&](const StoredRecord &r, std::int64_t ref, bool lookupStore, Statement *lookup) {
        if (r.groupKey == 0) {
            buckets.add(r, +1);
            return;
        }
        auto it = winners.find(r.groupKey);
        if (it == winners.end() && lookupStore) {
            lookup->bind(1, std::int64_t(r.groupKey));
            if (lookup->step()) {
                const std::int64_t wref = lookup->int64(0);
                lookup->reset();
                if (const StoredRecord *w = recordAt(wref))
                    it = winners.emplace(r.groupKey, Winner {wref, *w, false}).first;
            } else {
                lookup->reset();
            }
        }
        if (it == winners.end()) {
            winners.emplace(r.groupKey, Winner {ref, r, true});
            buckets.add(r, +1);
            return;
        }
        Winner &w = it->second;
        // Copies: the second lookup may grow the map under the first reference.
        const FileOrder mine = orderOf(r.fileId);
        const FileOrder theirs = orderOf(w.rec.fileId);
        if (beats(r, w.rec, mine, theirs)) {
            ++ledgerDrops[lossReason(w.rec, r)];
            buckets.add(w.rec, -1);
            buckets.add(r, +1);
            w = Winner {ref, r, true};
        } else {
            ++ledgerDrops[lossReason(r, w.rec)];
        }
    };

    if (fullRecompute) {
        // A file was rewritten or prices changed: rebuild groups, buckets and
        // ledger drops from every stored record.
        res.fullRecompute = true;
        if (!db.exec("DELETE FROM groups; DELETE FROM usage; DELETE FROM drops;", error))
            return false;
        QHash<std::uint32_t, QString> modelNames;
        for (auto it = modelIds.cbegin(); it != modelIds.cend(); ++it)
            modelNames.insert(it.value(), QString::fromUtf8(it.key()));
        const bool reprice = storedFingerprint != m_priceFingerprint;
        const PriceTable *table = reprice ? &prices() : nullptr;
        if (table)
            m_store.setMeta(u"priceTableVersion"_s, table->version());
        std::unordered_map<std::uint32_t, std::optional<ModelPrice>> modelPrices;
        Statement all(db, "SELECT id, records FROM chunks ORDER BY id");
        Statement rewrite(db, "UPDATE chunks SET records = ?2 WHERE id = ?1");
        std::vector<std::pair<std::int64_t, std::vector<StoredRecord>>> allChunks;
        while (all.step()) {
            const auto blob = all.blobView(1);
            std::vector<StoredRecord> recs(blob.size() / sizeof(StoredRecord));
            std::memcpy(recs.data(), blob.data(), recs.size() * sizeof(StoredRecord));
            allChunks.emplace_back(all.int64(0), std::move(recs));
        }
        for (auto &[id, recs] : allChunks) {
            if (reprice) {
                for (StoredRecord &r : recs) {
                    // Names resolve once per model, not once per record.
                    auto it = modelPrices.find(r.modelId);
                    if (it == modelPrices.end())
                        it =
                            modelPrices.emplace(r.modelId, table->find(modelNames.value(r.modelId)))
                                .first;
                    const TokenCounts t {r.input, r.cacheWrite, r.cacheRead, r.output, r.reasoning};
                    r.cost = it->second ? PriceTable::cost(*it->second, t, r.cacheWrite1h)
                                        : std::numeric_limits<double>::quiet_NaN();
                }
                rewrite.bind(1, id).bindBlob(2, recs.data(),
                                             int(recs.size() * sizeof(StoredRecord)));
                rewrite.run();
            }
            for (size_t i = 0; i < recs.size(); ++i)
                offer(recs[i], (id << RefShift) | std::int64_t(i), false, nullptr);
        }
    } else {
        bool storeHasGroups = false;
        {
            Statement st(db, "SELECT 1 FROM groups LIMIT 1");
            storeHasGroups = st.step();
        }
        Statement lookup(db, "SELECT ref FROM groups WHERE gkey = ?1");
        for (auto &[id, recs] : newChunks) {
            for (size_t i = 0; i < recs.size(); ++i)
                offer(recs[i], (id << RefShift) | std::int64_t(i), storeHasGroups, &lookup);
        }
    }

    {
        std::vector<std::pair<std::uint64_t, std::int64_t>> dirty;
        dirty.reserve(winners.size());
        for (const auto &[key, w] : winners) {
            if (w.dirty)
                dirty.emplace_back(key, w.ref);
        }
        std::sort(dirty.begin(), dirty.end(), [](const auto &a, const auto &b) {
            return std::int64_t(a.first) < std::int64_t(b.first);
        });
        Statement st(db, "INSERT OR REPLACE INTO groups(gkey, ref) VALUES(?1, ?2)");
        for (const auto &[key, ref] : dirty) {
            st.bind(1, std::int64_t(key)).bind(2, ref);
            if (!st.run()) {
                if (error)
                    *error = db.lastError();
                return false;
            }
        }
    }
    qCDebug(lcLedger) << "picked winners and wrote groups at" << timer.elapsed() << "ms";
    if (!buckets.write(db)) {
        if (error)
            *error = db.lastError();
        return false;
    }
    {
        Statement st(db,
                     "INSERT INTO drops(reason, n) VALUES(?1, ?2) "
                     "ON CONFLICT(reason) DO UPDATE SET n = n + excluded.n");
        for (int i = 0; i < DropReasonCount; ++i) {
            if (ledgerDrops.byReason[size_t(i)] != 0)
                st.bind(1, i).bind(2, ledgerDrops.byReason[size_t(i)]).run();
        }
    }
    if (!m_priceVersion.isEmpty())
        m_store.setMeta(u"priceTableVersion"_s, m_priceVersion);
    if (!m_priceFingerprint.isEmpty())
        m_store.setMeta(u"priceFingerprint"_s, m_priceFingerprint);
    m_store.setMeta(u"lastScanMs"_s, QString::number(QDateTime::currentMSecsSinceEpoch()));
    qCDebug(lcLedger) << "wrote buckets at" << timer.elapsed() << "ms";
    if (!tx.commit()) {
        if (error)
            *error = u"commit failed: %1"_s.arg(db.lastError());
        return false;
    }
    qCDebug(lcLedger) << "committed at" << timer.elapsed() << "ms";
    res.countedDelta = buckets.counted();
    if (result)
        *result = res;
    return true;
}
