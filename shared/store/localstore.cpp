#include "localstore.h"

#include "store/localschema.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

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
    if (!m_db.open(path, false, error))
        return false;
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
    for (int step = version + 1; step <= SchemaVersion; ++step) {
        if (!m_db.exec(LocalSchema::migration(step), error))
            return false;
        if (!m_db.exec("PRAGMA user_version = " + std::to_string(step), error))
            return false;
    }
    return tx.commit();
}

std::vector<UsageRow> LocalStore::usageRows(std::int64_t fromHour, std::int64_t toHour,
                                            std::optional<Agent> agent)
{
    std::vector<UsageRow> rows;
    Statement st(m_db,
                 "SELECT u.hour, u.agent, m.name, s.name, u.input, u.cache_write, "
                 "u.cache_read, u.output, u.reasoning, u.messages, u.cost, u.unpriced, u.model_id, "
                 "u.session_id "
                 "FROM usage u JOIN models m ON m.id = u.model_id "
                 "JOIN sessions s ON s.id = u.session_id "
                 "WHERE u.hour >= ?1 AND u.hour < ?2 AND (?3 < 0 OR u.agent = ?3) "
                 "AND u.messages > 0 ORDER BY u.hour");
    st.bind(1, fromHour).bind(2, toHour).bind(3, agent ? std::int64_t(*agent) : std::int64_t(-1));
    while (st.step()) {
        UsageRow r;
        r.hourStart = st.int64(0);
        r.agent = Agent(st.int64(1));
        r.model = st.text(2);
        r.session = st.text(3);
        r.tokens = {st.int64(4), st.int64(5), st.int64(6), st.int64(7), st.int64(8)};
        r.messages = st.int64(9);
        r.costNanoUsd = st.int64(10);
        r.unpricedMessages = st.int64(11);
        r.modelId = st.int64(12);
        r.sessionId = st.int64(13);
        rows.push_back(std::move(r));
    }
    return rows;
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
        Statement st(m_db, "SELECT drops FROM files WHERE drops IS NOT NULL");
        while (st.step()) {
            const auto blob = st.blobView(0);
            if (blob.size() == sizeof(a.drops.byReason)) {
                DropCounts d;
                std::memcpy(d.byReason.data(), blob.data(), blob.size());
                a.drops += d;
            }
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
