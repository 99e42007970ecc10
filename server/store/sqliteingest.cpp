#include "sqliteserverstore.h"
#include "sqlitestatements.h"

#include <QDateTime>

#include <limits>
#include <map>
#include <tuple>

using namespace SqliteStatements;

// One submission in one transaction (docs/server.md, Storage).
ServerStore::ApplyResult
SqliteServerStore::applySubmission(std::int64_t userId, const QString &deviceId, std::int64_t seq,
                                   const QString &prevHash, const QString &bodyHash,
                                   const QList<StoredBucket> &buckets,
                                   const QString &priceTableVersion, int *replaced)
{
    std::lock_guard writeLock(m_writeMutex);
    Database &db = writer();
    WriteTransaction tx(db);
    {
        auto q = prepare(db,
                         "SELECT seq, last_hash FROM devices WHERE device_id = ?1 AND "
                         "user_id = ?2");
        q->bind(1, deviceId).bind(2, userId);
        if (!next(db, q) || q->int64(0) != seq - 1 || q->text(1) != prevHash)
            return ApplyResult::ChainMismatch;
    }
    // The stored rows these buckets may replace. A submission covers a few
    // neighbouring hours of one device: one range scan of the primary key
    // instead of a lookup per bucket, unless the hours are spread thin.
    struct Existing
    {
        std::int64_t counts[7];
        std::optional<double> cost;
        QString priceVersion;
    };
    using Key = std::tuple<std::int64_t, QString, QString>;
    std::map<Key, Existing> existing;
    auto readExisting = [&existing](const Statement &q) {
        Existing e;
        for (int i = 0; i < 7; ++i)
            e.counts[i] = q.int64(3 + i);
        e.cost = q.isNull(10) ? std::nullopt : std::optional<double>(q.real(10));
        e.priceVersion = q.text(11);
        existing.emplace(Key {q.int64(0), q.text(1), q.text(2)}, e);
    };
    const std::string columns = "SELECT hour, agent, model, input, cache_write, cache_read, "
                                "output, reasoning, messages, sessions, cost, price_version "
                                "FROM buckets ";
    std::int64_t minHour = std::numeric_limits<std::int64_t>::max();
    std::int64_t maxHour = std::numeric_limits<std::int64_t>::min();
    for (const StoredBucket &b : buckets) {
        minHour = std::min(minHour, b.hour);
        maxHour = std::max(maxHour, b.hour);
    }
    if (!buckets.isEmpty() && (maxHour - minHour) / 3600 <= 4 * buckets.size() + 24) {
        auto q = prepare(
            db, columns + "WHERE user_id = ?1 AND device_id = ?2 AND hour BETWEEN ?3 AND ?4");
        q->bind(1, userId).bind(2, deviceId).bind(3, minHour).bind(4, maxHour);
        while (next(db, q))
            readExisting(*q);
    } else {
        for (const StoredBucket &b : buckets) {
            auto q = prepare(db,
                             columns +
                                 "WHERE user_id = ?1 AND device_id = ?2 AND hour = ?3 AND "
                                 "agent = ?4 AND model = ?5");
            q->bind(1, userId).bind(2, deviceId).bind(3, b.hour).bind(4, b.agent).bind(5, b.model);
            if (next(db, q))
                readExisting(*q);
        }
    }

    int changedRows = 0;
    for (const StoredBucket &b : buckets) {
        // Insert new rows, update changed ones in place, leave identical ones
        // alone: an UPDATE of the counters touches only the primary key b-tree,
        // where INSERT OR REPLACE deleted and reinserted the row in every index.
        const auto it = existing.find(Key {b.hour, b.agent, b.model});
        const bool exists = it != existing.end();
        bool same = false;
        if (exists) {
            const Existing &e = it->second;
            const bool sameCounts = e.counts[0] == b.tokens.input &&
                e.counts[1] == b.tokens.cacheWrite && e.counts[2] == b.tokens.cacheRead &&
                e.counts[3] == b.tokens.output && e.counts[4] == b.tokens.reasoning &&
                e.counts[5] == b.messages && e.counts[6] == b.sessions;
            if (!sameCounts)
                ++changedRows;
            same = sameCounts && e.cost == b.cost && e.priceVersion == priceTableVersion;
        }
        if (same)
            continue;
        auto q = prepare(db,
                         exists ? "UPDATE buckets SET input = ?6, cache_write = ?7, cache_read = "
                                  "?8, output = ?9, reasoning = ?10, messages = ?11, sessions = "
                                  "?12, cost = ?13, price_version = ?14 WHERE user_id = ?1 AND "
                                  "device_id = ?2 AND hour = ?3 AND agent = ?4 AND model = ?5"
                                : "INSERT INTO buckets(user_id, device_id, hour, agent, model, "
                                  "input, cache_write, cache_read, output, reasoning, messages, "
                                  "sessions, cost, price_version) VALUES(?1, ?2, ?3, ?4, ?5, ?6, "
                                  "?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)");
        bindBucket(*q, userId, deviceId, b, priceTableVersion);
        run(db, q);
    }
    {
        auto q = prepare(db, "UPDATE devices SET seq = ?2, last_hash = ?3 WHERE device_id = ?1");
        q->bind(1, deviceId).bind(2, seq).bind(3, bodyHash);
        run(db, q);
    }
    {
        auto q = prepare(db,
                         "INSERT INTO submissions(device_id, seq, body_hash, prev_hash, "
                         "received, buckets, replaced, price_version) VALUES(?1, ?2, ?3, ?4, "
                         "?5, ?6, ?7, ?8)");
        q->bind(1, deviceId)
            .bind(2, seq)
            .bind(3, bodyHash)
            .bind(4, prevHash)
            .bind(5, std::int64_t(QDateTime::currentSecsSinceEpoch()))
            .bind(6, int(buckets.size()))
            .bind(7, changedRows)
            .bind(8, priceTableVersion);
        run(db, q);
    }
    const bool board = onBoards(db, userId);
    tx.commit();
    if (!buckets.isEmpty())
        commitChange(db, {StoreChange::Kind::Buckets, userId, minHour, maxHour, board});
    if (replaced)
        *replaced = changedRows;
    return ApplyResult::Applied;
}
