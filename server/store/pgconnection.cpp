#include "pgconnection.h"

#include <libpq-fe.h>

#include <cstdlib>
#include <cstring>

namespace {

// SQLSTATE classes that mean "the server is not there" rather than "the query
// was wrong": connection exceptions, shutdowns, too many connections.
bool isUnavailableState(const char *state)
{
    if (!state)
        return false;
    return std::strncmp(state, "08", 2) == 0 || std::strncmp(state, "57P", 3) == 0 ||
        std::strcmp(state, "53300") == 0;
}

} // namespace

PgResult::PgResult(pg_result *result)
    : m_result(result)
{
}

PgResult::~PgResult()
{
    PQclear(m_result);
}

PgResult::PgResult(PgResult &&other) noexcept
    : m_result(std::exchange(other.m_result, nullptr))
{
}

PgResult &PgResult::operator=(PgResult &&other) noexcept
{
    if (this != &other) {
        PQclear(m_result);
        m_result = std::exchange(other.m_result, nullptr);
    }
    return *this;
}

int PgResult::rows() const
{
    return m_result ? PQntuples(m_result) : 0;
}

bool PgResult::isNull(int row, int column) const
{
    return PQgetisnull(m_result, row, column) != 0;
}

QString PgResult::text(int row, int column) const
{
    return QString::fromUtf8(PQgetvalue(m_result, row, column), PQgetlength(m_result, row, column));
}

std::int64_t PgResult::int64(int row, int column) const
{
    return std::strtoll(PQgetvalue(m_result, row, column), nullptr, 10);
}

double PgResult::real(int row, int column) const
{
    return std::strtod(PQgetvalue(m_result, row, column), nullptr);
}

bool PgResult::boolean(int row, int column) const
{
    return PQgetvalue(m_result, row, column)[0] == 't';
}

QByteArray PgResult::bytes(int row, int column) const
{
    const QByteArray hex(PQgetvalue(m_result, row, column), PQgetlength(m_result, row, column));
    return hex.startsWith("\\x") ? QByteArray::fromHex(hex.mid(2)) : QByteArray();
}

PgConnection::PgConnection(const std::string &dsn)
{
    // A reachable host that does not answer must not hang a request: 5 s,
    // unless the DSN says otherwise (its values come later and win).
    const char *keys[] = {"connect_timeout", "application_name", "dbname", nullptr};
    const char *values[] = {"5", "tokentally-server", dsn.c_str(), nullptr};
    m_conn = PQconnectdbParams(keys, values, 1);
    if (PQstatus(m_conn) != CONNECTION_OK) {
        std::string message = PQerrorMessage(m_conn);
        while (!message.empty() && (message.back() == '\n' || message.back() == ' '))
            message.pop_back();
        PQfinish(m_conn);
        m_conn = nullptr;
        throw PgError("cannot connect to PostgreSQL: " + message, true, "08001");
    }
    // NOTICEs ("relation already exists, skipping") are not for the log.
    PQsetNoticeProcessor(
        m_conn, [](void *, const char *) {}, nullptr);
    // Board aggregations sort a few hundred thousand rows: in memory, and
    // without JIT compilation, which cost more than it saved on every one
    // measured (40 ms of 760).
    exec("SET jit = off; SET work_mem = '64MB'");
}

PgConnection::~PgConnection()
{
    PQfinish(m_conn);
}

bool PgConnection::isHealthy() const
{
    return m_conn && PQstatus(m_conn) == CONNECTION_OK &&
        PQtransactionStatus(m_conn) == PQTRANS_IDLE && PQpipelineStatus(m_conn) == PQ_PIPELINE_OFF;
}

void PgConnection::fail(const char *what, pg_result *result)
{
    const char *state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    std::string message = result ? PQresultErrorMessage(result) : PQerrorMessage(m_conn);
    if (message.empty())
        message = PQerrorMessage(m_conn);
    while (!message.empty() && (message.back() == '\n' || message.back() == ' '))
        message.pop_back();
    const QByteArray sqlState = state ? QByteArray(state) : QByteArray();
    const bool unavailable = PQstatus(m_conn) != CONNECTION_OK || isUnavailableState(state);
    PQclear(result);
    throw PgError(std::string(what) + ": " + message, unavailable, sqlState);
}

void PgConnection::exec(const std::string &sql)
{
    pg_result *r = PQexec(m_conn, sql.c_str());
    const ExecStatusType status = PQresultStatus(r);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
        fail("query", r);
    PQclear(r);
}

std::string PgConnection::prepare(const std::string &sql, int paramCount)
{
    auto it = m_prepared.find(sql);
    if (it != m_prepared.end())
        return it->second;
    // Statements built per time zone and window are many: keep a bound.
    if (m_prepared.size() >= 200) {
        exec("DEALLOCATE ALL");
        m_prepared.clear();
    }
    const std::string name = "s" + std::to_string(m_prepared.size());
    pg_result *r = PQprepare(m_conn, name.c_str(), sql.c_str(), paramCount, nullptr);
    if (PQresultStatus(r) != PGRES_COMMAND_OK)
        fail("prepare", r);
    PQclear(r);
    return m_prepared.emplace(sql, name).first->second;
}

namespace {

std::vector<const char *> parameterValues(const std::vector<PgParam> &params)
{
    std::vector<const char *> values;
    values.reserve(params.size());
    for (const PgParam &p : params)
        values.push_back(p ? p->c_str() : nullptr);
    return values;
}

bool succeeded(pg_result *r)
{
    const ExecStatusType status = PQresultStatus(r);
    return status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
}

} // namespace

PgResult PgConnection::query(const std::string &sql, const std::vector<PgParam> &params)
{
    const std::string name = prepare(sql, int(params.size()));
    const std::vector<const char *> values = parameterValues(params);
    pg_result *r = PQexecPrepared(m_conn, name.c_str(), int(values.size()), values.data(), nullptr,
                                  nullptr, 0);
    if (!succeeded(r))
        fail("query", r);
    return PgResult(r);
}

std::vector<PgResult> PgConnection::pipeline(const std::vector<PgStatement> &statements)
{
    // Prepared first, in the ordinary mode; a DEALLOCATE ALL in between would
    // drop names already taken, so make room for all of them at once.
    size_t missing = 0;
    for (const PgStatement &s : statements)
        missing += m_prepared.count(s.sql) ? 0 : 1;
    if (missing && m_prepared.size() + missing > 200) {
        exec("DEALLOCATE ALL");
        m_prepared.clear();
    }
    std::vector<std::string> names;
    for (const PgStatement &s : statements)
        names.push_back(prepare(s.sql, int(s.params.size())));

    // Anything that leaves the connection in pipeline mode makes it unhealthy
    // (isHealthy), so the pool drops it.
    if (!PQenterPipelineMode(m_conn))
        fail("pipeline", nullptr);
    for (size_t i = 0; i < statements.size(); ++i) {
        const std::vector<const char *> values = parameterValues(statements[i].params);
        if (!PQsendQueryPrepared(m_conn, names[i].c_str(), int(values.size()), values.data(),
                                 nullptr, nullptr, 0) ||
            !PQpipelineSync(m_conn))
            fail("query", nullptr);
    }
    std::vector<PgResult> results;
    pg_result *firstError = nullptr;
    for (size_t i = 0; i < statements.size(); ++i) {
        // Each statement answers with its result, a null, then its sync.
        pg_result *r = PQgetResult(m_conn);
        if (!r || PQstatus(m_conn) != CONNECTION_OK) {
            PQclear(firstError);
            fail("query", r);
        }
        if (succeeded(r)) {
            results.emplace_back(r);
        } else {
            results.emplace_back(nullptr);
            if (firstError)
                PQclear(r);
            else
                firstError = r;
        }
        while ((r = PQgetResult(m_conn)) != nullptr)
            PQclear(r);
        r = PQgetResult(m_conn);
        const bool synced = r && PQresultStatus(r) == PGRES_PIPELINE_SYNC;
        PQclear(r);
        if (!synced) {
            PQclear(firstError);
            fail("pipeline", nullptr);
        }
    }
    if (!PQexitPipelineMode(m_conn)) {
        PQclear(firstError);
        fail("pipeline", nullptr);
    }
    if (firstError)
        fail("query", firstError);
    return results;
}

PgPool::PgPool(std::string dsn, int size)
    : m_dsn(std::move(dsn))
    , m_size(std::max(1, size))
{
}

PgPool::Lease::Lease(PgPool *pool, std::unique_ptr<PgConnection> connection)
    : m_pool(pool)
    , m_connection(std::move(connection))
{
}

PgPool::Lease::~Lease()
{
    if (m_pool && m_connection)
        m_pool->release(std::move(m_connection));
}

PgPool::Lease PgPool::acquire()
{
    std::unique_lock lock(m_mutex);
    m_available.wait(lock, [this] { return !m_idle.empty() || m_open < m_size; });
    if (!m_idle.empty()) {
        auto connection = std::move(m_idle.back());
        m_idle.pop_back();
        return Lease(this, std::move(connection));
    }
    ++m_open;
    lock.unlock();
    try {
        return Lease(this, std::make_unique<PgConnection>(m_dsn));
    } catch (...) {
        lock.lock();
        --m_open;
        m_available.notify_one();
        throw;
    }
}

void PgPool::release(std::unique_ptr<PgConnection> connection)
{
    std::lock_guard lock(m_mutex);
    if (connection->isHealthy()) {
        m_idle.push_back(std::move(connection));
    } else {
        // A broken connection (the server went away, or a transaction was
        // left open by an error) is dropped; the next request opens a new one.
        connection.reset();
        --m_open;
    }
    m_available.notify_one();
}

namespace PgText {

std::string text(const QString &value)
{
    return value.toStdString();
}

std::string number(std::int64_t value)
{
    return std::to_string(value);
}

std::string bytes(const QByteArray &value)
{
    return "\\x" + value.toHex().toStdString();
}

std::string textArray(const std::vector<QString> &values)
{
    std::string out = "{";
    for (size_t i = 0; i < values.size(); ++i) {
        if (i)
            out += ',';
        out += '"';
        for (char c : values[i].toStdString()) {
            if (c == '"' || c == '\\')
                out += '\\';
            out += c;
        }
        out += '"';
    }
    return out + '}';
}

std::string int64Array(const std::vector<std::int64_t> &values)
{
    std::string out = "{";
    for (size_t i = 0; i < values.size(); ++i) {
        if (i)
            out += ',';
        out += std::to_string(values[i]);
    }
    return out + '}';
}

std::string doubleArray(const std::vector<std::optional<double>> &values)
{
    std::string out = "{";
    for (size_t i = 0; i < values.size(); ++i) {
        if (i)
            out += ',';
        // Shortest exact text: the stored double equals the one priced here.
        out += values[i] ? QByteArray::number(*values[i], 'g', 17).toStdString() : "NULL";
    }
    return out + '}';
}

} // namespace PgText
