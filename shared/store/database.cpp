#include "database.h"

#include <QLoggingCategory>
#include <QThread>
#include <QUrl>

#include <sqlite3.h>

#include <utility>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcStore, "tokentally.store", QtInfoMsg)

Database::Database() = default;

Database::~Database()
{
    close();
}

bool Database::open(const QString &path, bool readOnly, QString *error, int newPageSize)
{
    close();
    const QByteArray p = path.toUtf8();
    const int flags =
        readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    if (sqlite3_open_v2(p.constData(), &m_db, flags | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
        if (error)
            *error = u"cannot open %1: %2"_s.arg(path, lastError());
        close();
        return false;
    }
    sqlite3_busy_timeout(m_db, 5000);
    if (!readOnly) {
        // WAL keeps readers (the tray, a report) unblocked while a scan writes;
        // synchronous=NORMAL in WAL mode is still atomic and crash-safe, it only
        // risks the last commit on power loss, which the next scan redoes.
        // Turning a new file to WAL needs it exclusively, and SQLite answers BUSY
        // at once (no busy handler) while another connection is doing the same:
        // the tray and a statusline opening a new store together. Retry a while.
        // page_size only takes effect before the first table exists.
        const std::string setup =
            (newPageSize > 0 ? "PRAGMA page_size=" + std::to_string(newPageSize) + "; "
                             : std::string()) +
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;";
        bool ok = false;
        for (int attempt = 0; attempt < 500 && !ok; ++attempt) {
            ok = exec(setup, error);
            if (!ok && (sqlite3_errcode(m_db) & 0xff) != SQLITE_BUSY)
                break;
            if (!ok)
                QThread::msleep(10);
        }
        if (!ok) {
            close();
            return false;
        }
    }
    return true;
}

bool Database::openImmutable(const QString &path, QString *error)
{
    close();
    const QByteArray uri =
        QUrl::fromLocalFile(path).toString(QUrl::FullyEncoded).toUtf8() + "?immutable=1";
    if (sqlite3_open_v2(uri.constData(), &m_db,
                        SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX,
                        nullptr) != SQLITE_OK) {
        if (error)
            *error = u"cannot open %1: %2"_s.arg(path, lastError());
        close();
        return false;
    }
    return true;
}

void Database::setBusyTimeout(int ms)
{
    if (m_db)
        sqlite3_busy_timeout(m_db, ms);
}

void Database::close()
{
    m_cache.clear();
    if (m_db) {
        sqlite3_close_v2(m_db);
        m_db = nullptr;
    }
}

bool Database::exec(std::string_view sql, QString *error)
{
    char *msg = nullptr;
    const std::string s(sql);
    if (sqlite3_exec(m_db, s.c_str(), nullptr, nullptr, &msg) != SQLITE_OK) {
        const QString e = QString::fromUtf8(msg ? msg : "unknown error");
        sqlite3_free(msg);
        if (error)
            *error = e;
        qCWarning(lcStore) << "exec failed:" << e;
        return false;
    }
    return true;
}

QString Database::lastError() const
{
    return m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : u"not open"_s;
}

std::int64_t Database::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

int Database::changes() const
{
    return m_db ? sqlite3_changes(m_db) : 0;
}

CachedStatement Database::cached(std::string_view sql)
{
    const std::string key(sql);
    auto it = m_cache.find(key);
    if (it == m_cache.end()) {
        if (m_cache.size() >= 256)
            m_cache.clear();
        it = m_cache.emplace(key, std::make_unique<Statement>(*this, sql)).first;
    }
    it->second->reset();
    return CachedStatement(it->second.get());
}

int Database::userVersion()
{
    Statement st(*this, "PRAGMA user_version");
    return st.step() ? int(st.int64(0)) : -1;
}

std::int64_t Database::setCacheSize(std::int64_t size)
{
    std::int64_t before = 0;
    {
        Statement st(*this, "PRAGMA cache_size");
        before = st.step() ? st.int64(0) : 0;
    }
    exec("PRAGMA cache_size = " + std::to_string(size));
    return before;
}

Statement::Statement(Database &db, std::string_view sql)
    : m_db(db.handle())
{
    if (sqlite3_prepare_v3(m_db, sql.data(), int(sql.size()), SQLITE_PREPARE_PERSISTENT, &m_stmt,
                           nullptr) != SQLITE_OK) {
        qCWarning(lcStore) << "prepare failed:" << sqlite3_errmsg(m_db)
                           << QString::fromUtf8(sql.data(), qsizetype(sql.size()));
        m_stmt = nullptr;
    }
}

Statement::~Statement()
{
    sqlite3_finalize(m_stmt);
}

Statement::Statement(Statement &&other) noexcept
    : m_stmt(std::exchange(other.m_stmt, nullptr))
    , m_db(other.m_db)
    , m_failed(other.m_failed)
{
}

Statement &Statement::operator=(Statement &&other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(m_stmt);
        m_stmt = std::exchange(other.m_stmt, nullptr);
        m_db = other.m_db;
    }
    return *this;
}

Statement &Statement::bind(int index, std::int64_t value)
{
    sqlite3_bind_int64(m_stmt, index, value);
    return *this;
}

Statement &Statement::bind(int index, double value)
{
    sqlite3_bind_double(m_stmt, index, value);
    return *this;
}

Statement &Statement::bind(int index, std::string_view text)
{
    sqlite3_bind_text(m_stmt, index, text.data(), int(text.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement &Statement::bind(int index, const QString &text)
{
    const QByteArray u = text.toUtf8();
    sqlite3_bind_text(m_stmt, index, u.constData(), int(u.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement &Statement::bindBlob(int index, const void *data, int size)
{
    sqlite3_bind_blob(m_stmt, index, data, size, SQLITE_TRANSIENT);
    return *this;
}

Statement &Statement::bindNull(int index)
{
    sqlite3_bind_null(m_stmt, index);
    return *this;
}

bool Statement::step()
{
    m_failed = !m_stmt;
    if (!m_stmt)
        return false;
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc != SQLITE_DONE) {
        m_failed = true;
        qCWarning(lcStore) << "step failed:" << sqlite3_errmsg(m_db);
    }
    return false;
}

bool Statement::run()
{
    m_failed = !m_stmt;
    if (!m_stmt)
        return false;
    int rc;
    while ((rc = sqlite3_step(m_stmt)) == SQLITE_ROW) { }
    const bool ok = rc == SQLITE_DONE;
    m_failed = !ok;
    if (!ok)
        qCWarning(lcStore) << "run failed:" << sqlite3_errmsg(m_db);
    sqlite3_reset(m_stmt);
    return ok;
}

void Statement::reset()
{
    m_failed = false;
    if (m_stmt) {
        sqlite3_reset(m_stmt);
        sqlite3_clear_bindings(m_stmt);
    }
}

std::int64_t Statement::int64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

double Statement::real(int column) const
{
    return sqlite3_column_double(m_stmt, column);
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

QString Statement::text(int column) const
{
    const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return QString::fromUtf8(p, sqlite3_column_bytes(m_stmt, column));
}

QByteArray Statement::blob(int column) const
{
    const auto v = blobView(column);
    return QByteArray(v.data(), qsizetype(v.size()));
}

std::string_view Statement::blobView(int column) const
{
    const auto *p = static_cast<const char *>(sqlite3_column_blob(m_stmt, column));
    const int n = sqlite3_column_bytes(m_stmt, column);
    return p ? std::string_view(p, size_t(n)) : std::string_view();
}

Transaction::Transaction(Database &db)
    : m_db(db)
{
    m_active = m_db.exec("BEGIN IMMEDIATE");
}

Transaction::~Transaction()
{
    if (m_active)
        m_db.exec("ROLLBACK");
}

bool Transaction::commit()
{
    if (!m_active)
        return false;
    m_active = false;
    if (!m_db.exec("COMMIT")) {
        m_db.exec("ROLLBACK");
        return false;
    }
    return true;
}
