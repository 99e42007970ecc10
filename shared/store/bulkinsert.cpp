#include "bulkinsert.h"

#include <QtGlobal>

#include <sqlite3.h>

#include <algorithm>

BulkInsert::BulkInsert(Database &db, std::string head, int columns, std::string tail)
    : m_db(db)
    , m_head(std::move(head))
    , m_tail(std::move(tail))
    , m_columns(columns)
    , m_rows(std::clamp(sqlite3_limit(db.handle(), SQLITE_LIMIT_VARIABLE_NUMBER, -1) /
                            std::max(1, columns),
                        1, RowsPerStatement))
{
}

BulkInsert::Value &BulkInsert::next()
{
    // Allocated on first use: a ledger batch that writes no rows of a kind
    // (most incremental scans) does not pay for its buffer.
    if (m_values.empty())
        m_values.resize(size_t(m_rows * m_columns));
    Q_ASSERT(m_used < int(m_values.size()));
    return m_values[size_t(m_used++)];
}

BulkInsert &BulkInsert::value(std::int64_t v)
{
    Value &x = next();
    x.kind = Value::Int;
    x.i = v;
    return *this;
}

BulkInsert &BulkInsert::value(double v)
{
    Value &x = next();
    x.kind = Value::Real;
    x.d = v;
    return *this;
}

BulkInsert &BulkInsert::text(std::string_view v)
{
    Value &x = next();
    x.kind = Value::Text;
    x.bytes.assign(v);
    return *this;
}

BulkInsert &BulkInsert::blob(const void *data, int size)
{
    Value &x = next();
    x.kind = Value::Blob;
    x.bytes.assign(static_cast<const char *>(data), size_t(size));
    return *this;
}

BulkInsert &BulkInsert::null()
{
    next().kind = Value::Null;
    return *this;
}

bool BulkInsert::endRow()
{
    Q_ASSERT(m_used > 0 && m_used % m_columns == 0);
    return m_used < int(m_values.size()) || write(m_rows);
}

bool BulkInsert::flush()
{
    Q_ASSERT(m_used % m_columns == 0);
    return m_used == 0 || write(m_used / m_columns);
}

std::string BulkInsert::sqlFor(int rows) const
{
    std::string row = "(";
    for (int c = 0; c < m_columns; ++c)
        row += c ? ",?" : "?";
    row += ")";
    std::string sql = m_head + " VALUES";
    sql.reserve(sql.size() + size_t(rows) * (row.size() + 1) + m_tail.size() + 1);
    for (int r = 0; r < rows; ++r) {
        sql += r ? "," : "";
        sql += row;
    }
    if (!m_tail.empty())
        sql += " " + m_tail;
    return sql;
}

bool BulkInsert::write(int rows)
{
    auto it = m_statements.find(rows);
    if (it == m_statements.end())
        it = m_statements.emplace(rows, Statement(m_db, sqlFor(rows))).first;
    Statement &st = it->second;
    for (int i = 0; i < rows * m_columns; ++i) {
        const Value &v = m_values[size_t(i)];
        switch (v.kind) {
        case Value::Null:
            st.bindNull(i + 1);
            break;
        case Value::Int:
            st.bind(i + 1, v.i);
            break;
        case Value::Real:
            st.bind(i + 1, v.d);
            break;
        case Value::Text:
            st.bind(i + 1, std::string_view(v.bytes));
            break;
        case Value::Blob:
            st.bindBlob(i + 1, v.bytes.data(), int(v.bytes.size()));
            break;
        }
    }
    m_used = 0;
    if (!st.run())
        return false;
    m_written += rows;
    return true;
}
