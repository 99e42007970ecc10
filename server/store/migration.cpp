#include "migration.h"

#include "postgresserverstore.h"
#include "sqliteserverstore.h"
#include "store/database.h"

#include <QFileInfo>

#include <libpq-fe.h>

#include <algorithm>
#include <cstdio>
#include <cstring>

using namespace Qt::StringLiterals;

namespace {

const char *const Tables[] = {"users", "devices", "buckets", "submissions"};

// COPY's text format: tab-separated, \N for NULL, backslash escapes.
void appendField(std::string &line, const Statement &q, int column, bool bytea)
{
    if (!line.empty())
        line += '\t';
    if (q.isNull(column)) {
        line += "\\N";
        return;
    }
    std::string value;
    if (bytea)
        value = "\\x" + q.blob(column).toHex().toStdString();
    else
        value = q.text(column).toStdString();
    for (char c : value) {
        switch (c) {
        case '\\':
            line += "\\\\";
            break;
        case '\n':
            line += "\\n";
            break;
        case '\r':
            line += "\\r";
            break;
        case '\t':
            line += "\\t";
            break;
        default:
            line += c;
        }
    }
}

void copyTable(Database &source, PgConnection &target, const char *table, const char *columns,
               int byteaColumn, std::int64_t *rows)
{
    Statement q(source, std::string("SELECT ") + columns + " FROM " + table);
    if (!q.isValid())
        throw StoreError(std::string("cannot read ") + table + ": " +
                         source.lastError().toStdString());
    PGconn *conn = target.handle();
    PGresult *start =
        PQexec(conn, (std::string("COPY ") + table + " (" + columns + ") FROM STDIN").c_str());
    if (PQresultStatus(start) != PGRES_COPY_IN) {
        const std::string message = PQerrorMessage(conn);
        PQclear(start);
        throw StoreError("COPY " + std::string(table) + ": " + message);
    }
    PQclear(start);
    const int count = int(std::count(columns, columns + std::strlen(columns), ',')) + 1;
    std::string buffer;
    *rows = 0;
    while (q.step()) {
        std::string line;
        for (int i = 0; i < count; ++i)
            appendField(line, q, i, i == byteaColumn);
        buffer += line;
        buffer += '\n';
        ++*rows;
        if (buffer.size() > (1 << 20)) {
            if (PQputCopyData(conn, buffer.data(), int(buffer.size())) != 1)
                throw StoreError("COPY " + std::string(table) + ": " + PQerrorMessage(conn));
            buffer.clear();
        }
    }
    if (q.failed())
        throw StoreError(std::string("reading ") + table + ": " + source.lastError().toStdString());
    if ((!buffer.empty() && PQputCopyData(conn, buffer.data(), int(buffer.size())) != 1) ||
        PQputCopyEnd(conn, nullptr) != 1)
        throw StoreError("COPY " + std::string(table) + ": " + PQerrorMessage(conn));
    PGresult *end = PQgetResult(conn);
    const bool ok = PQresultStatus(end) == PGRES_COMMAND_OK;
    const std::string message = ok ? std::string() : PQresultErrorMessage(end);
    PQclear(end);
    while (PGresult *more = PQgetResult(conn))
        PQclear(more);
    if (!ok)
        throw StoreError("COPY " + std::string(table) + ": " + message);
}

} // namespace

int Migration::run(const QString &sqlitePath, const std::string &postgresUri)
{
    auto fail = [](const QString &message) {
        std::fprintf(stderr, "tokentally-server migrate: %s\n", message.toUtf8().constData());
        return 1;
    };
    if (!QFileInfo(sqlitePath).isFile())
        return fail(u"no such SQLite database: "_s + sqlitePath);
    try {
        // Opening the source brings its schema up to date, as a server would.
        SqliteServerStore source(sqlitePath, SqliteServerStore::Role::Admin);
        if (!source.isOpen())
            return fail(u"cannot open "_s + sqlitePath + u": "_s + source.errorString());
        PostgresServerStore target(postgresUri, 2, false);
        Database db;
        QString error;
        if (!db.open(sqlitePath, true, &error))
            return fail(error);
        auto lease = target.pool().acquire();
        for (const char *table : Tables) {
            const PgResult r =
                lease->query(std::string("SELECT EXISTS (SELECT 1 FROM ") + table + ")");
            if (r.boolean(0, 0))
                return fail(u"the target database is not empty (table %1 has rows): refusing to "
                            "mix data"_s.arg(QString::fromLatin1(table)));
        }

        std::int64_t copied[4] = {};
        lease->exec("BEGIN");
        copyTable(db, *lease, "users",
                  "id, name, token_hash, visibility, hidden, reviewed, flag_reason, created", -1,
                  &copied[0]);
        copyTable(db, *lease, "devices",
                  "device_id, user_id, public_key, label, seq, last_hash, created", 2, &copied[1]);
        copyTable(db, *lease, "buckets",
                  "user_id, device_id, hour, agent, model, input, cache_write, cache_read, "
                  "output, reasoning, messages, sessions, cost, price_version",
                  -1, &copied[2]);
        copyTable(db, *lease, "submissions",
                  "device_id, seq, body_hash, prev_hash, received, buckets, replaced, "
                  "price_version",
                  -1, &copied[3]);
        // New users continue after the copied ids.
        lease->exec("SELECT setval(pg_get_serial_sequence('users', 'id'), "
                    "GREATEST((SELECT MAX(id) FROM users), 1))");
        lease->exec("COMMIT");
        lease->exec("ANALYZE");

        // Verify: the same rows on both sides, table by table ...
        for (int i = 0; i < 4; ++i) {
            Statement count(db, std::string("SELECT COUNT(*) FROM ") + Tables[i]);
            const std::int64_t inSource = count.step() ? count.int64(0) : -1;
            const PgResult r = lease->query(std::string("SELECT COUNT(*) FROM ") + Tables[i]);
            if (inSource != copied[i] || r.int64(0, 0) != inSource)
                return fail(u"row count of %1 differs: source %2, copied %3, target %4"_s.arg(
                    QString::fromLatin1(Tables[i]), QString::number(inSource),
                    QString::number(copied[i]), QString::number(r.int64(0, 0))));
        }
        // ... and per device the chain head and every day's checksum.
        std::int64_t days = 0;
        Statement devices(db, "SELECT device_id FROM devices ORDER BY device_id");
        while (devices.step()) {
            const QString id = devices.text(0);
            const auto a = source.device(id);
            const auto b = target.device(id);
            if (!a || !b || a->seq != b->seq || a->lastHash != b->lastHash ||
                a->publicKey != b->publicKey || a->userId != b->userId)
                return fail(u"device %1 differs after the copy"_s.arg(id));
            const auto sumsA = source.dayChecksums(id, 0);
            if (sumsA != target.dayChecksums(id, 0))
                return fail(u"day checksums of device %1 differ after the copy"_s.arg(id));
            days += sumsA.size();
        }
        std::printf("migrated %lld users, %lld devices, %lld buckets, %lld submissions; "
                    "verified row counts, chain heads and %lld device-day checksums\n",
                    static_cast<long long>(copied[0]), static_cast<long long>(copied[1]),
                    static_cast<long long>(copied[2]), static_cast<long long>(copied[3]),
                    static_cast<long long>(days));
        return 0;
    } catch (const StoreError &e) {
        return fail(QString::fromUtf8(e.what()));
    }
}
