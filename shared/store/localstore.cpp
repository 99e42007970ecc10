#include "localstore.h"

#include "quota/codexratelimits.h"
#include "report/report.h"
#include "sources/sourcefile.h"
#include "store/bulkinsert.h"
#include "store/localschema.h"
#include "store/storedrecord.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QStandardPaths>

#include <sqlite3.h>

#include <cmath>
#include <cstring>
#include <string>

using namespace Qt::StringLiterals;

QString LocalStore::defaultPath()
{
    const QString env = qEnvironmentVariable("TOKENTALLY_DB");
    if (!env.isEmpty())
        return env;
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
        u"/tokentally/usage.db"_s;
}

bool LocalStore::open(const QString &path, QString *error)
{
    m_path = path;
    QDir().mkpath(QFileInfo(path).absolutePath());
    // 16 KiB pages: a cold scan of 1 GB of logs writes a 16 MB store; with
    // 4 KiB pages that was 12,000 page writes (WAL, then checkpoint) and took
    // 13% longer (median of 20 alternating runs). Stores created before keep
    // their 4 KiB pages.
    if (!m_db.open(path, false, error, NewPageSize))
        return false;
    // Every CLI process is the store's last connection when it exits: without
    // this, each one would checkpoint (an fsync of the store) and delete the
    // WAL and shared memory that the next one, a statusline a second later,
    // creates again. Commits are durable in the WAL; writers checkpoint it as
    // it grows.
    sqlite3_db_config(m_db.handle(), SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
    return migrate(error);
}

bool LocalStore::migrate(QString *error)
{
    const int version = m_db.userVersion();
    if (version > SchemaVersion) {
        if (error)
            *error = u"%1 was written by a newer TokenTally (schema %2 > %3)"_s.arg(m_path)
                         .arg(version)
                         .arg(SchemaVersion);
        return false;
    }
    if (version == SchemaVersion)
        return true;
    // All steps in one transaction: a kill mid-way leaves the old version intact.
    Transaction tx(m_db);
    if (!tx.isActive()) {
        if (error)
            *error = u"%1: cannot lock the store to upgrade it"_s.arg(m_path);
        return false;
    }
    // Read again under the write lock: another process (the tray and a
    // statusline starting together on a new store) may have migrated meanwhile.
    const int locked = m_db.userVersion();
    if (locked == SchemaVersion)
        return true;
    for (int step = locked + 1; step <= SchemaVersion; ++step) {
        if (!m_db.exec(LocalSchema::migration(step), error))
            return false;
        if (step == 3 && locked >= 1 && !upgradeToEngineV3(error))
            return false;
        if (step == 4 && version >= 1 && !upgradeToQuotaV4(error))
            return false;
        if (!m_db.exec("PRAGMA user_version = " + std::to_string(step), error))
            return false;
    }
    return tx.commit();
}

bool LocalStore::upgradeToQuotaV4(QString *error)
{
    // Codex rate limits were not read before: the next scan reads every Codex
    // log again once (each replaces its own records, so totals stay).
    return m_db.exec("UPDATE files SET size = -1, dev = -1 WHERE deleted = 0 AND agent = " +
                         std::to_string(int(Agent::Codex)),
                     error);
}

bool LocalStore::upgradeToEngineV3(QString *error)
{
    // Malformed lines counted before reasons existed were all unreadable JSON
    // or timestamps; they are kept as not-json so that totals stay equal.
    if (!m_db.exec("UPDATE files SET skipped = malformed", error))
        return false;
    {
        std::vector<std::pair<std::int64_t, std::int64_t>> files;
        Statement st(m_db, "SELECT id, malformed FROM files WHERE malformed > 0");
        while (st.step())
            files.emplace_back(st.int64(0), st.int64(1));
        Statement put(m_db, "UPDATE files SET malformed_by = ?2 WHERE id = ?1");
        for (const auto &[id, n] : files) {
            MalformedCounts c;
            c[MalformedReason::NotJson] = n;
            const auto blob = c.blob();
            if (!put.bind(1, id).bindBlob(2, blob.data(), int(blob.size())).run())
                return false;
        }
    }
    // OpenCode legacy files hold one record per chunk: give them their key.
    {
        std::vector<std::pair<std::int64_t, std::uint64_t>> keys;
        Statement st(m_db,
                     "SELECT c.id, c.records FROM chunks c JOIN files f ON f.id = c.file_id "
                     "WHERE f.agent = ?1 AND f.kind = ?2");
        st.bind(1, std::int64_t(Agent::OpenCode)).bind(2, std::int64_t(SourceKind::WholeJson));
        while (st.step()) {
            const auto blob = st.blobView(1);
            if (blob.size() != sizeof(StoredRecord))
                continue;
            StoredRecord r;
            std::memcpy(&r, blob.data(), sizeof(r));
            if (r.groupKey)
                keys.emplace_back(st.int64(0), r.groupKey);
        }
        Statement put(m_db, "UPDATE chunks SET gkey = ?2 WHERE id = ?1");
        for (const auto &[id, key] : keys) {
            if (!put.bind(1, id).bind(2, std::int64_t(key)).run())
                return false;
        }
    }
    // Stores before step 3 counted hostile values as numbers and future-dated
    // records as usage, and kept OpenCode databases as one chunk per read: the
    // next scan reads every file that still exists again (each one replaces
    // its earlier records, once), so the totals are what a fresh scan gives.
    // Files that are gone keep their history.
    if (!m_db.exec("UPDATE files SET size = -1, dev = -1 WHERE deleted = 0", error))
        return false;
    return true;
}

std::vector<UsageRow> LocalStore::usageRows(std::int64_t fromHour, std::int64_t toHour,
                                            std::optional<Agent> agent, bool sessionNames)
{
    std::vector<UsageRow> rows;
    forEachUsageRow(fromHour, toHour, agent, sessionNames,
                    [&rows](const UsageRow &r) { rows.push_back(r); });
    return rows;
}

void LocalStore::forEachUsageRow(std::int64_t fromHour, std::int64_t toHour,
                                 std::optional<Agent> agent, bool sessionNames,
                                 const std::function<void(const UsageRow &)> &visit)
{
    // Names come from small maps (shared strings), not from a join per row: a
    // report over a year of hourly rows is mostly this loop.
    QHash<std::int64_t, QString> models, sessions;
    {
        Statement st(m_db, "SELECT id, name FROM models");
        while (st.step())
            models.insert(st.int64(0), st.text(1));
    }
    if (sessionNames) {
        Statement st(m_db, "SELECT id, name FROM sessions");
        while (st.step())
            sessions.insert(st.int64(0), st.text(1));
    }
    Statement st(m_db,
                 "SELECT hour, agent, model_id, session_id, input, cache_write, cache_read, "
                 "output, reasoning, messages, cost, unpriced FROM usage "
                 "WHERE hour >= ?1 AND hour < ?2 AND (?3 < 0 OR agent = ?3) AND messages > 0 "
                 "ORDER BY hour");
    st.bind(1, fromHour).bind(2, toHour).bind(3, agent ? std::int64_t(*agent) : std::int64_t(-1));
    UsageRow r;
    while (st.step()) {
        r.hourStart = st.int64(0);
        r.agent = Agent(st.int64(1));
        if (const std::int64_t model = st.int64(2); model != r.modelId || r.model.isNull()) {
            r.modelId = model;
            r.model = models.value(model);
        }
        r.sessionId = st.int64(3);
        if (sessionNames)
            r.session = sessions.value(r.sessionId);
        r.tokens = {st.int64(4), st.int64(5), st.int64(6), st.int64(7), st.int64(8)};
        r.messages = st.int64(9);
        r.costNanoUsd = st.int64(10);
        r.unpricedMessages = st.int64(11);
        visit(r);
    }
}

AccountingStats LocalStore::accounting()
{
    AccountingStats a;
    {
        Statement st(m_db,
                     "SELECT COUNT(*), SUM(deleted), SUM(read_offset), SUM(lines), "
                     "SUM(malformed), SUM(pending), SUM(records) FROM files");
        if (st.step()) {
            a.files = st.int64(0);
            a.deletedFiles = st.int64(1);
            a.bytesRead = st.int64(2);
            a.linesRead = st.int64(3);
            a.malformedLines = st.int64(4);
            a.pendingBytes = st.int64(5);
            a.records = st.int64(6);
        }
    }
    {
        Statement st(m_db, "SELECT drops, malformed_by FROM files");
        while (st.step()) {
            a.drops += DropCounts::fromBlob(st.blobView(0));
            a.malformed += MalformedCounts::fromBlob(st.blobView(1));
        }
    }
    {
        Statement st(m_db, "SELECT reason, n FROM drops");
        while (st.step()) {
            const auto r = st.int64(0);
            if (r >= 0 && r < DropReasonCount)
                a.drops.byReason[size_t(r)] += st.int64(1);
        }
    }
    {
        Statement st(m_db, "SELECT SUM(messages) FROM usage");
        if (st.step())
            a.messages = st.int64(0);
    }
    {
        Statement st(m_db,
                     "SELECT DISTINCT m.name FROM usage u JOIN models m ON m.id = "
                     "u.model_id WHERE u.unpriced > 0 ORDER BY m.name");
        while (st.step())
            a.unpricedModels << st.text(0);
    }
    a.priceTableVersion = meta(u"priceTableVersion"_s);
    a.lastScanMs = meta(u"lastScanMs"_s).toLongLong();
    return a;
}

SkippedInput LocalStore::skippedInput()
{
    SkippedInput s;
    Statement st(m_db, "SELECT drops, malformed_by FROM files WHERE skipped > 0");
    while (st.step()) {
        s.futureRecords += DropCounts::fromBlob(st.blobView(0))[DropReason::FutureTimestamp];
        s.malformed += MalformedCounts::fromBlob(st.blobView(1));
    }
    return s;
}

std::optional<std::int64_t> LocalStore::sessionId(Agent agent, const QString &name)
{
    Statement st(m_db, "SELECT id FROM sessions WHERE agent = ?1 AND name = ?2");
    st.bind(1, std::int64_t(agent)).bind(2, name);
    return st.step() ? std::optional(st.int64(0)) : std::nullopt;
}

BucketTotals LocalStore::totals(std::int64_t fromHour, std::int64_t toHour,
                                std::optional<Agent> agent, std::optional<std::int64_t> sessionId)
{
    // The session index serves "this session"; the hour key serves the rest.
    Statement st(m_db,
                 sessionId ? "SELECT SUM(input), SUM(cache_write), SUM(cache_read), SUM(output), "
                             "SUM(reasoning), SUM(messages), SUM(cost), SUM(unpriced) FROM usage "
                             "WHERE session_id = ?4 AND hour >= ?1 AND hour < ?2 "
                             "AND (?3 < 0 OR agent = ?3)"
                           : "SELECT SUM(input), SUM(cache_write), SUM(cache_read), SUM(output), "
                             "SUM(reasoning), SUM(messages), SUM(cost), SUM(unpriced) FROM usage "
                             "WHERE hour >= ?1 AND hour < ?2 AND (?3 < 0 OR agent = ?3)");
    st.bind(1, fromHour).bind(2, toHour).bind(3, agent ? std::int64_t(*agent) : std::int64_t(-1));
    if (sessionId)
        st.bind(4, *sessionId);
    BucketTotals t;
    if (st.step()) {
        t.tokens = {st.int64(0), st.int64(1), st.int64(2), st.int64(3), st.int64(4)};
        t.messages = st.int64(5);
        t.costNanoUsd = st.int64(6);
        t.unpricedMessages = st.int64(7);
    }
    return t;
}

std::vector<std::int64_t> LocalStore::activeHours(Agent agent, std::int64_t fromHour,
                                                  std::int64_t toHour)
{
    Statement st(m_db,
                 "SELECT DISTINCT hour FROM usage WHERE hour >= ?1 AND hour < ?2 AND agent = ?3 "
                 "AND messages > 0 ORDER BY hour");
    st.bind(1, fromHour).bind(2, toHour).bind(3, std::int64_t(agent));
    std::vector<std::int64_t> hours;
    while (st.step())
        hours.push_back(st.int64(0));
    return hours;
}

// Step 4's SQL fills the history with the same slot length.
static_assert(CodexRateLimits::HistorySlotMs == 900000);

namespace {

void bindQuota(Statement &st, const QuotaObservation &q)
{
    st.bind(1, std::int64_t(q.agent)).bind(2, q.window).bind(3, q.usedPercent);
    if (q.resetsAt)
        st.bind(4, *q.resetsAt);
    else
        st.bindNull(4);
    st.bind(5, q.observedMs).bind(6, q.source);
}

} // namespace

bool LocalStore::setQuota(const QuotaObservation &q)
{
    return setCurrentQuota(q) && addQuotaHistory(q);
}

bool LocalStore::setCurrentQuota(const QuotaObservation &q)
{
    auto current = m_db.cached(
        "INSERT INTO quota(agent, window_name, used_percent, resets_at, observed_ms, source) "
        "VALUES(?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(agent, window_name) DO "
        "UPDATE SET used_percent = excluded.used_percent, resets_at = excluded.resets_at, "
        "observed_ms = excluded.observed_ms, source = excluded.source "
        "WHERE excluded.observed_ms >= quota.observed_ms");
    bindQuota(*current, q);
    return current->run();
}

namespace {

constexpr std::string_view QuotaHistoryUpsert =
    "ON CONFLICT(agent, window_name, slot) DO "
    "UPDATE SET used_percent = excluded.used_percent, resets_at = excluded.resets_at, "
    "observed_ms = excluded.observed_ms, source = excluded.source "
    "WHERE excluded.observed_ms >= quota_history.observed_ms";

} // namespace

bool LocalStore::addQuotaHistory(const QuotaObservation &q)
{
    auto history =
        m_db.cached("INSERT INTO quota_history(agent, window_name, slot, used_percent, "
                    "resets_at, observed_ms, source) VALUES(?1, ?2, ?7, ?3, ?4, ?5, ?6) " +
                    std::string(QuotaHistoryUpsert));
    bindQuota(*history, q);
    history->bind(7, q.observedMs / CodexRateLimits::HistorySlotMs);
    return history->run();
}

bool LocalStore::addQuotaHistory(const std::vector<QuotaObservation> &quotas)
{
    BulkInsert history(m_db,
                       "INSERT INTO quota_history(agent, window_name, slot, used_percent, "
                       "resets_at, observed_ms, source)",
                       7, std::string(QuotaHistoryUpsert));
    for (const QuotaObservation &q : quotas) {
        history.value(std::int64_t(q.agent)).text(q.window.toStdString());
        history.value(q.observedMs / CodexRateLimits::HistorySlotMs).value(q.usedPercent);
        if (q.resetsAt)
            history.value(*q.resetsAt);
        else
            history.null();
        history.value(q.observedMs).text(q.source.toStdString());
        if (!history.endRow())
            return false;
    }
    return history.flush();
}

namespace {

std::vector<QuotaObservation> readQuotas(Statement &st)
{
    std::vector<QuotaObservation> out;
    while (st.step()) {
        QuotaObservation q;
        q.agent = Agent(st.int64(0));
        q.window = st.text(1);
        q.usedPercent = st.real(2);
        if (!st.isNull(3))
            q.resetsAt = st.int64(3);
        q.observedMs = st.int64(4);
        q.source = st.text(5);
        out.push_back(std::move(q));
    }
    return out;
}

} // namespace

std::vector<QuotaObservation> LocalStore::quotas()
{
    Statement st(m_db,
                 "SELECT agent, window_name, used_percent, resets_at, observed_ms, source "
                 "FROM quota ORDER BY agent, window_name");
    return readQuotas(st);
}

std::vector<QuotaObservation> LocalStore::quotaHistory(std::int64_t fromMs)
{
    Statement st(m_db,
                 "SELECT agent, window_name, used_percent, resets_at, observed_ms, source "
                 "FROM quota_history WHERE observed_ms >= ?1 "
                 "ORDER BY agent, window_name, observed_ms");
    st.bind(1, fromMs);
    return readQuotas(st);
}

bool LocalStore::addQuotaSkipped(std::int64_t fileId, std::int64_t n, bool reread)
{
    if (n == 0 && !reread)
        return true;
    auto st = m_db.cached(reread ? "INSERT INTO quota_skipped(file_id, n) VALUES(?1, ?2) "
                                   "ON CONFLICT(file_id) DO UPDATE SET n = excluded.n"
                                 : "INSERT INTO quota_skipped(file_id, n) VALUES(?1, ?2) "
                                   "ON CONFLICT(file_id) DO UPDATE SET n = n + excluded.n");
    st->bind(1, fileId).bind(2, n);
    return st->run();
}

std::int64_t LocalStore::quotaSkipped()
{
    Statement st(m_db, "SELECT COALESCE(SUM(n), 0) FROM quota_skipped");
    return st.step() ? st.int64(0) : 0;
}

QString LocalStore::meta(const QString &key)
{
    Statement st(m_db, "SELECT value FROM meta WHERE key = ?1");
    st.bind(1, key);
    return st.step() ? st.text(0) : QString();
}

void LocalStore::setMeta(const QString &key, const QString &value)
{
    Statement st(m_db,
                 "INSERT INTO meta(key, value) VALUES(?1, ?2) "
                 "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    st.bind(1, key).bind(2, value);
    st.run();
}
