#include "syncstore.h"

#include "core/agent.h"
#include "store/localstore.h"

using namespace Qt::StringLiterals;

namespace {

SyncAccount readAccount(Statement &st)
{
    SyncAccount a;
    a.server = st.text(0);
    a.username = st.text(1);
    a.deviceId = st.text(2);
    a.visibility = st.text(3);
    a.seq = st.int64(4);
    a.lastHash = st.text(5);
    a.createdMs = st.int64(6);
    a.signedOut = st.int64(7) != 0;
    a.lastAttemptMs = st.int64(8);
    a.lastSuccessMs = st.int64(9);
    a.lastResult = st.text(10);
    a.lastError = st.text(11);
    return a;
}

OutboxEntry readEntry(Statement &st, bool withBody)
{
    OutboxEntry e;
    e.id = st.int64(0);
    e.createdMs = st.int64(1);
    e.answeredMs = st.isNull(2) ? 0 : st.int64(2);
    e.server = st.text(3);
    e.deviceId = st.text(4);
    e.seq = st.int64(5);
    if (withBody)
        e.body = st.blob(6);
    e.bodyHash = st.text(7);
    e.buckets = int(st.int64(8));
    e.days = st.text(9);
    e.state = OutboxEntry::stateFromName(st.text(10));
    e.httpStatus = int(st.int64(11));
    e.answer = st.text(12);
    return e;
}

constexpr const char *OutboxColumns =
    "id, created_ms, answered_ms, server, device_id, seq, %1, body_hash, buckets, days, state, "
    "http_status, answer";

std::string outboxSelect(bool withBody, const char *tail)
{
    std::string sql = "SELECT ";
    std::string columns = OutboxColumns;
    columns.replace(columns.find("%1"), 2, withBody ? "body" : "NULL");
    return sql + columns + " FROM outbox " + tail;
}

bool insertRefused(Database &db, const QList<RejectedBucket> &refused, std::int64_t nowMs)
{
    Statement st(db,
                 "INSERT INTO sync_rejected(hour, agent, model, reason, at_ms) "
                 "VALUES(?1, ?2, ?3, ?4, ?5) ON CONFLICT(hour, agent, model) DO UPDATE SET "
                 "reason = excluded.reason, at_ms = excluded.at_ms");
    for (const RejectedBucket &r : refused) {
        st.bind(1, r.key.hour).bind(2, r.key.agent).bind(3, r.key.model).bind(4, r.reason);
        st.bind(5, nowMs);
        if (!st.run())
            return false;
    }
    return true;
}

} // namespace

SyncStore::SyncStore(LocalStore &store)
    : m_store(store)
{
}

std::optional<SyncAccount> SyncStore::account()
{
    Statement st(m_store.database(),
                 "SELECT server, username, device_id, visibility, seq, last_hash, created_ms, "
                 "signed_out, last_attempt_ms, last_success_ms, last_result, last_error "
                 "FROM sync_account WHERE id = 1");
    if (!st.step())
        return std::nullopt;
    return readAccount(st);
}

bool SyncStore::startAccount(const SyncAccount &a)
{
    Database &db = m_store.database();
    Transaction tx(db);
    if (!db.exec("DELETE FROM sync_account; DELETE FROM sync_sent; DELETE FROM sync_rejected; "
                 "DELETE FROM sync_days;"))
        return false;
    Statement st(db,
                 "INSERT INTO sync_account(id, server, username, device_id, visibility, seq, "
                 "last_hash, created_ms) VALUES(1, ?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    st.bind(1, a.server).bind(2, a.username).bind(3, a.deviceId).bind(4, a.visibility);
    st.bind(5, a.seq).bind(6, a.lastHash).bind(7, a.createdMs);
    return st.run() && tx.commit();
}

bool SyncStore::forgetAccount()
{
    Database &db = m_store.database();
    Transaction tx(db);
    return db.exec("DELETE FROM sync_account; DELETE FROM sync_sent; DELETE FROM sync_rejected; "
                   "DELETE FROM sync_days;") &&
        tx.commit();
}

bool SyncStore::setVisibility(const QString &visibility)
{
    Statement st(m_store.database(), "UPDATE sync_account SET visibility = ?1 WHERE id = 1");
    st.bind(1, visibility);
    return st.run();
}

bool SyncStore::setSignedOut(bool signedOut)
{
    Statement st(m_store.database(), "UPDATE sync_account SET signed_out = ?1 WHERE id = 1");
    st.bind(1, signedOut ? 1 : 0);
    return st.run();
}

bool SyncStore::recordAttempt(std::int64_t nowMs, const QString &result, const QString &error,
                              bool success)
{
    Statement st(m_store.database(),
                 "UPDATE sync_account SET last_attempt_ms = ?1, last_result = ?2, last_error = ?3, "
                 "last_success_ms = CASE WHEN ?4 THEN ?1 ELSE last_success_ms END WHERE id = 1");
    st.bind(1, nowMs).bind(2, result).bind(3, error).bind(4, success ? 1 : 0);
    return st.run();
}

bool SyncStore::adoptServerChain(std::int64_t seq, const QString &lastHash, std::int64_t nowMs)
{
    Database &db = m_store.database();
    {
        // The usual case writes nothing: the chain agrees and no body is in flight.
        Statement same(db,
                       "SELECT (SELECT seq = ?1 AND last_hash = ?2 FROM sync_account WHERE id = 1) "
                       "AND NOT EXISTS (SELECT 1 FROM outbox WHERE state = 'sending')");
        same.bind(1, seq).bind(2, lastHash);
        if (same.step() && same.int64(0) == 1)
            return true;
    }
    Transaction tx(db);
    Statement accepted(db,
                       "UPDATE outbox SET state = 'accepted', answered_ms = ?2, answer = "
                       "'no answer arrived; the server''s chain holds this body' "
                       "WHERE state = 'sending' AND body_hash = ?1");
    accepted.bind(1, lastHash).bind(2, nowMs);
    Statement interrupted(db,
                          "UPDATE outbox SET state = 'interrupted', answered_ms = ?1, answer = "
                          "'no answer arrived; the server did not take this body' "
                          "WHERE state = 'sending'");
    interrupted.bind(1, nowMs);
    Statement chain(db, "UPDATE sync_account SET seq = ?1, last_hash = ?2 WHERE id = 1");
    chain.bind(1, seq).bind(2, lastHash);
    return accepted.run() && interrupted.run() && chain.run() && tx.commit();
}

std::int64_t SyncStore::queueBody(const OutboxEntry &e, const QList<WireBucket> &buckets)
{
    Database &db = m_store.database();
    Transaction tx(db);
    Statement st(db,
                 "INSERT INTO outbox(created_ms, server, device_id, seq, body, body_hash, buckets, "
                 "days, state) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'sending')");
    st.bind(1, e.createdMs).bind(2, e.server).bind(3, e.deviceId).bind(4, e.seq);
    st.bindBlob(5, e.body.constData(), int(e.body.size()));
    st.bind(6, e.bodyHash).bind(7, std::int64_t(buckets.size())).bind(8, e.days);
    if (!st.run())
        return 0;
    const std::int64_t id = db.lastInsertRowId();
    Statement sent(db, "INSERT OR IGNORE INTO sync_sent(hour, agent, model) VALUES(?1, ?2, ?3)");
    for (const WireBucket &b : buckets) {
        sent.bind(1, b.hour).bind(2, b.agent).bind(3, b.model);
        if (!sent.run())
            return 0;
    }
    return tx.commit() ? id : 0;
}

bool SyncStore::recordAccepted(std::int64_t id, std::int64_t seq, const QString &bodyHash,
                               int httpStatus, const QString &answer, std::int64_t nowMs,
                               const QList<RejectedBucket> &refused)
{
    Database &db = m_store.database();
    Transaction tx(db);
    Statement chain(db, "UPDATE sync_account SET seq = ?1, last_hash = ?2 WHERE id = 1");
    chain.bind(1, seq).bind(2, bodyHash);
    Statement entry(db,
                    "UPDATE outbox SET state = 'accepted', http_status = ?2, answer = ?3, "
                    "answered_ms = ?4 WHERE id = ?1");
    entry.bind(1, id).bind(2, httpStatus).bind(3, answer).bind(4, nowMs);
    return chain.run() && entry.run() && insertRefused(db, refused, nowMs) && tx.commit();
}

bool SyncStore::recordOutcome(std::int64_t id, OutboxEntry::State state, int httpStatus,
                              const QString &answer, std::int64_t nowMs)
{
    Statement st(m_store.database(),
                 "UPDATE outbox SET state = ?2, http_status = ?3, answer = ?4, answered_ms = ?5 "
                 "WHERE id = ?1");
    st.bind(1, id).bind(2, OutboxEntry::stateName(state)).bind(3, httpStatus).bind(4, answer);
    st.bind(5, nowMs);
    return st.run();
}

bool SyncStore::rememberRefused(const QList<RejectedBucket> &refused, std::int64_t nowMs)
{
    Database &db = m_store.database();
    Transaction tx(db);
    return insertRefused(db, refused, nowMs) && tx.commit();
}

bool SyncStore::forgetRefused()
{
    return m_store.database().exec("DELETE FROM sync_rejected");
}

QList<OutboxEntry> SyncStore::outbox(int limit, bool withBodies)
{
    Statement st(m_store.database(), outboxSelect(withBodies, "ORDER BY id DESC LIMIT ?1"));
    st.bind(1, std::int64_t(limit > 0 ? limit : -1));
    QList<OutboxEntry> out;
    while (st.step())
        out.append(readEntry(st, withBodies));
    return out;
}

std::optional<OutboxEntry> SyncStore::outboxEntry(std::int64_t id)
{
    Statement st(m_store.database(), outboxSelect(true, "WHERE id = ?1"));
    st.bind(1, id);
    if (!st.step())
        return std::nullopt;
    return readEntry(st, true);
}

QHash<QString, QString> SyncStore::serverDays()
{
    QHash<QString, QString> days;
    Statement st(m_store.database(), "SELECT day, checksum FROM sync_days");
    while (st.step())
        days.insert(st.text(0), st.text(1));
    return days;
}

bool SyncStore::setServerDays(const QHash<QString, QString> &days)
{
    if (serverDays() == days)
        return true;
    Database &db = m_store.database();
    Transaction tx(db);
    if (!db.exec("DELETE FROM sync_days"))
        return false;
    Statement st(db, "INSERT INTO sync_days(day, checksum) VALUES(?1, ?2)");
    for (auto it = days.cbegin(); it != days.cend(); ++it) {
        st.bind(1, it.key()).bind(2, it.value());
        if (!st.run())
            return false;
    }
    return tx.commit();
}

QSet<BucketKey> SyncStore::sentKeys()
{
    QSet<BucketKey> keys;
    Statement st(m_store.database(), "SELECT hour, agent, model FROM sync_sent");
    while (st.step())
        keys.insert({st.int64(0), st.text(1), st.text(2)});
    return keys;
}

QList<RejectedBucket> SyncStore::refusedRows()
{
    QList<RejectedBucket> rows;
    Statement st(
        m_store.database(),
        "SELECT hour, agent, model, reason FROM sync_rejected ORDER BY hour, agent, model");
    while (st.step())
        rows.append({{st.int64(0), st.text(1), st.text(2)}, st.text(3)});
    return rows;
}

QList<WireBucket> SyncStore::hourlyBuckets()
{
    // Rows are per (hour, agent, model, session) and only counted ones have
    // messages, so COUNT(*) is the number of distinct sessions in the hour.
    Statement st(m_store.database(),
                 "SELECT u.hour, u.agent, m.name, SUM(u.input), SUM(u.cache_write), "
                 "SUM(u.cache_read), SUM(u.output), SUM(u.reasoning), SUM(u.messages), COUNT(*) "
                 "FROM usage u JOIN models m ON m.id = u.model_id WHERE u.messages > 0 "
                 "GROUP BY u.hour, u.agent, u.model_id ORDER BY u.hour");
    QList<WireBucket> buckets;
    while (st.step()) {
        WireBucket b;
        b.hour = st.int64(0);
        const std::int64_t agent = st.int64(1);
        b.agent = agent >= 0 && agent < AgentCount ? agentId(Agent(agent)) : QString();
        b.model = st.text(2);
        b.tokens = {st.int64(3), st.int64(4), st.int64(5), st.int64(6), st.int64(7)};
        b.messages = st.int64(8);
        b.sessions = st.int64(9);
        buckets.append(std::move(b));
    }
    return buckets;
}
