#include "postgresserverstore.h"

#include "aggregatesql.h"
#include "wire/wirecodec.h"
#include "wire/wirecrypto.h"

#include <QDateTime>

#include <libpq-fe.h>
#include <sys/select.h>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace PgText;

namespace {

const char *const Migrations[] = {
    // Version 1: the SQLite schema in PostgreSQL types. Names are unique
    // case-insensitively (SQLite's NOCASE); a submission is one function call.
    R"sql(
CREATE TABLE users(
    id BIGSERIAL PRIMARY KEY,
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    visibility SMALLINT NOT NULL DEFAULT 0,
    hidden BOOLEAN NOT NULL DEFAULT false,
    reviewed BOOLEAN NOT NULL DEFAULT false,
    flag_reason TEXT NOT NULL DEFAULT '',
    created BIGINT NOT NULL);
CREATE UNIQUE INDEX users_name ON users(lower(name));
CREATE TABLE devices(
    device_id TEXT PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    public_key BYTEA NOT NULL,
    label TEXT NOT NULL,
    seq BIGINT NOT NULL DEFAULT 0,
    last_hash TEXT NOT NULL,
    created BIGINT NOT NULL);
CREATE INDEX devices_user ON devices(user_id);
CREATE TABLE buckets(
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    device_id TEXT NOT NULL,
    hour BIGINT NOT NULL,
    agent TEXT NOT NULL,
    model TEXT NOT NULL,
    input BIGINT NOT NULL,
    cache_write BIGINT NOT NULL,
    cache_read BIGINT NOT NULL,
    output BIGINT NOT NULL,
    reasoning BIGINT NOT NULL,
    messages BIGINT NOT NULL,
    sessions BIGINT NOT NULL,
    cost DOUBLE PRECISION,
    price_version TEXT NOT NULL,
    PRIMARY KEY(user_id, device_id, hour, agent, model));
CREATE INDEX buckets_hour ON buckets(hour, user_id);
CREATE TABLE submissions(
    device_id TEXT NOT NULL REFERENCES devices(device_id) ON DELETE CASCADE,
    seq BIGINT NOT NULL,
    body_hash TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    received BIGINT NOT NULL,
    buckets INTEGER NOT NULL,
    replaced INTEGER NOT NULL,
    price_version TEXT NOT NULL,
    PRIMARY KEY(device_id, seq));
-- One submission: advance the chain only from (seq - 1, prev) (the row lock
-- makes a concurrent submission of the same seq wait, then find it moved on),
-- count rows whose numbers change, upsert, log, notify. All or nothing.
CREATE FUNCTION tt_apply_submission(p_user BIGINT, p_device TEXT, p_seq BIGINT, p_prev TEXT,
    p_hash TEXT, p_hours BIGINT[], p_agents TEXT[], p_models TEXT[], p_input BIGINT[],
    p_cache_write BIGINT[], p_cache_read BIGINT[], p_output BIGINT[], p_reasoning BIGINT[],
    p_messages BIGINT[], p_sessions BIGINT[], p_costs DOUBLE PRECISION[], p_version TEXT,
    p_received BIGINT, p_channel TEXT, p_origin TEXT)
RETURNS TABLE(applied BOOLEAN, replaced INTEGER, on_boards BOOLEAN)
LANGUAGE plpgsql AS $fn$
DECLARE
    v_replaced INTEGER := 0;
    v_board BOOLEAN;
    v_min BIGINT;
    v_max BIGINT;
BEGIN
    UPDATE devices SET seq = p_seq, last_hash = p_hash
     WHERE device_id = p_device AND user_id = p_user AND seq = p_seq - 1 AND last_hash = p_prev;
    IF NOT FOUND THEN
        RETURN QUERY SELECT false, 0, false;
        RETURN;
    END IF;
    SELECT count(*) INTO v_replaced
      FROM unnest(p_hours, p_agents, p_models, p_input, p_cache_write, p_cache_read, p_output,
                  p_reasoning, p_messages, p_sessions)
           AS i(hour, agent, model, input, cache_write, cache_read, output, reasoning, messages,
                sessions)
      JOIN buckets b ON b.user_id = p_user AND b.device_id = p_device AND b.hour = i.hour
                    AND b.agent = i.agent AND b.model = i.model
     WHERE (b.input, b.cache_write, b.cache_read, b.output, b.reasoning, b.messages, b.sessions)
           IS DISTINCT FROM (i.input, i.cache_write, i.cache_read, i.output, i.reasoning,
                             i.messages, i.sessions);
    INSERT INTO buckets AS b(user_id, device_id, hour, agent, model, input, cache_write,
                             cache_read, output, reasoning, messages, sessions, cost,
                             price_version)
    SELECT p_user, p_device, i.*, p_version
      FROM unnest(p_hours, p_agents, p_models, p_input, p_cache_write, p_cache_read, p_output,
                  p_reasoning, p_messages, p_sessions, p_costs) AS i
    ON CONFLICT (user_id, device_id, hour, agent, model) DO UPDATE
       SET input = excluded.input, cache_write = excluded.cache_write,
           cache_read = excluded.cache_read, output = excluded.output,
           reasoning = excluded.reasoning, messages = excluded.messages,
           sessions = excluded.sessions, cost = excluded.cost,
           price_version = excluded.price_version
     WHERE (b.input, b.cache_write, b.cache_read, b.output, b.reasoning, b.messages, b.sessions,
            b.cost, b.price_version)
           IS DISTINCT FROM (excluded.input, excluded.cache_write, excluded.cache_read,
                             excluded.output, excluded.reasoning, excluded.messages,
                             excluded.sessions, excluded.cost, excluded.price_version);
    INSERT INTO submissions(device_id, seq, body_hash, prev_hash, received, buckets, replaced,
                            price_version)
    VALUES(p_device, p_seq, p_hash, p_prev, p_received, cardinality(p_hours), v_replaced,
           p_version);
    SELECT visibility = 2 AND NOT hidden INTO v_board FROM users WHERE id = p_user;
    SELECT min(h), max(h) INTO v_min, v_max FROM unnest(p_hours) AS h;
    IF v_min IS NOT NULL THEN
        PERFORM pg_notify(p_channel, p_origin || ' b|' || p_user || '|' || v_min || '|' || v_max
                          || '|' || CASE WHEN v_board THEN '1' ELSE '0' END);
    END IF;
    RETURN QUERY SELECT true, v_replaced, coalesce(v_board, false);
END
$fn$;
)sql",
};
static_assert(std::size(Migrations) == PostgresServerStore::SchemaVersion);

std::int64_t now()
{
    return QDateTime::currentSecsSinceEpoch();
}

const std::string UserColumns =
    "SELECT id, name, visibility, hidden, reviewed, flag_reason, created FROM users ";

UserRecord readUser(const PgResult &r, int row)
{
    UserRecord u;
    u.id = r.int64(row, 0);
    u.name = r.text(row, 1);
    u.visibility = Visibility(r.int64(row, 2));
    u.hidden = r.boolean(row, 3);
    u.reviewed = r.boolean(row, 4);
    u.flagReason = r.text(row, 5);
    u.created = r.int64(row, 6);
    return u;
}

} // namespace

PostgresServerStore::PostgresServerStore(const std::string &dsn, int poolSize, bool listen)
    : m_pool(dsn, poolSize)
    , m_origin(WireCrypto::randomBytes(8).toHex().toStdString())
{
    migrate();
    if (listen)
        m_listenThread = std::thread([this] { listenLoop(); });
}

PostgresServerStore::~PostgresServerStore()
{
    m_stop = true;
    if (m_listenThread.joinable())
        m_listenThread.join();
}

void PostgresServerStore::migrate()
{
    auto db = m_pool.acquire();
    db->exec("BEGIN");
    try {
        // Several processes may start at once: one migrates, the others wait.
        db->exec("SELECT pg_advisory_xact_lock(7707001)");
        db->exec("CREATE TABLE IF NOT EXISTS tokentally_schema(version INTEGER NOT NULL)");
        const PgResult r = db->query("SELECT COALESCE(MAX(version), 0) FROM tokentally_schema");
        const int version = int(r.int64(0, 0));
        const int latest = int(std::size(Migrations));
        if (version > latest)
            throw StoreError("database schema " + std::to_string(version) +
                             " is newer than this server");
        for (int v = version; v < latest; ++v) {
            db->exec(Migrations[v]);
            db->query("INSERT INTO tokentally_schema(version) VALUES($1)", {number(v + 1)});
        }
        db->exec("COMMIT");
    } catch (...) {
        if (db->isHealthy() || PQstatus(db->handle()) == CONNECTION_OK)
            PQclear(PQexec(db->handle(), "ROLLBACK"));
        throw;
    }
}

std::string PostgresServerStore::notifyPayload(const StoreChange &change) const
{
    return m_origin + ' ' + change.encode().toStdString();
}

void PostgresServerStore::listenLoop()
{
    std::unique_ptr<PgConnection> db;
    bool missed = false;
    while (!m_stop) {
        if (!db) {
            try {
                db = std::make_unique<PgConnection>(m_pool.dsn());
                db->exec(std::string("LISTEN ") + Channel);
                if (missed) {
                    // Notifications sent while we were away are lost.
                    changed({StoreChange::Kind::All});
                    missed = false;
                }
            } catch (const StoreError &e) {
                db.reset();
                missed = true;
                for (int i = 0; i < 10 && !m_stop; ++i)
                    std::this_thread::sleep_for(std::chrono::milliseconds(100));
                continue;
            }
        }
        PGconn *conn = db->handle();
        const int socket = PQsocket(conn);
        fd_set fds;
        FD_ZERO(&fds);
        FD_SET(socket, &fds);
        timeval timeout {0, 200000};
        const int ready = select(socket + 1, &fds, nullptr, nullptr, &timeout);
        if (ready < 0 || (ready > 0 && !PQconsumeInput(conn)) || PQstatus(conn) != CONNECTION_OK) {
            db.reset();
            missed = true;
            continue;
        }
        while (PGnotify *n = PQnotifies(conn)) {
            const QByteArray payload(n->extra);
            PQfreemem(n);
            const qsizetype space = payload.indexOf(' ');
            if (space < 0 || payload.left(space).toStdString() == m_origin)
                continue;
            changed(StoreChange::decode(payload.mid(space + 1)).value_or(StoreChange()));
        }
    }
}

void PostgresServerStore::userChanged(PgConnection &, std::int64_t userId)
{
    changed({StoreChange::Kind::User, userId});
}

std::optional<UserRecord> PostgresServerStore::createUser(const QString &name,
                                                          const QString &tokenHash)
{
    auto db = m_pool.acquire();
    const std::int64_t created = now();
    const PgResult r = db->query(
        "WITH w AS (INSERT INTO users(name, token_hash, created) VALUES($1, $2, $3) "
        "ON CONFLICT DO NOTHING RETURNING id) "
        "SELECT id, pg_notify($4, $5 || ' u|' || id || '|0|0|1') FROM w",
        {text(name), text(tokenHash), number(created), Channel, m_origin});
    if (r.rows() == 0)
        return std::nullopt;
    UserRecord user;
    user.id = r.int64(0, 0);
    user.name = name;
    user.created = created;
    userChanged(*db, user.id);
    return user;
}

std::optional<UserRecord> PostgresServerStore::userByTokenHash(const QString &tokenHash)
{
    auto db = m_pool.acquire();
    const PgResult r = db->query(UserColumns + "WHERE token_hash = $1", {text(tokenHash)});
    if (r.rows() == 0)
        return std::nullopt;
    return readUser(r, 0);
}

std::optional<UserRecord> PostgresServerStore::userByName(const QString &name)
{
    auto db = m_pool.acquire();
    const PgResult r = db->query(UserColumns + "WHERE lower(name) = lower($1)", {text(name)});
    if (r.rows() == 0)
        return std::nullopt;
    return readUser(r, 0);
}

QList<UserRecord> PostgresServerStore::users()
{
    auto db = m_pool.acquire();
    // SQLite's NOCASE order: ASCII case folded, bytes compared.
    const PgResult r = db->query(UserColumns + "ORDER BY lower(name) COLLATE \"C\"");
    QList<UserRecord> out;
    for (int i = 0; i < r.rows(); ++i)
        out.append(readUser(r, i));
    return out;
}

void PostgresServerStore::setVisibility(std::int64_t userId, Visibility visibility)
{
    auto db = m_pool.acquire();
    db->query("WITH w AS (UPDATE users SET visibility = $2 WHERE id = $1 RETURNING id) "
              "SELECT pg_notify($3, $4) FROM w",
              {number(userId), number(int(visibility)), Channel,
               notifyPayload({StoreChange::Kind::User, userId})});
    userChanged(*db, userId);
}

void PostgresServerStore::setHidden(std::int64_t userId, bool hidden, const QString &reason,
                                    bool reviewed)
{
    auto db = m_pool.acquire();
    db->query("WITH w AS (UPDATE users SET hidden = $2, flag_reason = $3, reviewed = $4 "
              "WHERE id = $1 RETURNING id) SELECT pg_notify($5, $6) FROM w",
              {number(userId), hidden ? "true" : "false", text(reason),
               reviewed ? "true" : "false", Channel,
               notifyPayload({StoreChange::Kind::User, userId})});
    userChanged(*db, userId);
}

void PostgresServerStore::flagUser(std::int64_t userId, const QString &reason)
{
    auto db = m_pool.acquire();
    const PgResult r =
        db->query("WITH w AS (UPDATE users SET hidden = true, flag_reason = $2 WHERE id = $1 "
                  "AND NOT hidden AND NOT reviewed RETURNING id) SELECT pg_notify($3, $4) FROM w",
                  {number(userId), text(reason), Channel,
                   notifyPayload({StoreChange::Kind::User, userId})});
    if (r.rows() > 0)
        userChanged(*db, userId);
}

void PostgresServerStore::deleteUser(std::int64_t userId)
{
    auto db = m_pool.acquire();
    // Devices, buckets and the chain log go with the user (ON DELETE CASCADE).
    db->query("WITH w AS (DELETE FROM users WHERE id = $1 RETURNING id) "
              "SELECT pg_notify($2, $3) FROM w",
              {number(userId), Channel, notifyPayload({StoreChange::Kind::User, userId})});
    userChanged(*db, userId);
}

std::optional<DeviceRecord> PostgresServerStore::device(const QString &deviceId)
{
    auto db = m_pool.acquire();
    const PgResult r = db->query("SELECT device_id, user_id, public_key, label, seq, last_hash "
                                 "FROM devices WHERE device_id = $1",
                                 {text(deviceId)});
    if (r.rows() == 0)
        return std::nullopt;
    DeviceRecord d;
    d.deviceId = r.text(0, 0);
    d.userId = r.int64(0, 1);
    d.publicKey = r.bytes(0, 2);
    d.label = r.text(0, 3);
    d.seq = r.int64(0, 4);
    d.lastHash = r.text(0, 5);
    return d;
}

bool PostgresServerStore::addDevice(const DeviceRecord &d)
{
    auto db = m_pool.acquire();
    const PgResult r = db->query(
        "WITH w AS (INSERT INTO devices(device_id, user_id, public_key, label, seq, last_hash, "
        "created) VALUES($1, $2, $3, $4, 0, $5, $6) ON CONFLICT DO NOTHING RETURNING 1) "
        "SELECT pg_notify($7, $8) FROM w",
        {text(d.deviceId), number(d.userId), bytes(d.publicKey), text(d.label),
         text(WireCodec::zeroHash()), number(now()), Channel,
         notifyPayload({StoreChange::Kind::User, d.userId})});
    if (r.rows() == 0)
        return false;
    userChanged(*db, d.userId);
    return true;
}

int PostgresServerStore::deviceCount(std::int64_t userId)
{
    auto db = m_pool.acquire();
    const PgResult r =
        db->query("SELECT COUNT(*) FROM devices WHERE user_id = $1", {number(userId)});
    return r.rows() ? int(r.int64(0, 0)) : 0;
}

ServerStore::ApplyResult
PostgresServerStore::applySubmission(std::int64_t userId, const QString &deviceId,
                                     std::int64_t seq, const QString &prevHash,
                                     const QString &bodyHash, const QList<StoredBucket> &buckets,
                                     const QString &priceTableVersion, int *replaced)
{
    std::vector<std::int64_t> hours, input, cacheWrite, cacheRead, output, reasoning, messages,
        sessions;
    std::vector<QString> agents, models;
    std::vector<std::optional<double>> costs;
    std::int64_t minHour = 0, maxHour = 0;
    for (const StoredBucket &b : buckets) {
        minHour = hours.empty() ? b.hour : std::min(minHour, b.hour);
        maxHour = hours.empty() ? b.hour : std::max(maxHour, b.hour);
        hours.push_back(b.hour);
        agents.push_back(b.agent);
        models.push_back(b.model);
        input.push_back(b.tokens.input);
        cacheWrite.push_back(b.tokens.cacheWrite);
        cacheRead.push_back(b.tokens.cacheRead);
        output.push_back(b.tokens.output);
        reasoning.push_back(b.tokens.reasoning);
        messages.push_back(b.messages);
        sessions.push_back(b.sessions);
        costs.push_back(b.cost);
    }
    auto db = m_pool.acquire();
    const PgResult r = db->query(
        "SELECT applied, replaced, on_boards FROM tt_apply_submission($1, $2, $3, $4, $5, $6, $7, "
        "$8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)",
        {number(userId), text(deviceId), number(seq), text(prevHash), text(bodyHash),
         int64Array(hours), textArray(agents), textArray(models), int64Array(input),
         int64Array(cacheWrite), int64Array(cacheRead), int64Array(output),
         int64Array(reasoning), int64Array(messages), int64Array(sessions), doubleArray(costs),
         text(priceTableVersion), number(now()), Channel, m_origin});
    if (r.rows() == 0 || !r.boolean(0, 0))
        return ApplyResult::ChainMismatch;
    if (replaced)
        *replaced = int(r.int64(0, 1));
    if (!buckets.isEmpty())
        changed({StoreChange::Kind::Buckets, userId, minHour, maxHour, r.boolean(0, 2)});
    return ApplyResult::Applied;
}

QMap<std::int64_t, QString> PostgresServerStore::dayChecksums(const QString &deviceId,
                                                              std::int64_t fromHour)
{
    auto db = m_pool.acquire();
    const PgResult r = db->query(
        "SELECT hour, agent, model, input, cache_write, cache_read, output, reasoning, messages, "
        "sessions FROM buckets WHERE user_id = (SELECT user_id FROM devices WHERE device_id = $1) "
        "AND device_id = $1 AND hour >= $2",
        {text(deviceId), number(fromHour)});
    QMap<std::int64_t, QList<WireBucket>> days;
    for (int i = 0; i < r.rows(); ++i) {
        WireBucket b;
        b.hour = r.int64(i, 0);
        b.agent = r.text(i, 1);
        b.model = r.text(i, 2);
        b.tokens = {r.int64(i, 3), r.int64(i, 4), r.int64(i, 5), r.int64(i, 6), r.int64(i, 7)};
        b.messages = r.int64(i, 8);
        b.sessions = r.int64(i, 9);
        days[b.hour / 86400].append(b);
    }
    QMap<std::int64_t, QString> out;
    for (auto it = days.begin(); it != days.end(); ++it)
        out.insert(it.key(), WireCodec::dayChecksum(it.value()));
    return out;
}

QList<AggregateRow> PostgresServerStore::aggregate(const AggregateQuery &query)
{
    const AggregateSql sql = AggregateSql::build(query, AggregateSql::Dialect::Postgres);
    std::vector<PgParam> params;
    for (const AggregateSql::Param p : sql.params) {
        switch (p) {
        case AggregateSql::Param::From:
            params.push_back(number(query.from));
            break;
        case AggregateSql::Param::To:
            params.push_back(number(query.to));
            break;
        case AggregateSql::Param::Agent:
            params.push_back(text(query.agent));
            break;
        case AggregateSql::Param::User:
            params.push_back(number(*query.user));
            break;
        }
    }
    auto db = m_pool.acquire();
    const PgResult r = db->query(sql.sql, params);
    QList<AggregateRow> rows;
    rows.reserve(r.rows());
    for (int i = 0; i < r.rows(); ++i) {
        AggregateRow row;
        row.userId = r.int64(i, 0);
        row.userName = r.text(i, 1);
        row.day = r.int64(i, 2);
        row.model = r.text(i, 3);
        row.agent = r.text(i, 4);
        row.tokens = {r.int64(i, 5), r.int64(i, 6), r.int64(i, 7), r.int64(i, 8), r.int64(i, 9)};
        row.messages = r.int64(i, 10);
        row.sessions = r.int64(i, 11);
        row.cost = r.real(i, 12);
        row.unpricedTokens = r.int64(i, 13);
        rows.append(row);
    }
    return rows;
}

StoreStats PostgresServerStore::stats()
{
    auto db = m_pool.acquire();
    const PgResult r = db->query(
        "SELECT (SELECT COUNT(*) FROM users), (SELECT COUNT(*) FROM users WHERE visibility = 2 "
        "AND NOT hidden), (SELECT COUNT(*) FROM devices), (SELECT COUNT(*) FROM submissions), "
        "COUNT(*), COALESCE(SUM(input + cache_write + cache_read + output), 0), "
        "COALESCE(SUM(cost), 0) FROM buckets");
    StoreStats s;
    if (r.rows()) {
        s.users = r.int64(0, 0);
        s.publicUsers = r.int64(0, 1);
        s.devices = r.int64(0, 2);
        s.submissions = r.int64(0, 3);
        s.buckets = r.int64(0, 4);
        s.tokens = r.int64(0, 5);
        s.cost = r.real(0, 6);
    }
    return s;
}

QList<std::pair<std::int64_t, std::int64_t>> PostgresServerStore::tokensPerUser(std::int64_t from,
                                                                                std::int64_t to)
{
    auto db = m_pool.acquire();
    const PgResult r =
        db->query("SELECT user_id, SUM(input + cache_write + cache_read + output)::bigint FROM "
                  "buckets WHERE hour >= $1 AND hour < $2 GROUP BY user_id",
                  {number(from), number(to)});
    QList<std::pair<std::int64_t, std::int64_t>> out;
    for (int i = 0; i < r.rows(); ++i)
        out.append({r.int64(i, 0), r.int64(i, 1)});
    return out;
}

void PostgresServerStore::seedBuckets(std::int64_t userId, const QString &deviceId,
                                      const QList<StoredBucket> &buckets,
                                      const QString &priceTableVersion)
{
    std::vector<std::int64_t> hours, input, cacheWrite, cacheRead, output, reasoning, messages,
        sessions;
    std::vector<QString> agents, models;
    std::vector<std::optional<double>> costs;
    for (const StoredBucket &b : buckets) {
        hours.push_back(b.hour);
        agents.push_back(b.agent);
        models.push_back(b.model);
        input.push_back(b.tokens.input);
        cacheWrite.push_back(b.tokens.cacheWrite);
        cacheRead.push_back(b.tokens.cacheRead);
        output.push_back(b.tokens.output);
        reasoning.push_back(b.tokens.reasoning);
        messages.push_back(b.messages);
        sessions.push_back(b.sessions);
        costs.push_back(b.cost);
    }
    auto db = m_pool.acquire();
    db->query("INSERT INTO devices(device_id, user_id, public_key, label, seq, last_hash, "
              "created) VALUES($1, $2, '\\x', 'seed', 0, $3, $4) ON CONFLICT DO NOTHING",
              {text(deviceId), number(userId), text(WireCodec::zeroHash()), number(now())});
    db->query("INSERT INTO buckets AS b(user_id, device_id, hour, agent, model, input, "
              "cache_write, cache_read, output, reasoning, messages, sessions, cost, "
              "price_version) SELECT $1, $2, i.*, $14 FROM unnest($3::bigint[], $4::text[], "
              "$5::text[], $6::bigint[], $7::bigint[], $8::bigint[], $9::bigint[], $10::bigint[], "
              "$11::bigint[], $12::bigint[], $13::float8[]) AS i ON CONFLICT (user_id, device_id, "
              "hour, agent, model) DO UPDATE SET input = excluded.input, cache_write = "
              "excluded.cache_write, cache_read = excluded.cache_read, output = excluded.output, "
              "reasoning = excluded.reasoning, messages = excluded.messages, sessions = "
              "excluded.sessions, cost = excluded.cost, price_version = excluded.price_version",
              {number(userId), text(deviceId), int64Array(hours), textArray(agents),
               textArray(models), int64Array(input), int64Array(cacheWrite),
               int64Array(cacheRead), int64Array(output), int64Array(reasoning),
               int64Array(messages), int64Array(sessions), doubleArray(costs),
               text(priceTableVersion)});
    db->query("SELECT pg_notify($1, $2)",
              {Channel, notifyPayload({StoreChange::Kind::All})});
    changed({StoreChange::Kind::All});
}
