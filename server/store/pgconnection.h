#pragma once

#include "serverstore.h"

#include <QByteArray>
#include <QString>

#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

struct pg_conn;
struct pg_result;

//! \brief A failed PostgreSQL call, with its SQLSTATE ("23505": unique violation).
class PgError : public StoreError
{
public:
    PgError(const std::string &what, bool unavailable, QByteArray sqlState)
        : StoreError(what, unavailable)
        , m_sqlState(std::move(sqlState))
    {
    }
    const QByteArray &sqlState() const { return m_sqlState; }

private:
    QByteArray m_sqlState;
};

//! \brief One query result (RAII over PGresult); values in text format.
class PgResult
{
public:
    explicit PgResult(pg_result *result = nullptr);
    ~PgResult();
    PgResult(PgResult &&other) noexcept;
    PgResult &operator=(PgResult &&other) noexcept;
    PgResult(const PgResult &) = delete;
    PgResult &operator=(const PgResult &) = delete;

    int rows() const;
    bool isNull(int row, int column) const;
    QString text(int row, int column) const;
    std::int64_t int64(int row, int column) const;
    double real(int row, int column) const;
    bool boolean(int row, int column) const;
    //! A bytea column (PostgreSQL's hex output).
    QByteArray bytes(int row, int column) const;

private:
    pg_result *m_result;
};

//! A text-format parameter; nothing is SQL NULL.
using PgParam = std::optional<std::string>;

//! One statement of a pipeline.
struct PgStatement
{
    std::string sql;
    std::vector<PgParam> params;
};

//! \brief One libpq connection with its prepared statements. Parameterised
//! SQL only: values travel apart from the statement text.
class PgConnection
{
public:
    //! Connects to \a dsn (any libpq URI or key=value string); throws PgError.
    explicit PgConnection(const std::string &dsn);
    ~PgConnection();
    PgConnection(const PgConnection &) = delete;
    PgConnection &operator=(const PgConnection &) = delete;

    bool isHealthy() const;
    pg_conn *handle() const { return m_conn; }

    //! Runs one or more statements without parameters.
    void exec(const std::string &sql);
    //! Prepares \a sql once per connection, then runs it with \a params.
    PgResult query(const std::string &sql, const std::vector<PgParam> &params = {});
    //! Sends \a statements in one round trip (libpq's pipeline mode), each in
    //! its own implicit transaction: a later one runs even when an earlier one
    //! failed. Returns their results in order; throws PgError for the first
    //! that failed once all have been read.
    std::vector<PgResult> pipeline(const std::vector<PgStatement> &statements);

private:
    [[noreturn]] void fail(const char *what, pg_result *result);
    //! The name of \a sql's prepared statement, preparing it if needed.
    std::string prepare(const std::string &sql, int paramCount);
    pg_conn *m_conn = nullptr;
    std::unordered_map<std::string, std::string> m_prepared; // sql -> statement name
};

//! \brief A few connections per process, opened on demand, handed out one per
//! request; broken ones are dropped, so the next request reconnects.
class PgPool
{
public:
    PgPool(std::string dsn, int size);

    class Lease
    {
    public:
        Lease(PgPool *pool, std::unique_ptr<PgConnection> connection);
        ~Lease();
        Lease(Lease &&) noexcept = default;
        Lease(const Lease &) = delete;
        PgConnection *operator->() const { return m_connection.get(); }
        PgConnection &operator*() const { return *m_connection; }

    private:
        PgPool *m_pool;
        std::unique_ptr<PgConnection> m_connection;
    };
    //! Waits for a free connection (opening one if below the size); throws
    //! PgError (unavailable) when the database cannot be reached.
    Lease acquire();
    const std::string &dsn() const { return m_dsn; }

private:
    void release(std::unique_ptr<PgConnection> connection);

    std::string m_dsn;
    int m_size;
    int m_open = 0;
    std::mutex m_mutex;
    std::condition_variable m_available;
    std::vector<std::unique_ptr<PgConnection>> m_idle;
};

namespace PgText {
//! PostgreSQL array literals of text-format values (quoted, escaped).
std::string textArray(const std::vector<QString> &values);
std::string int64Array(const std::vector<std::int64_t> &values);
std::string doubleArray(const std::vector<std::optional<double>> &values);
std::string number(std::int64_t value);
std::string text(const QString &value);
//! A bytea parameter in hex form.
std::string bytes(const QByteArray &value);
} // namespace PgText
