#pragma once

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <unordered_map>

struct sqlite3;
struct sqlite3_stmt;

//! \brief A thrown SQLite failure (the routes map it to 500).
class SqliteError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

class SqliteStatement;

//! \brief One SQLite connection with a cache of prepared statements.
class SqliteConnection
{
public:
    explicit SqliteConnection(const QString &path);
    ~SqliteConnection();
    SqliteConnection(const SqliteConnection &) = delete;
    SqliteConnection &operator=(const SqliteConnection &) = delete;

    bool isOpen() const { return m_db != nullptr; }
    QString errorString() const { return m_error; }
    sqlite3 *handle() const { return m_db; }

    void exec(const char *sql);
    //! A prepared statement, reset and with bindings cleared; owned by the cache.
    SqliteStatement prepare(const std::string &sql);
    std::int64_t lastInsertId() const;
    int changes() const;

private:
    sqlite3 *m_db = nullptr;
    QString m_error;
    std::unordered_map<std::string, sqlite3_stmt *> m_statements;
};

//! \brief A borrowed prepared statement; resets it when done.
class SqliteStatement
{
public:
    SqliteStatement(sqlite3 *db, sqlite3_stmt *stmt)
        : m_db(db)
        , m_stmt(stmt)
    {
    }
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    SqliteStatement &bind(int index, std::int64_t value);
    SqliteStatement &bind(int index, int value) { return bind(index, std::int64_t(value)); }
    SqliteStatement &bind(int index, double value);
    SqliteStatement &bind(int index, const QString &value);
    SqliteStatement &bind(int index, const QByteArray &blob);
    SqliteStatement &bindNull(int index);
    SqliteStatement &bind(int index, const std::optional<double> &value)
    {
        return value ? bind(index, *value) : bindNull(index);
    }

    //! True while a row is available.
    bool step();
    //! Steps to completion (statements without rows).
    void run();

    std::int64_t integer(int column) const;
    double real(int column) const;
    bool isNull(int column) const;
    QString text(int column) const;
    QByteArray blob(int column) const;

private:
    sqlite3 *m_db;
    sqlite3_stmt *m_stmt;
};

//! \brief BEGIN IMMEDIATE ... COMMIT, rolled back unless committed.
class SqliteTransaction
{
public:
    explicit SqliteTransaction(SqliteConnection &db);
    ~SqliteTransaction();
    void commit();

private:
    SqliteConnection &m_db;
    bool m_done = false;
};
