#pragma once

#include "store/database.h"

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

//! \brief Inserts many rows through statements of the form
//! `INSERT ... VALUES (...), (...), ...`, RowsPerStatement rows at a time.
//!
//! A cold scan writes tens of thousands of rows (groups, buckets, database
//! rows); one statement per row spends about half of SQLite's time on
//! stepping and resetting the statement rather than on the b-tree. Rows are
//! buffered here and written when a statement's worth is ready and at flush():
//! until then they are not in the table, and errors surface there.
class BulkInsert
{
public:
    static constexpr int RowsPerStatement = 128;

    //! \a head: `INSERT [OR REPLACE] INTO t(a, b, ...)`; \a tail: what follows
    //! the row list (`ON CONFLICT ...`), if anything.
    BulkInsert(Database &db, std::string head, int columns, std::string tail = {});
    BulkInsert(const BulkInsert &) = delete;
    BulkInsert &operator=(const BulkInsert &) = delete;

    //! The current row's next column, in the order of the column list.
    BulkInsert &value(std::int64_t v);
    BulkInsert &value(double v);
    BulkInsert &text(std::string_view v);
    BulkInsert &blob(const void *data, int size);
    BulkInsert &null();
    //! Ends the current row; writes the buffered rows when a statement is full.
    bool endRow();
    //! Writes the rows still buffered.
    bool flush();
    //! Rows written so far, in statements that succeeded.
    std::int64_t rowsWritten() const { return m_written; }
    //! Rows per full statement: RowsPerStatement, fewer where SQLite allows
    //! fewer bound values per statement (999 before SQLite 3.32).
    int rowsPerStatement() const { return m_rows; }

private:
    struct Value
    {
        enum Kind : std::uint8_t { Null, Int, Real, Text, Blob } kind = Null;
        std::int64_t i = 0;
        double d = 0;
        std::string bytes;
    };
    Value &next();
    std::string sqlFor(int rows) const;
    bool write(int rows);

    Database &m_db;
    std::string m_head, m_tail;
    int m_columns;
    int m_rows;
    std::vector<Value> m_values; //!< m_rows * m_columns once used, reused
    int m_used = 0; //!< values of complete and current rows
    //! By rows per statement, prepared on first use: a full statement, and the
    //! remainders flush() met (a caller flushing after every few rows meets
    //! the same ones again).
    std::map<int, Statement> m_statements;
    std::int64_t m_written = 0;
};
