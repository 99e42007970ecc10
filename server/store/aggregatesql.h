#pragma once

#include "serverstore.h"

#include <string>
#include <vector>

//! \brief The SQL of ServerStore::aggregate() for both backends: one query,
//! parameters for everything a request chose, integers the server computed
//! (time-zone offsets, user ids) written in.
struct AggregateSql
{
    enum class Dialect {
        Sqlite,
        Postgres,
    };
    enum class Param {
        From,
        To,
        Agent,
        User,
    };
    std::string sql;
    std::vector<Param> params; //!< In placeholder order ($1/?1 first).

    static AggregateSql build(const AggregateQuery &query, Dialect dialect);
    //! \brief The rows build() would group, ungrouped: user id, name, hour,
    //! input, cache write, cache read, output, reasoning, messages, sessions,
    //! cost (NULL: unpriced). Grouped by the caller (sumByDay()).
    static AggregateSql rows(const AggregateQuery &query, Dialect dialect);
    //! Local day number of hour column \a column under the query's offsets.
    static std::string dayExpression(const QList<OffsetSpan> &offsets,
                                     const std::string &column = "b.hour");
    //! dayExpression() for one hour, computed here.
    static std::int64_t dayOf(const QList<OffsetSpan> &offsets, std::int64_t hour);

private:
    static AggregateSql build(const AggregateQuery &query, Dialect dialect, bool ungrouped);
};
