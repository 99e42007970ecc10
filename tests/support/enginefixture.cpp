#include "enginefixture.h"

#include "core/clock.h"
#include "pricing/pricetable.h"
#include "store/localstore.h"
#include "testhelpers.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace EngineFixture {

void pinClock()
{
    Clock::setForTesting(FixtureNowMs);
}

SourceEnvironment environmentFor(const QString &home)
{
    SourceEnvironment env;
    env.home = home;
    return env;
}

bool scan(const QString &home, const QString &dbPath, ScanStats *stats, QString *error)
{
    LocalStore store;
    if (!store.open(dbPath, error))
        return false;
    Scanner scanner(store, PriceTable::bundled());
    return scanner.scan(environmentFor(home), stats, error);
}

Numbers numbersOf(const QJsonObject &o)
{
    Numbers n;
    n.input = o.value(u"inputTokens"_s).toInteger();
    n.output = o.value(u"outputTokens"_s).toInteger();
    n.cacheRead = o.value(u"cacheReadTokens"_s).toInteger();
    n.cacheWrite = o.value(u"cacheWriteTokens"_s).toInteger();
    n.reasoning = o.value(u"reasoningTokens"_s).toInteger();
    n.total = o.value(u"totalTokens"_s).toInteger();
    n.messages = o.value(u"messages"_s).toInteger();
    n.sessions = o.value(u"sessions"_s).toInteger();
    return n;
}

static Numbers numbersOf(const ReportRow &r)
{
    return {r.tokens.input,     r.tokens.output,  r.tokens.cacheRead, r.tokens.cacheWrite,
            r.tokens.reasoning, r.tokens.total(), r.messages,         r.sessions};
}

static Report dailyReport(const QString &dbPath)
{
    LocalStore store;
    QString error;
    if (!store.open(dbPath, &error))
        return {};
    ReportQuery q;
    q.kind = ReportKind::Daily;
    q.breakdown = true;
    q.timeZone = QTimeZone::utc();
    return Report::build(store, q);
}

Rows reportRows(const QString &dbPath)
{
    Rows rows;
    for (const ReportRow &r : dailyReport(dbPath).rows)
        rows.insert(r.date + u'|' + r.agent + u'|' + r.model, numbersOf(r));
    return rows;
}

Numbers reportTotals(const QString &dbPath)
{
    return numbersOf(dailyReport(dbPath).totals);
}

Rows expectedRows(const QJsonObject &expected)
{
    Rows rows;
    for (const QJsonValue &v : expected.value(u"rows"_s).toArray()) {
        const QJsonObject o = v.toObject();
        rows.insert(o.value(u"date"_s).toString() + u'|' + o.value(u"agent"_s).toString() + u'|' +
                        o.value(u"model"_s).toString(),
                    numbersOf(o));
    }
    return rows;
}

QJsonObject readJson(const QString &path)
{
    return QJsonDocument::fromJson(TestHelpers::readFile(path)).object();
}

QString diff(const Rows &expected, const Rows &actual)
{
    QString out;
    QStringList keys = expected.keys() + actual.keys();
    keys.removeDuplicates();
    keys.sort();
    int shown = 0;
    for (const QString &k : keys) {
        const bool inE = expected.contains(k), inA = actual.contains(k);
        if (inE && inA && expected.value(k) == actual.value(k))
            continue;
        if (++shown > 10)
            break;
        auto fmt = [](const Numbers &n) {
            return u"in=%1 out=%2 cr=%3 cw=%4 rs=%5 msgs=%6 sess=%7"_s.arg(n.input)
                .arg(n.output)
                .arg(n.cacheRead)
                .arg(n.cacheWrite)
                .arg(n.reasoning)
                .arg(n.messages)
                .arg(n.sessions);
        };
        out += k + u": expected " + (inE ? fmt(expected.value(k)) : u"(none)"_s) + u", got " +
            (inA ? fmt(actual.value(k)) : u"(none)"_s) + u'\n';
    }
    return out;
}

} // namespace EngineFixture
