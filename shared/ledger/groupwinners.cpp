#include "groupwinners.h"

#include "core/usagerecord.h"
#include "ledger/bucketdeltas.h"
#include "sources/sourceregistry.h"
#include "store/bulkinsert.h"

#include <QString>

#include <algorithm>
#include <cstring>

using namespace Qt::StringLiterals;

namespace {

std::vector<StoredRecord> recordsOf(std::string_view blob)
{
    std::vector<StoredRecord> recs(blob.size() / sizeof(StoredRecord));
    std::memcpy(recs.data(), blob.data(), recs.size() * sizeof(StoredRecord));
    return recs;
}

} // namespace

GroupWinners::GroupWinners(Database &db, BucketDeltas &buckets, DropCounts &drops)
    : m_db(db)
    , m_buckets(buckets)
    , m_drops(drops)
    , m_groupLookup(db, "SELECT ref FROM groups WHERE gkey = ?1")
    , m_fileLookup(db, "SELECT path_hash, name FROM files WHERE id = ?1")
    , m_chunkLookup(db, "SELECT records FROM chunks WHERE id = ?1")
    , m_copies(db, "SELECT id, records FROM chunks WHERE gkey = ?1")
{
}

void GroupWinners::setFileOrder(std::uint32_t fileId, QByteArray name, std::uint64_t pathHash)
{
    m_orders[fileId] = {std::move(name), pathHash};
}

const GroupWinners::FileOrder &GroupWinners::orderOf(std::uint32_t fileId)
{
    auto it = m_orders.find(fileId);
    if (it == m_orders.end()) {
        FileOrder o;
        m_fileLookup.bind(1, std::int64_t(fileId));
        if (m_fileLookup.step())
            o = {m_fileLookup.text(1).toUtf8(), std::uint64_t(m_fileLookup.int64(0))};
        m_fileLookup.reset();
        it = m_orders.emplace(fileId, o).first;
    }
    return it->second;
}

const StoredRecord *GroupWinners::recordAt(std::int64_t ref)
{
    const std::int64_t chunkId = ref >> RefShift;
    const size_t index = size_t(ref & ((1 << RefShift) - 1));
    auto it = m_chunkCache.find(chunkId);
    if (it == m_chunkCache.end()) {
        m_chunkLookup.bind(1, chunkId);
        std::vector<StoredRecord> recs;
        if (m_chunkLookup.step())
            recs = recordsOf(m_chunkLookup.blobView(0));
        m_chunkLookup.reset();
        it = m_chunkCache.emplace(chunkId, std::move(recs)).first;
    }
    return index < it->second.size() ? &it->second[index] : nullptr;
}

GroupWinners::Winner *GroupWinners::find(std::uint64_t groupKey)
{
    auto it = m_winners.find(groupKey);
    if (it != m_winners.end())
        return &it->second;
    if (!m_lookupStore)
        return nullptr;
    m_groupLookup.bind(1, std::int64_t(groupKey));
    std::optional<std::int64_t> ref;
    if (m_groupLookup.step())
        ref = m_groupLookup.int64(0);
    m_groupLookup.reset();
    if (!ref)
        return nullptr;
    const StoredRecord *w = recordAt(*ref);
    if (!w)
        return nullptr;
    return &m_winners.emplace(groupKey, Winner {*ref, *w, false, false}).first->second;
}

bool GroupWinners::beats(const StoredRecord &a, const StoredRecord &b)
{
    if (const int rank = SourceRegistry::of(Agent(a.agent)).rankCopies(a, b))
        return rank > 0;
    // "First seen", made independent of scan order.
    if (a.timestampMs != b.timestampMs)
        return a.timestampMs < b.timestampMs;
    // Copies: the second lookup may grow the map under the first reference.
    const FileOrder fa = orderOf(a.fileId);
    const FileOrder &fb = orderOf(b.fileId);
    if (fa.name != fb.name)
        return fa.name < fb.name;
    if (fa.pathHash != fb.pathHash)
        return fa.pathHash < fb.pathHash;
    return a.ordinal < b.ordinal;
}

DropReason GroupWinners::lossReason(const StoredRecord &loser, const StoredRecord &winner)
{
    return SourceRegistry::of(Agent(loser.agent)).lossReason(loser, winner);
}

void GroupWinners::offer(const StoredRecord &r, std::int64_t ref)
{
    if (r.groupKey == 0) {
        m_buckets.add(r, +1);
        return;
    }
    Winner *w = nullptr;
    if (m_lookupStore) {
        w = find(r.groupKey);
    } else {
        // A cold scan: one hash per record instead of a miss and an insert.
        const auto [it, inserted] = m_winners.try_emplace(r.groupKey, Winner {ref, r, true, false});
        if (inserted) {
            m_buckets.add(r, +1);
            return;
        }
        w = &it->second;
    }
    if (!w || w->erased) {
        m_winners[r.groupKey] = Winner {ref, r, true, false};
        m_buckets.add(r, +1);
        return;
    }
    if (beats(r, w->rec)) {
        ++m_drops[lossReason(w->rec, r)];
        m_buckets.add(w->rec, -1);
        m_buckets.add(r, +1);
        *w = Winner {ref, r, true, false};
    } else {
        ++m_drops[lossReason(r, w->rec)];
    }
}

void GroupWinners::remove(const StoredRecord &r, std::int64_t ref)
{
    if (r.groupKey == 0) {
        m_buckets.add(r, -1);
        return;
    }
    // The record's chunk is gone already, so a winner that is this very record
    // cannot be loaded from its reference: it is \a r.
    Winner *w = nullptr;
    if (auto it = m_winners.find(r.groupKey); it != m_winners.end()) {
        w = &it->second;
    } else if (m_lookupStore) {
        m_groupLookup.bind(1, std::int64_t(r.groupKey));
        const std::optional<std::int64_t> wref =
            m_groupLookup.step() ? std::optional(m_groupLookup.int64(0)) : std::nullopt;
        m_groupLookup.reset();
        if (wref == ref)
            w = &m_winners.emplace(r.groupKey, Winner {ref, r, false, false}).first->second;
        else if (wref)
            w = find(r.groupKey);
    }
    if (!w || w->erased)
        return; // not counted anywhere (cannot happen in a consistent store)
    if (w->ref != ref) {
        --m_drops[lossReason(r, w->rec)];
        return;
    }
    // The counted copy goes: the best remaining copy, if any, takes its place.
    m_buckets.add(r, -1);
    std::optional<std::pair<std::int64_t, StoredRecord>> best;
    m_copies.bind(1, std::int64_t(r.groupKey));
    while (m_copies.step()) {
        const std::int64_t chunkId = m_copies.int64(0);
        const std::vector<StoredRecord> recs = recordsOf(m_copies.blobView(1));
        for (size_t i = 0; i < recs.size(); ++i) {
            if (recs[i].groupKey != r.groupKey)
                continue;
            if (!best || beats(recs[i], best->second))
                best = std::pair {(chunkId << RefShift) | std::int64_t(i), recs[i]};
        }
    }
    m_copies.reset();
    if (!best) {
        *w = Winner {0, r, true, true};
        return;
    }
    --m_drops[lossReason(best->second, r)];
    m_buckets.add(best->second, +1);
    *w = Winner {best->first, best->second, true, false};
}

bool GroupWinners::write(QString *error)
{
    std::vector<std::pair<std::uint64_t, const Winner *>> dirty;
    dirty.reserve(m_winners.size());
    for (const auto &[key, w] : m_winners) {
        if (w.dirty)
            dirty.emplace_back(key, &w);
    }
    std::sort(dirty.begin(), dirty.end(), [](const auto &a, const auto &b) {
        return std::int64_t(a.first) < std::int64_t(b.first);
    });
    // A cold scan writes every group: many rows per statement.
    BulkInsert put(m_db, "INSERT OR REPLACE INTO groups(gkey, ref)", 2);
    Statement erase(m_db, "DELETE FROM groups WHERE gkey = ?1");
    bool ok = true;
    for (auto it = dirty.begin(); ok && it != dirty.end(); ++it) {
        const auto &[key, w] = *it;
        ok = w->erased ? erase.bind(1, std::int64_t(key)).run()
                       : put.value(std::int64_t(key)).value(w->ref).endRow();
    }
    if (ok && put.flush())
        return true;
    if (error)
        *error = m_db.lastError();
    return false;
}

void GroupWinners::clear()
{
    m_winners.clear();
    m_chunkCache.clear();
}
