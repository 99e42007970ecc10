#pragma once

#include "serverstore.h"
#include "store/database.h"

#include <optional>
#include <string>
#include <string_view>

//! \brief The SQLite store's use of the shared wrapper (shared/store/database):
//! the wrapper reports failures by value, the store throws them as
//! StoreError so a route answers 500 instead of going on with half a result.
namespace SqliteStatements {

[[noreturn]] inline void fail(Database &db, const char *what)
{
    throw StoreError(std::string(what) + ": " + db.lastError().toStdString());
}

inline CachedStatement prepare(Database &db, std::string_view sql)
{
    CachedStatement q = db.cached(sql);
    if (!q->isValid())
        fail(db, "prepare");
    return q;
}

inline bool next(Database &db, CachedStatement &q)
{
    if (q->step())
        return true;
    if (q->failed())
        fail(db, "step");
    return false;
}

inline void run(Database &db, CachedStatement &q)
{
    if (!q->run())
        fail(db, "write");
}

inline void exec(Database &db, std::string_view sql)
{
    QString error;
    if (!db.exec(sql, &error))
        throw StoreError(std::string(sql.substr(0, 60)) + ": " + error.toStdString());
}

class WriteTransaction
{
public:
    explicit WriteTransaction(Database &db)
        : m_db(db)
        , m_tx(db)
    {
        if (!m_tx.isActive())
            fail(db, "begin");
    }
    void commit()
    {
        if (!m_tx.commit())
            fail(m_db, "commit");
    }

private:
    Database &m_db;
    Transaction m_tx;
};

inline void bindCost(Statement &q, int index, const std::optional<double> &cost)
{
    if (cost)
        q.bind(index, *cost);
    else
        q.bindNull(index);
}

inline void bindBucket(Statement &q, std::int64_t userId, const QString &deviceId,
                       const StoredBucket &b, const QString &priceTableVersion)
{
    q.bind(1, userId)
        .bind(2, deviceId)
        .bind(3, b.hour)
        .bind(4, b.agent)
        .bind(5, b.model)
        .bind(6, b.tokens.input)
        .bind(7, b.tokens.cacheWrite)
        .bind(8, b.tokens.cacheRead)
        .bind(9, b.tokens.output)
        .bind(10, b.tokens.reasoning)
        .bind(11, b.messages)
        .bind(12, b.sessions);
    bindCost(q, 13, b.cost);
    q.bind(14, priceTableVersion);
}

} // namespace SqliteStatements

//! \brief The SQLite schema, migrated by PRAGMA user_version.
namespace SqliteSchema {
void migrate(Database &db);
} // namespace SqliteSchema
