#pragma once

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

struct sqlite3;
struct sqlite3_stmt;

class Statement;
class CachedStatement;

//! \brief One SQLite connection (RAII). One per thread; never shared.
class Database
{
public:
    Database();
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    //! \brief Opens (creating if needed) \a path with WAL and a busy timeout.
    //! With \a readOnly the file must exist and is opened without writing
    //! (safe while another process writes it). A database created here gets
    //! pages of \a newPageSize bytes when it is set (SQLite's default: 4096).
    bool open(const QString &path, bool readOnly, QString *error, int newPageSize = 0);
    //! \brief Opens another program's database read-only as immutable: no
    //! locks and no -wal/-shm files. Only for a file nobody writes meanwhile
    //! (a WAL-mode database without a -wal file; the caller checks afterwards).
    bool openImmutable(const QString &path, QString *error);
    void close();
    bool isOpen() const { return m_db != nullptr; }
    //! \brief How long a statement waits for another connection's write lock
    //! (5 s after open()); a statusline waits less and shows what is stored.
    void setBusyTimeout(int ms);

    //! \brief Runs one or more statements without results.
    bool exec(std::string_view sql, QString *error = nullptr);
    QString lastError() const;
    std::int64_t lastInsertRowId() const;
    int userVersion();
    //! \brief Sets the page cache's size (PRAGMA cache_size: pages when
    //! positive, KiB when negative) and returns the one it replaces.
    std::int64_t setCacheSize(std::int64_t size);
    //! \brief Rows changed by the last INSERT, UPDATE or DELETE.
    int changes() const;
    sqlite3 *handle() const { return m_db; }

    //! \brief A statement prepared once per connection and kept (at most 256;
    //! statements built per request are dropped when the cache fills). It comes
    //! reset with no bindings and is reset again when the handle goes away, so
    //! an early return never leaves a read transaction open.
    CachedStatement cached(std::string_view sql);

private:
    sqlite3 *m_db = nullptr;
    std::unordered_map<std::string, std::unique_ptr<Statement>> m_cache;
};

//! \brief A prepared statement, prepared once and reused with reset().
class Statement
{
public:
    Statement() = default;
    Statement(Database &db, std::string_view sql);
    ~Statement();
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;
    Statement(Statement &&other) noexcept;
    Statement &operator=(Statement &&other) noexcept;

    bool isValid() const { return m_stmt != nullptr; }
    //! \brief True when the last step() or run() failed (rather than ran out of rows).
    bool failed() const { return m_failed; }
    Statement &bind(int index, std::int64_t value);
    Statement &bind(int index, int value) { return bind(index, std::int64_t(value)); }
    Statement &bind(int index, double value);
    Statement &bind(int index, std::string_view text);
    Statement &bind(int index, const QString &text);
    Statement &bindBlob(int index, const void *data, int size);
    Statement &bindNull(int index);
    //! \brief Steps once; true while a row is available.
    bool step();
    //! \brief Steps to completion, for statements without results; false on error.
    bool run();
    void reset();

    std::int64_t int64(int column) const;
    double real(int column) const;
    bool isNull(int column) const;
    QString text(int column) const;
    QByteArray blob(int column) const;
    std::string_view blobView(int column) const;

private:
    sqlite3_stmt *m_stmt = nullptr;
    sqlite3 *m_db = nullptr;
    bool m_failed = false;
};

//! \brief A borrowed statement of Database::cached(); resets it when destroyed.
class CachedStatement
{
public:
    explicit CachedStatement(Statement *statement)
        : m_statement(statement)
    {
    }
    ~CachedStatement()
    {
        if (m_statement)
            m_statement->reset();
    }
    CachedStatement(const CachedStatement &) = delete;
    CachedStatement &operator=(const CachedStatement &) = delete;
    CachedStatement(CachedStatement &&other) noexcept
        : m_statement(std::exchange(other.m_statement, nullptr))
    {
    }
    Statement *operator->() const { return m_statement; }
    Statement &operator*() const { return *m_statement; }

private:
    Statement *m_statement;
};

//! \brief BEGIN IMMEDIATE ... COMMIT; rolls back in the destructor unless committed.
class Transaction
{
public:
    explicit Transaction(Database &db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;
    bool isActive() const { return m_active; }
    bool commit();

private:
    Database &m_db;
    bool m_active = false;
};
