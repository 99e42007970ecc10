#include "aggregatesql.h"

std::string AggregateSql::dayExpression(const QList<OffsetSpan> &offsets, const std::string &column)
{
    if (offsets.isEmpty())
        return "(" + column + " / 86400)";
    if (offsets.size() == 1)
        return "((" + column + " + " + std::to_string(offsets.first().offset) + ") / 86400)";
    // Integers only, computed by the server: no user text reaches the SQL.
    std::string sql = "((CASE";
    for (qsizetype i = 1; i < offsets.size(); ++i) {
        sql += " WHEN " + column + " < " + std::to_string(offsets.at(i).from) + " THEN " + column +
            " + " + std::to_string(offsets.at(i - 1).offset);
    }
    sql += " ELSE " + column + " + " + std::to_string(offsets.last().offset) + " END) / 86400)";
    return sql;
}

std::int64_t AggregateSql::dayOf(const QList<OffsetSpan> &offsets, std::int64_t hour)
{
    if (offsets.isEmpty())
        return hour / 86400;
    // As dayExpression's CASE: the span before the first later start.
    for (qsizetype i = 1; i < offsets.size(); ++i) {
        if (hour < offsets.at(i).from)
            return (hour + offsets.at(i - 1).offset) / 86400;
    }
    return (hour + offsets.last().offset) / 86400;
}

AggregateSql AggregateSql::rows(const AggregateQuery &query, Dialect dialect)
{
    AggregateQuery plain = query;
    plain.byUser = true;
    plain.byDay = plain.byModel = plain.byAgent = false;
    return build(plain, dialect, true);
}

AggregateSql AggregateSql::build(const AggregateQuery &query, Dialect dialect)
{
    return build(query, dialect, false);
}

AggregateSql AggregateSql::build(const AggregateQuery &query, Dialect dialect, bool ungrouped)
{
    AggregateSql out;
    const bool pg = dialect == Dialect::Postgres;
    auto placeholder = [&out, pg](Param p) {
        out.params.push_back(p);
        return (pg ? "$" : "?") + std::to_string(out.params.size());
    };
    // SUM over bigint is numeric in PostgreSQL: back to bigint for the reader.
    auto sum = [pg](const std::string &e) {
        return pg ? "SUM(" + e + ")::bigint" : "SUM(" + e + ")";
    };
    std::string select = query.byUser ? "SELECT b.user_id, u.name, " : "SELECT 0, '', ";
    std::string group;
    auto addGroup = [&group](const std::string &column) {
        group += group.empty() ? " GROUP BY " : ", ";
        group += column;
    };
    if (query.byUser) {
        addGroup("b.user_id");
        addGroup("u.name");
    }
    if (query.byDay) {
        select += dayExpression(query.offsets) + " AS day, ";
        addGroup("day");
    } else {
        select += "0, ";
    }
    if (query.byModel) {
        select += "b.model, ";
        addGroup("b.model");
    } else {
        select += "'', ";
    }
    if (query.byAgent) {
        select += "b.agent, ";
        addGroup("b.agent");
    } else {
        select += "'', ";
    }
    if (ungrouped) {
        select = "SELECT b.user_id, u.name, b.hour, b.input, b.cache_write, b.cache_read, "
                 "b.output, b.reasoning, b.messages, b.sessions, b.cost";
        group.clear();
    } else {
        select += sum("b.input") + ", " + sum("b.cache_write") + ", " + sum("b.cache_read") + ", " +
            sum("b.output") + ", " + sum("b.reasoning") + ", " + sum("b.messages") + ", " +
            sum("b.sessions") + ", " + (pg ? "COALESCE(SUM(b.cost), 0)" : "TOTAL(b.cost)") + ", " +
            sum("CASE WHEN b.cost IS NULL THEN b.input + b.cache_write + b.cache_read + b.output "
                "ELSE 0 END");
    }
    select += " FROM buckets b JOIN users u ON u.id = b.user_id WHERE ";
    // SQLite: over long ranges most rows qualify, and one pass over the table
    // in key order beats an index lookup per row (10x on a year of 10,000
    // users); the unary + keeps its planner off the hour index. For one user
    // the primary key (user first) is the way in.
    const bool scan =
        !pg && (query.user || !query.users.isEmpty() || query.to - query.from > 62 * 86400);
    const std::string hour = scan ? "+b.hour" : "b.hour";
    select +=
        hour + " >= " + placeholder(Param::From) + " AND " + hour + " < " + placeholder(Param::To);
    if (!query.agent.isEmpty())
        select += " AND b.agent = " + placeholder(Param::Agent);
    if (query.user)
        select += " AND b.user_id = " + placeholder(Param::User);
    if (!query.users.isEmpty()) {
        select += " AND b.user_id IN (";
        for (qsizetype i = 0; i < query.users.size(); ++i)
            select += (i ? ", " : "") + std::to_string(query.users.at(i));
        select += ")";
    }
    if (query.boardOnly)
        select += pg ? " AND u.visibility = 2 AND NOT u.hidden"
                     : " AND u.visibility = 2 AND u.hidden = 0";
    out.sql = select + group;
    return out;
}
