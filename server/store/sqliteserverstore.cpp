#include "sqliteserverstore.h"

#include "aggregatesql.h"
#include "sqlitestatements.h"
#include "store/database.h"
#include "wire/wirecodec.h"

#include <QDateTime>

#include <algorithm>
#include <limits>
#include <map>
#include <tuple>
#include <unordered_map>

#include <sqlite3.h>

using namespace Qt::StringLiterals;

using namespace SqliteStatements;

namespace {

std::int64_t now()
{
    return QDateTime::currentSecsSinceEpoch();
}

UserRecord readUser(const Statement &q)
{
    UserRecord u;
    u.id = q.int64(0);
    u.name = q.text(1);
    u.visibility = Visibility(q.int64(2));
    u.hidden = q.int64(3) != 0;
    u.reviewed = q.int64(4) != 0;
    u.flagReason = q.text(5);
    u.created = q.int64(6);
    return u;
}

const std::string UserColumns =
    "SELECT id, name, visibility, hidden, reviewed, flag_reason, created FROM users ";

} // namespace

SqliteServerStore::SqliteServerStore(const QString &path, Role role)
    : m_path(path)
    , m_role(role)
{
    std::int64_t lastChange = 0;
    try {
        const Lease lease = connection();
        Database &db = *lease;
        SqliteSchema::migrate(db);
        // Changes logged from now on are news to this process.
        auto q = prepare(db, "SELECT COALESCE(MAX(id), 0) FROM changes");
        lastChange = next(db, q) ? q->int64(0) : 0;
    } catch (const StoreError &e) {
        m_error = QString::fromUtf8(e.what());
        return;
    }
    if (m_role == Role::Server)
        m_loopThread = std::thread([this, lastChange] { backgroundLoop(lastChange); });
}

SqliteServerStore::~SqliteServerStore()
{
    {
        std::lock_guard lock(m_loopMutex);
        m_loopStop = true;
    }
    m_loopWake.notify_all();
    if (m_loopThread.joinable())
        m_loopThread.join();
}

std::unique_ptr<Database> SqliteServerStore::openDatabase()
{
    auto db = std::make_unique<Database>();
    QString error;
    if (!db->open(m_path, false, &error))
        throw StoreError("cannot open database: " + error.toStdString());
    // NORMAL is durable across application crashes in WAL mode (Database::open);
    // only a power loss can drop the last commits, which the clients resend.
    // At 32 MB of private cache per reader, one reader per request thread grew
    // to 1.6 GB in the soak (RSS +76 % after warm-up). The OS page cache holds
    // the hot file once for all of them; 4 MB each keeps the B-tree tops (soak:
    // wrk req/s up from 59 to 108, p99 2.6 -> 1.3 s on the loaded 2-core machine).
    exec(*db, "PRAGMA busy_timeout=10000; PRAGMA temp_store=MEMORY; PRAGMA cache_size=-4000");
    return db;
}

void SqliteServerStore::backgroundLoop(std::int64_t lastChange)
{
    // Checkpoints copy WAL pages into scattered places of a large file and
    // sync it: on the committing thread they stalled every submission queued
    // behind the write lock. PASSIVE runs beside the writer and readers.
    std::unique_ptr<Database> db;
    std::int64_t checkpointed = generation();
    std::unique_lock lock(m_loopMutex);
    while (!m_loopStop) {
        m_loopWake.wait_for(lock, std::chrono::milliseconds(500));
        if (m_loopStop)
            break;
        lock.unlock();
        try {
            if (!db)
                db = openDatabase();
            // Admin commands from other processes.
            QList<StoreChange> seen;
            {
                auto q = prepare(*db, "SELECT id, payload FROM changes WHERE id > ?1 ORDER BY id");
                q->bind(1, lastChange);
                while (next(*db, q)) {
                    lastChange = q->int64(0);
                    seen.append(StoreChange::decode(q->text(1).toLatin1()).value_or(StoreChange()));
                }
            }
            for (const StoreChange &c : seen)
                changed(c);
            const std::int64_t g = generation();
            int logFrames = 0;
            int copied = 0;
            if (g != checkpointed &&
                sqlite3_wal_checkpoint_v2(db->handle(), nullptr, SQLITE_CHECKPOINT_PASSIVE,
                                          &logFrames, &copied) == SQLITE_OK &&
                copied == logFrames)
                checkpointed = g;
        } catch (const StoreError &e) {
            std::fprintf(stderr, "background: %s\n", e.what());
            db.reset();
        }
        lock.lock();
    }
}

SqliteServerStore::Lease SqliteServerStore::connection()
{
    std::unique_ptr<Database> db;
    {
        std::lock_guard lock(m_mutex);
        if (!m_idle.empty()) {
            db = std::move(m_idle.back());
            m_idle.pop_back();
        }
    }
    return Lease(*this, db ? std::move(db) : openDatabase());
}

SqliteServerStore::Lease::Lease(SqliteServerStore &store, std::unique_ptr<Database> db)
    : m_store(store)
    , m_db(std::move(db))
{
}

SqliteServerStore::Lease::~Lease()
{
    // Connections follow how many reads run at once, not how many request
    // threads there are: one per thread (64 in the soak) kept 64 private page
    // caches that filled for minutes (RSS +16 % after warm-up). A burst beyond
    // the pool closes its extra connections again.
    constexpr size_t MaxIdle = 8;
    std::lock_guard lock(m_store.m_mutex);
    if (m_store.m_idle.size() < MaxIdle)
        m_store.m_idle.push_back(std::move(m_db));
}

Database &SqliteServerStore::writer()
{
    if (!m_writer) {
        m_writer = openDatabase();
        // 256 MiB: the indexes writes touch. A server's background loop
        // checkpoints (admin commands and the seeder have none: SQLite's own
        // automatic checkpoints stay on for them); a WAL left longer than
        // this by a busy reader is cut back when it restarts.
        exec(*m_writer, "PRAGMA cache_size=-262144; PRAGMA journal_size_limit=67108864");
        if (m_role == Role::Server)
            exec(*m_writer, "PRAGMA wal_autocheckpoint=0");
    }
    return *m_writer;
}

void SqliteServerStore::commitChange(Database &db, const StoreChange &change)
{
    if (m_role == Role::Admin) {
        auto q = prepare(db, "INSERT INTO changes(payload, at) VALUES(?1, ?2)");
        q->bind(1, QString::fromLatin1(change.encode())).bind(2, now());
        run(db, q);
        // Servers read the log twice a second: the last 10,000 entries are
        // plenty, and a primary-key range keeps the pruning cheap.
        auto prune = prepare(db, "DELETE FROM changes WHERE id <= ?1");
        prune->bind(1, db.lastInsertRowId() - 10000);
        run(db, prune);
    }
    changed(change);
}

bool SqliteServerStore::onBoards(Database &db, std::int64_t userId)
{
    auto q = prepare(db, "SELECT visibility = 2 AND hidden = 0 FROM users WHERE id = ?1");
    q->bind(1, userId);
    return next(db, q) && q->int64(0) != 0;
}

std::optional<UserRecord> SqliteServerStore::createUser(const QString &name,
                                                        const QString &tokenHash)
{
    std::lock_guard writeLock(m_writeMutex);
    Database &db = writer();
    std::int64_t id = 0;
    {
        WriteTransaction tx(db);
        auto taken = prepare(db, "SELECT 1 FROM users WHERE name = ?1");
        taken->bind(1, name);
        if (next(db, taken))
            return std::nullopt;
        auto q = prepare(db, "INSERT INTO users(name, token_hash, created) VALUES(?1, ?2, ?3)");
        q->bind(1, name).bind(2, tokenHash).bind(3, now());
        run(db, q);
        id = db.lastInsertRowId();
        tx.commit();
    }
    commitChange(db, {StoreChange::Kind::User, id});
    UserRecord user;
    user.id = id;
    user.name = name;
    user.created = now();
    return user;
}

std::optional<UserRecord> SqliteServerStore::userByTokenHash(const QString &tokenHash)
{
    const Lease lease = connection();
    Database &db = *lease;
    auto q = prepare(db, UserColumns + "WHERE token_hash = ?1");
    q->bind(1, tokenHash);
    if (!next(db, q))
        return std::nullopt;
    return readUser(*q);
}

std::optional<UserRecord> SqliteServerStore::userByName(const QString &name)
{
    const Lease lease = connection();
    Database &db = *lease;
    auto q = prepare(db, UserColumns + "WHERE name = ?1");
    q->bind(1, name);
    if (!next(db, q))
        return std::nullopt;
    return readUser(*q);
}

QList<UserRecord> SqliteServerStore::users()
{
    const Lease lease = connection();
    Database &db = *lease;
    QList<UserRecord> out;
    auto q = prepare(db, UserColumns + "ORDER BY name");
    while (next(db, q))
        out.append(readUser(*q));
    return out;
}

void SqliteServerStore::setVisibility(std::int64_t userId, Visibility visibility)
{
    std::lock_guard writeLock(m_writeMutex);
    Database &db = writer();
    auto q = prepare(db, "UPDATE users SET visibility = ?2 WHERE id = ?1");
    q->bind(1, userId).bind(2, int(visibility));
    run(db, q);
    commitChange(db, {StoreChange::Kind::User, userId});
}

void SqliteServerStore::setHidden(std::int64_t userId, bool hidden, const QString &reason,
                                  bool reviewed)
{
    std::lock_guard writeLock(m_writeMutex);
    Database &db = writer();
    auto q =
        prepare(db, "UPDATE users SET hidden = ?2, flag_reason = ?3, reviewed = ?4 WHERE id = ?1");
    q->bind(1, userId).bind(2, hidden ? 1 : 0).bind(3, reason).bind(4, reviewed ? 1 : 0);
    run(db, q);
    commitChange(db, {StoreChange::Kind::User, userId});
}

void SqliteServerStore::flagUser(std::int64_t userId, const QString &reason)
{
    std::lock_guard writeLock(m_writeMutex);
    Database &db = writer();
    auto q = prepare(db,
                     "UPDATE users SET hidden = 1, flag_reason = ?2 WHERE id = ?1 AND "
                     "hidden = 0 AND reviewed = 0");
    q->bind(1, userId).bind(2, reason);
    run(db, q);
    if (db.changes() > 0)
        commitChange(db, {StoreChange::Kind::User, userId});
}

void SqliteServerStore::deleteUser(std::int64_t userId)
{
    std::lock_guard writeLock(m_writeMutex);
    Database &db = writer();
    {
        WriteTransaction tx(db);
        for (const char *sql :
             {"DELETE FROM buckets WHERE user_id = ?1",
              "DELETE FROM submissions WHERE device_id IN (SELECT device_id FROM devices WHERE "
              "user_id = ?1)",
              "DELETE FROM devices WHERE user_id = ?1", "DELETE FROM users WHERE id = ?1"}) {
            auto q = prepare(db, sql);
            q->bind(1, userId);
            run(db, q);
        }
        tx.commit();
    }
    commitChange(db, {StoreChange::Kind::User, userId});
}

std::optional<DeviceRecord> SqliteServerStore::device(const QString &deviceId)
{
    const Lease lease = connection();
    Database &db = *lease;
    auto q = prepare(db,
                     "SELECT device_id, user_id, public_key, label, seq, last_hash FROM "
                     "devices WHERE device_id = ?1");
    q->bind(1, deviceId);
    if (!next(db, q))
        return std::nullopt;
    DeviceRecord d;
    d.deviceId = q->text(0);
    d.userId = q->int64(1);
    d.publicKey = q->blob(2);
    d.label = q->text(3);
    d.seq = q->int64(4);
    d.lastHash = q->text(5);
    return d;
}

bool SqliteServerStore::addDevice(const DeviceRecord &d)
{
    std::lock_guard writeLock(m_writeMutex);
    Database &db = writer();
    auto q = prepare(db,
                     "INSERT OR IGNORE INTO devices(device_id, user_id, public_key, label, "
                     "seq, last_hash, created) VALUES(?1, ?2, ?3, ?4, 0, ?5, ?6)");
    q->bind(1, d.deviceId)
        .bind(2, d.userId)
        .bindBlob(3, d.publicKey.constData(), int(d.publicKey.size()))
        .bind(4, d.label)
        .bind(5, WireCodec::zeroHash())
        .bind(6, now());
    run(db, q);
    const bool added = db.changes() == 1;
    if (added)
        commitChange(db, {StoreChange::Kind::User, d.userId});
    return added;
}

int SqliteServerStore::deviceCount(std::int64_t userId)
{
    const Lease lease = connection();
    Database &db = *lease;
    auto q = prepare(db, "SELECT COUNT(*) FROM devices WHERE user_id = ?1");
    q->bind(1, userId);
    return next(db, q) ? int(q->int64(0)) : 0;
}

QMap<std::int64_t, QString> SqliteServerStore::dayChecksums(const QString &deviceId,
                                                            std::int64_t fromHour)
{
    const Lease lease = connection();
    Database &db = *lease;
    QMap<std::int64_t, QList<WireBucket>> days;
    auto q = prepare(db,
                     "SELECT hour, agent, model, input, cache_write, cache_read, output, "
                     "reasoning, messages, sessions FROM buckets WHERE user_id = (SELECT "
                     "user_id FROM devices WHERE device_id = ?1) AND device_id = ?1 AND "
                     "hour >= ?2");
    q->bind(1, deviceId).bind(2, fromHour);
    while (next(db, q)) {
        WireBucket b;
        b.hour = q->int64(0);
        b.agent = q->text(1);
        b.model = q->text(2);
        b.tokens = {q->int64(3), q->int64(4), q->int64(5), q->int64(6), q->int64(7)};
        b.messages = q->int64(8);
        b.sessions = q->int64(9);
        days[b.hour / 86400].append(b);
    }
    QMap<std::int64_t, QString> out;
    for (auto it = days.begin(); it != days.end(); ++it)
        out.insert(it.key(), WireCodec::dayChecksum(it.value()));
    return out;
}

namespace {

struct PairHash
{
    size_t operator()(const std::pair<std::int64_t, std::int64_t> &p) const
    {
        return std::hash<std::int64_t>()(p.first * 1000003 ^ p.second);
    }
};

QList<AggregateRow> sumByDay(Database &db, CachedStatement &q, const QList<OffsetSpan> &offsets)
{
    // Whatever order the planner reads the rows in (by user over long
    // ranges, by hour over short ones): sum per (user, day), then sort.
    std::unordered_map<std::int64_t, QString> names;
    std::unordered_map<std::pair<std::int64_t, std::int64_t>, AggregateRow, PairHash> sums;
    while (next(db, q)) {
        const std::int64_t user = q->int64(0);
        const std::int64_t day = AggregateSql::dayOf(offsets, q->int64(2));
        auto [it, added] = sums.try_emplace({user, day});
        AggregateRow &r = it->second;
        if (added) {
            auto name = names.find(user);
            if (name == names.end())
                name = names.emplace(user, q->text(1)).first;
            r.userId = user;
            r.userName = name->second;
            r.day = day;
        }
        const TokenCounts t {q->int64(3), q->int64(4), q->int64(5), q->int64(6), q->int64(7)};
        r.tokens.input += t.input;
        r.tokens.cacheWrite += t.cacheWrite;
        r.tokens.cacheRead += t.cacheRead;
        r.tokens.output += t.output;
        r.tokens.reasoning += t.reasoning;
        r.messages += q->int64(8);
        r.sessions += q->int64(9);
        if (q->isNull(10))
            r.unpricedTokens += t.input + t.cacheWrite + t.cacheRead + t.output;
        else
            r.cost += q->real(10);
    }
    QList<AggregateRow> rows;
    rows.reserve(qsizetype(sums.size()));
    for (auto &[key, row] : sums)
        rows.append(std::move(row));
    std::sort(rows.begin(), rows.end(), [](const AggregateRow &a, const AggregateRow &b) {
        return a.userId != b.userId ? a.userId < b.userId : a.day < b.day;
    });
    return rows;
}

} // namespace

QList<AggregateRow> SqliteServerStore::aggregate(const AggregateQuery &query)
{
    const Lease lease = connection();
    Database &db = *lease;
    // Totals per user and local day (activeDays and streak boards): SQLite
    // sorts every row of the range to group it, 0.9 s for a year of 1,000
    // users, where summing the rows here takes a fifth of that; a server start
    // computes a dozen such boards at once.
    const bool sumHere = query.byDay && query.byUser && !query.byModel && !query.byAgent;
    const AggregateSql sql = sumHere ? AggregateSql::rows(query, AggregateSql::Dialect::Sqlite)
                                     : AggregateSql::build(query, AggregateSql::Dialect::Sqlite);
    auto q = prepare(db, sql.sql);
    for (size_t i = 0; i < sql.params.size(); ++i) {
        const int index = int(i + 1);
        switch (sql.params[i]) {
        case AggregateSql::Param::From:
            q->bind(index, query.from);
            break;
        case AggregateSql::Param::To:
            q->bind(index, query.to);
            break;
        case AggregateSql::Param::Agent:
            q->bind(index, query.agent);
            break;
        case AggregateSql::Param::User:
            q->bind(index, *query.user);
            break;
        }
    }
    if (sumHere)
        return sumByDay(db, q, query.offsets);
    QList<AggregateRow> rows;
    while (next(db, q)) {
        AggregateRow r;
        r.userId = q->int64(0);
        r.userName = q->text(1);
        r.day = q->int64(2);
        r.model = q->text(3);
        r.agent = q->text(4);
        r.tokens = {q->int64(5), q->int64(6), q->int64(7), q->int64(8), q->int64(9)};
        r.messages = q->int64(10);
        r.sessions = q->int64(11);
        r.cost = q->real(12);
        r.unpricedTokens = q->int64(13);
        rows.append(r);
    }
    return rows;
}

StoreStats SqliteServerStore::stats()
{
    const Lease lease = connection();
    Database &db = *lease;
    StoreStats s;
    auto q =
        prepare(db,
                "SELECT (SELECT COUNT(*) FROM users), (SELECT COUNT(*) FROM users WHERE visibility "
                "= 2 AND hidden = 0), (SELECT COUNT(*) FROM devices), (SELECT COUNT(*) FROM "
                "submissions), COUNT(*), TOTAL(input + cache_write + cache_read + output), "
                "TOTAL(cost) FROM buckets");
    if (next(db, q)) {
        s.users = q->int64(0);
        s.publicUsers = q->int64(1);
        s.devices = q->int64(2);
        s.submissions = q->int64(3);
        s.buckets = q->int64(4);
        s.tokens = std::int64_t(q->real(5));
        s.cost = q->real(6);
    }
    return s;
}

QList<std::pair<std::int64_t, std::int64_t>> SqliteServerStore::tokensPerUser(std::int64_t from,
                                                                              std::int64_t to)
{
    const Lease lease = connection();
    Database &db = *lease;
    QList<std::pair<std::int64_t, std::int64_t>> out;
    auto q = prepare(db,
                     "SELECT user_id, SUM(input + cache_write + cache_read + output) FROM "
                     "buckets WHERE hour >= ?1 AND hour < ?2 GROUP BY user_id");
    q->bind(1, from).bind(2, to);
    while (next(db, q))
        out.append({q->int64(0), q->int64(1)});
    return out;
}

void SqliteServerStore::seedBuckets(std::int64_t userId, const QString &deviceId,
                                    const QList<StoredBucket> &buckets,
                                    const QString &priceTableVersion)
{
    std::lock_guard writeLock(m_writeMutex);
    Database &db = writer();
    WriteTransaction tx(db);
    {
        auto q = prepare(db,
                         "INSERT OR IGNORE INTO devices(device_id, user_id, public_key, "
                         "label, seq, last_hash, created) VALUES(?1, ?2, x'', 'seed', 0, ?3, "
                         "?4)");
        q->bind(1, deviceId).bind(2, userId).bind(3, WireCodec::zeroHash()).bind(4, now());
        run(db, q);
    }
    for (const StoredBucket &b : buckets) {
        auto q = prepare(db,
                         "INSERT OR REPLACE INTO buckets(user_id, device_id, hour, agent, "
                         "model, input, cache_write, cache_read, output, reasoning, "
                         "messages, sessions, cost, price_version) VALUES(?1, ?2, ?3, ?4, "
                         "?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)");
        bindBucket(*q, userId, deviceId, b, priceTableVersion);
        run(db, q);
    }
    tx.commit();
    commitChange(db, {StoreChange::Kind::All});
}
