#include "synccheck.h"

#include <QJsonArray>
#include <QUrl>

#include <sqlite3.h>

using namespace Qt::StringLiterals;

namespace SyncCheck {

QJsonObject tokensOfReport(const QJsonObject &t)
{
    return {{u"input"_s, t.value(u"inputTokens"_s).toInteger()},
            {u"cacheWrite"_s, t.value(u"cacheWriteTokens"_s).toInteger()},
            {u"cacheRead"_s, t.value(u"cacheReadTokens"_s).toInteger()},
            {u"output"_s, t.value(u"outputTokens"_s).toInteger()},
            {u"reasoning"_s, t.value(u"reasoningTokens"_s).toInteger()},
            {u"total"_s, t.value(u"totalTokens"_s).toInteger()},
            {u"messages"_s, t.value(u"messages"_s).toInteger()}};
}

namespace {

QJsonObject addUp(const QJsonObject &a, const QJsonObject &b)
{
    QJsonObject sum = a;
    for (auto it = b.begin(); it != b.end(); ++it)
        sum.insert(it.key(), sum.value(it.key()).toInteger() + it.value().toInteger());
    return sum;
}

QJsonObject serverNumbers(const QJsonObject &tokens, qint64 messages)
{
    QJsonObject o = tokens;
    o.remove(u"total"_s);
    o.insert(u"total"_s, tokens.value(u"total"_s).toInteger());
    o.insert(u"messages"_s, messages);
    return o;
}

QString differences(const QString &where, const QJsonObject &local, const QJsonObject &server)
{
    QString out;
    for (auto it = local.begin(); it != local.end(); ++it) {
        const qint64 l = it.value().toInteger();
        const qint64 s = server.value(it.key()).toInteger(-1);
        if (l != s)
            out += u"%1 %2: local %3, server %4\n"_s.arg(where, it.key()).arg(l).arg(s);
    }
    return out;
}

} // namespace

QString compareWithServer(SyncFixture &fixture, const QList<SyncFixture::Client> &clients,
                          const QString &username, const QString &tz)
{
    QString out;
    const QString zone = QString::fromLatin1(QUrl::toPercentEncoding(tz));
    for (const QString &period : {u"day"_s, u"week"_s, u"month"_s, u"year"_s, u"all"_s}) {
        const Reply board = fixture.server().get(
            u"/api/v1/leaderboard?period=%1&tz=%2&q=%3&limit=200"_s.arg(period, zone, username));
        if (board.status != 200) {
            out += u"board %1 %2: HTTP %3\n"_s.arg(period, tz).arg(board.status);
            continue;
        }
        const QJsonObject b = board.json();
        // The local report over the same local dates the server used.
        QJsonObject local;
        for (const SyncFixture::Client &c : clients)
            local = addUp(local,
                          tokensOfReport(fixture.localTotals(
                              c, tz, period == u"all" ? QString() : b.value(u"from"_s).toString(),
                              b.value(u"to"_s).toString())));
        QJsonObject server {{u"input"_s, 0},   {u"cacheWrite"_s, 0}, {u"cacheRead"_s, 0},
                            {u"output"_s, 0},  {u"reasoning"_s, 0},  {u"total"_s, 0},
                            {u"messages"_s, 0}};
        for (const QJsonValue &e : b.value(u"entries"_s).toArray()) {
            if (e.toObject().value(u"username"_s).toString() == username)
                server = serverNumbers(e.toObject().value(u"tokens"_s).toObject(),
                                       e.toObject().value(u"messages"_s).toInteger());
        }
        out += differences(u"board %1 %2"_s.arg(period, tz), local, server);
    }
    const Reply profile = fixture.server().get(u"/api/v1/users/%1?tz=%2"_s.arg(username, zone));
    if (profile.status != 200)
        return out + u"profile: HTTP %1\n"_s.arg(profile.status);
    const QJsonObject totals = profile.json().value(u"totals"_s).toObject();
    QJsonObject local;
    for (const SyncFixture::Client &c : clients)
        local = addUp(local, tokensOfReport(fixture.localTotals(c, tz)));
    out += differences(u"profile %1"_s.arg(tz), local,
                       serverNumbers(totals.value(u"tokens"_s).toObject(),
                                     totals.value(u"messages"_s).toInteger()));
    if (local.value(u"total"_s).toInteger() <= 0)
        out += u"the local total is zero: the comparison could not fail\n"_s;
    return out;
}

QString integrity(const QString &dbPath)
{
    sqlite3 *db = nullptr;
    QString result = u"cannot open"_s;
    if (sqlite3_open_v2(dbPath.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) ==
        SQLITE_OK) {
        sqlite3_stmt *st = nullptr;
        if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, nullptr) == SQLITE_OK &&
            sqlite3_step(st) == SQLITE_ROW)
            result = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(st, 0)));
        sqlite3_finalize(st);
    }
    sqlite3_close(db);
    return result;
}

} // namespace SyncCheck
