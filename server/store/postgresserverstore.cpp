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

std::int64_t now()
{
    return QDateTime::currentSecsSinceEpoch();
}

const std::string UserColumns =
    "SELECT id, name, visibility, hidden, reviewed, flag_reason, created FROM users ";

//! The buckets column by column, as array parameters (hours, agents, models,
//! the seven counts, costs): one statement writes them all.
std::vector<PgParam> bucketArrays(const QList<StoredBucket> &buckets)
{
    std::vector<std::int64_t> counts[8];
    std::vector<QString> agents, models;
    std::vector<std::optional<double>> costs;
    for (const StoredBucket &b : buckets) {
        const std::int64_t values[8] = {
            b.hour,          b.tokens.input,     b.tokens.cacheWrite, b.tokens.cacheRead,
            b.tokens.output, b.tokens.reasoning, b.messages,          b.sessions};
        for (int i = 0; i < 8; ++i)
            counts[i].push_back(values[i]);
        agents.push_back(b.agent);
        models.push_back(b.model);
        costs.push_back(b.cost);
    }
    std::vector<PgParam> out {int64Array(counts[0]), textArray(agents), textArray(models)};
    for (int i = 1; i < 8; ++i)
        out.push_back(int64Array(counts[i]));
    out.push_back(doubleArray(costs));
    return out;
}

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
    const PgResult r =
        db->query("WITH w AS (INSERT INTO users(name, token_hash, created) VALUES($1, $2, $3) "
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
              {number(userId), hidden ? "true" : "false", text(reason), reviewed ? "true" : "false",
               Channel, notifyPayload({StoreChange::Kind::User, userId})});
    userChanged(*db, userId);
}

void PostgresServerStore::flagUser(std::int64_t userId, const QString &reason)
{
    auto db = m_pool.acquire();
    const PgResult r = db->query(
        "WITH w AS (UPDATE users SET hidden = true, flag_reason = $2 WHERE id = $1 "
        "AND NOT hidden AND NOT reviewed RETURNING id) SELECT pg_notify($3, $4) FROM w",
        {number(userId), text(reason), Channel, notifyPayload({StoreChange::Kind::User, userId})});
    if (r.rows() > 0)
        userChanged(*db, userId);
}

void PostgresServerStore::deleteUser(std::int64_t userId)
{
    auto db = m_pool.acquire();
    // Devices and the chain log go with the user (ON DELETE CASCADE), the
    // buckets (no foreign key, for ingest speed) explicitly.
    db->query("WITH b AS (DELETE FROM buckets WHERE user_id = $1), "
              "w AS (DELETE FROM users WHERE id = $1 RETURNING id) "
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
PostgresServerStore::applySubmission(std::int64_t userId, const QString &deviceId, std::int64_t seq,
                                     const QString &prevHash, const QString &bodyHash,
                                     const QList<StoredBucket> &buckets,
                                     const QString &priceTableVersion, int *replaced)
{
    std::int64_t minHour = 0, maxHour = 0;
    for (qsizetype i = 0; i < buckets.size(); ++i) {
        minHour = i ? std::min(minHour, buckets[i].hour) : buckets[i].hour;
        maxHour = i ? std::max(maxHour, buckets[i].hour) : buckets[i].hour;
    }
    const std::vector<PgParam> columns = bucketArrays(buckets);
    const PgStatement apply {
        "SELECT applied, replaced, on_boards FROM tt_apply_submission($1, $2, $3, $4, $5, $6, $7, "
        "$8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)",
        {number(userId),
         text(deviceId),
         number(seq),
         text(prevHash),
         text(bodyHash),
         columns[0],
         columns[1],
         columns[2],
         columns[3],
         columns[4],
         columns[5],
         columns[6],
         columns[7],
         columns[8],
         columns[9],
         columns[10],
         text(priceTableVersion),
         number(now()),
         Channel,
         m_origin}};
    // Other processes hear of the new rows from a second transaction in the
    // same round trip, once the submission has committed (NOTIFY inside it
    // would serialise all submissions' commits, see tt_apply_submission). It
    // notifies only if this very submission is recorded. Its own commit need
    // not wait for the disk: it writes nothing, and a crashed database drops
    // every listener's connection, which then forgets everything anyway.
    const PgStatement notify {
        "SELECT set_config('synchronous_commit', 'off', true), pg_notify($1, $2 || ' b|' || u.id "
        "|| '|' || $3 || '|' || $4 || '|' || CASE WHEN u.visibility = 2 AND NOT u.hidden THEN '1' "
        "ELSE '0' END) FROM users u WHERE u.id = $5 AND EXISTS (SELECT 1 FROM submissions s WHERE "
        "s.device_id = $6 AND s.seq = $7 AND s.body_hash = $8)",
        {Channel, m_origin, number(minHour), number(maxHour), number(userId), text(deviceId),
         number(seq), text(bodyHash)}};
    auto db = m_pool.acquire();
    const PgResult r = buckets.isEmpty() ? db->query(apply.sql, apply.params)
                                         : std::move(db->pipeline({apply, notify}).front());
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
    const std::vector<PgParam> columns = bucketArrays(buckets);
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
              {number(userId), text(deviceId), columns[0], columns[1], columns[2], columns[3],
               columns[4], columns[5], columns[6], columns[7], columns[8], columns[9], columns[10],
               text(priceTableVersion)});
    db->query("SELECT pg_notify($1, $2)", {Channel, notifyPayload({StoreChange::Kind::All})});
    changed({StoreChange::Kind::All});
}
