#pragma once

#include "ledger/dropreason.h"
#include "store/database.h"
#include "store/storedrecord.h"

#include <QByteArray>

#include <cstdint>
#include <optional>
#include <unordered_map>
#include <unordered_set>
#include <vector>

class BucketDeltas;

//! \brief The counted copy of each dedup group (spec §2.3, §3.3, §4.3): the
//! greatest under a fixed total order (Claude: not a progress mirror, not a
//! sidechain, larger total, has speed; OpenCode: db row; then earliest
//! timestamp, earliest-sorting file, ...), so incremental runs and a fresh full
//! scan always pick the same copy. Winners are kept in `groups` as references
//! (chunk id << RefShift | index) and loaded on demand.
class GroupWinners
{
public:
    static constexpr int RefShift = 24;

    GroupWinners(Database &db, BucketDeltas &buckets, DropCounts &drops);

    //! \a lookupStore: groups may already have winners in the store.
    void setLookupStore(bool lookupStore) { m_lookupStore = lookupStore; }
    //! Room for \a groups winners (a big scan: no rehashing as it grows).
    void reserve(size_t groups) { m_winners.reserve(groups); }
    //! The order keys of a file (its name and path hash) for files the store
    //! does not know yet, or all files up front for a big scan.
    void setFileOrder(std::uint32_t fileId, QByteArray name, std::uint64_t pathHash);

    //! A new record competes for its group.
    void offer(const StoredRecord &r, std::int64_t ref);
    //! A stored record goes away (its chunk is already deleted): its group is
    //! re-decided among the remaining copies, found through chunks.gkey. Only
    //! for groups whose copies all live in single-record chunks with a gkey
    //! (OpenCode), whose loss reason does not depend on the winner.
    void remove(const StoredRecord &r, std::int64_t ref);
    //! The chunk \a chunkId was deleted: forget its cached records.
    void forgetChunk(std::int64_t chunkId) { m_chunkCache.erase(chunkId); }

    bool write(QString *error);
    void clear();

private:
    struct FileOrder
    {
        QByteArray name; //!< file name without folders: "path order" without storing paths
        std::uint64_t pathHash = 0;
    };
    struct Winner
    {
        std::int64_t ref = 0;
        StoredRecord rec {};
        bool dirty = false;
        bool erased = false; //!< no copy left: delete the group
    };

    const FileOrder &orderOf(std::uint32_t fileId);
    const StoredRecord *recordAt(std::int64_t ref);
    Winner *find(std::uint64_t groupKey);
    bool beats(const StoredRecord &a, const StoredRecord &b);
    static DropReason lossReason(const StoredRecord &loser, const StoredRecord &winner);

    Database &m_db;
    BucketDeltas &m_buckets;
    DropCounts &m_drops;
    bool m_lookupStore = true;
    std::unordered_map<std::uint64_t, Winner> m_winners;
    std::unordered_map<std::uint32_t, FileOrder> m_orders;
    std::unordered_map<std::int64_t, std::vector<StoredRecord>> m_chunkCache;
    Statement m_groupLookup;
    Statement m_fileLookup;
    Statement m_chunkLookup;
    Statement m_copies;
};
