// Report grouping: local days from hourly UTC buckets, ISO weeks, session
// counts, unpriced rows and the JSON field contract of DESIGN.md §3.

#include "report/report.h"
#include "report/reportformatter.h"
#include "report/statusline.h"
#include "store/localstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

std::int64_t hourOf(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toSecsSinceEpoch();
}

UsageRow row(const char *hour, Agent agent, const char *model, const char *session, qint64 input,
             qint64 messages, qint64 costNano, qint64 unpriced = 0)
{
    UsageRow r;
    r.hourStart = hourOf(hour);
    r.agent = agent;
    r.model = QString::fromLatin1(model);
    r.session = QString::fromLatin1(session);
    r.tokens.input = input;
    r.tokens.output = 10 * messages;
    r.messages = messages;
    r.costNanoUsd = costNano;
    r.unpricedMessages = unpriced;
    return r;
}

} // namespace

class TestReport : public QObject
{
    Q_OBJECT

private slots:
    void daysFollowTheTimeZone_data();
    void daysFollowTheTimeZone();
    void isoWeeksAndMonths();
    void sessionsAreDistinct();
    void unpricedRowsHaveNullCost();
    void jsonContract();
    void skippedInputIsShown();
    void fiveHourBlocks_data();
    void fiveHourBlocks();
    void statuslineInput();
    void parseOptions();
};

void TestReport::daysFollowTheTimeZone_data()
{
    QTest::addColumn<QString>("zone");
    QTest::addColumn<QStringList>("dates");
    // Buckets at 14:00Z on the 1st, and 23:00Z on the 1st and 00:00Z on the 2nd.
    QTest::addRow("UTC") << u"UTC"_s << QStringList {u"2026-11-01"_s, u"2026-11-02"_s};
    QTest::addRow("+09:00") << u"+09:00"_s << QStringList {u"2026-11-01"_s, u"2026-11-02"_s};
    QTest::addRow("Los Angeles") << u"America/Los_Angeles"_s << QStringList {u"2026-11-01"_s};
    QTest::addRow("Tokyo") << u"Asia/Tokyo"_s << QStringList {u"2026-11-01"_s, u"2026-11-02"_s};
}

void TestReport::daysFollowTheTimeZone()
{
    QFETCH(QString, zone);
    QFETCH(QStringList, dates);
    const std::vector<UsageRow> rows = {
        row("2026-11-01T14:00:00Z", Agent::ClaudeCode, "m", "s1", 100, 1, 0),
        row("2026-11-01T23:00:00Z", Agent::ClaudeCode, "m", "s1", 200, 1, 0),
        row("2026-11-02T00:00:00Z", Agent::Codex, "g", "s2", 400, 1, 0),
    };
    ReportQuery q;
    q.kind = ReportKind::Daily;
    q.timeZone = *ReportQuery::parseTimeZone(zone);
    const Report r = Report::build(rows, q);
    QStringList got;
    for (const ReportRow &rr : r.rows)
        got << rr.date;
    QCOMPARE(got, dates);
    QCOMPARE(r.totals.tokens.input, 700);
    if (zone == u"UTC"_s) {
        QCOMPARE(r.rows[0].tokens.input, 300);
        QCOMPARE(r.rows[1].tokens.input, 400);
    } else if (zone == u"+09:00"_s) {
        // 14:00Z is 23:00 on the 1st; 23:00Z and 00:00Z are the 2nd in Tokyo time.
        QCOMPARE(r.rows[0].tokens.input, 100);
        QCOMPARE(r.rows[1].tokens.input, 600);
    }
}

void TestReport::isoWeeksAndMonths()
{
    const std::vector<UsageRow> rows = {
        row("2026-12-31T10:00:00Z", Agent::ClaudeCode, "m", "s", 1, 1, 0), // Thu: 2026-W53
        row("2027-01-03T10:00:00Z", Agent::ClaudeCode, "m", "s", 2, 1, 0), // Sun: 2026-W53
        row("2027-01-04T10:00:00Z", Agent::ClaudeCode, "m", "s", 4, 1, 0), // Mon: 2027-W01
    };
    ReportQuery q;
    q.kind = ReportKind::Weekly;
    q.timeZone = QTimeZone::utc();
    Report r = Report::build(rows, q);
    QCOMPARE(r.rows.size(), size_t(2));
    QCOMPARE(r.rows[0].week, u"2026-W53"_s);
    QCOMPARE(r.rows[0].tokens.input, 3);
    QCOMPARE(r.rows[1].week, u"2027-W01"_s);
    q.kind = ReportKind::Monthly;
    r = Report::build(rows, q);
    QCOMPARE(r.rows.size(), size_t(2));
    QCOMPARE(r.rows[0].month, u"2026-12"_s);
    QCOMPARE(r.rows[1].month, u"2027-01"_s);
    QCOMPARE(r.rows[1].tokens.input, 6);
}

void TestReport::sessionsAreDistinct()
{
    std::vector<UsageRow> rows = {
        row("2026-11-01T10:00:00Z", Agent::ClaudeCode, "a", "s1", 1, 2, 0),
        row("2026-11-01T11:00:00Z", Agent::ClaudeCode, "b", "s1", 1, 1, 0),
        row("2026-11-01T11:00:00Z", Agent::ClaudeCode, "a", "s2", 1, 1, 0),
        // The same id under another agent is another session.
        row("2026-11-01T12:00:00Z", Agent::Codex, "c", "s1", 1, 1, 0),
    };
    ReportQuery q;
    q.kind = ReportKind::Daily;
    q.timeZone = QTimeZone::utc();
    Report r = Report::build(rows, q);
    QCOMPARE(r.rows.size(), size_t(1));
    QCOMPARE(r.rows[0].sessions, 3);
    QCOMPARE(r.rows[0].messages, 5);
    q.breakdown = true;
    r = Report::build(rows, q);
    QCOMPARE(r.rows.size(), size_t(3));
    q.breakdown = false;
    q.kind = ReportKind::Session;
    r = Report::build(rows, q);
    QCOMPARE(r.rows.size(), size_t(3));
    q.kind = ReportKind::Agent;
    r = Report::build(rows, q);
    QCOMPARE(r.rows.size(), size_t(2));
    QCOMPARE(r.rows[0].agent, u"claude-code"_s);
    QCOMPARE(r.rows[0].sessions, 2);
}

void TestReport::unpricedRowsHaveNullCost()
{
    const std::vector<UsageRow> rows = {
        row("2026-11-01T10:00:00Z", Agent::ClaudeCode, "known", "s", 1, 2, 1500000000),
        row("2026-11-01T10:00:00Z", Agent::ClaudeCode, "mystery", "s", 1, 3, 0, 3),
    };
    ReportQuery q;
    q.kind = ReportKind::Model;
    q.timeZone = QTimeZone::utc();
    const Report r = Report::build(rows, q);
    QCOMPARE(r.rows.size(), size_t(2));
    for (const ReportRow &rr : r.rows) {
        if (rr.model == u"mystery"_s)
            QVERIFY(!rr.cost);
        else
            QCOMPARE(*rr.cost, 1.5);
    }
    QCOMPARE(*r.totals.cost, 1.5);
    QCOMPARE(r.unpricedModels, QStringList {u"mystery"_s});
    QCOMPARE(ReportFormatter::money(std::nullopt), u"unpriced"_s);
    QCOMPARE(ReportFormatter::money(0.004), u"<$0.01"_s);
    QCOMPARE(ReportFormatter::money(1234.5), u"$1,234.50"_s);
}

void TestReport::jsonContract()
{
    const std::vector<UsageRow> rows = {
        row("2026-11-01T10:00:00Z", Agent::OpenCode, "m", "s", 5, 1, 0, 1),
    };
    ReportQuery q;
    q.kind = ReportKind::Daily;
    q.breakdown = true;
    q.timeZone = QTimeZone::utc();
    const QJsonObject root =
        QJsonDocument::fromJson(ReportFormatter::json(Report::build(rows, q))).object();
    const QJsonObject r0 = root.value(u"rows"_s).toArray().at(0).toObject();
    for (const char *key :
         {"date", "agent", "model", "inputTokens", "outputTokens", "cacheReadTokens",
          "cacheWriteTokens", "reasoningTokens", "totalTokens", "messages", "sessions", "costUSD"})
        QVERIFY2(r0.contains(QLatin1String(key)), key);
    QCOMPARE(r0.value(u"agent"_s).toString(), u"opencode"_s);
    QVERIFY(r0.value(u"costUSD"_s).isNull());
    QCOMPARE(r0.value(u"totalTokens"_s).toInteger(), 15);
    QVERIFY(root.value(u"totals"_s).toObject().contains(u"sessions"_s));
    QCOMPARE(root.value(u"unpricedModels"_s).toArray().size(), 1);
}

void TestReport::skippedInputIsShown()
{
    const std::vector<UsageRow> rows = {
        row("2026-11-01T10:00:00Z", Agent::ClaudeCode, "m", "s", 5, 1, 0)};
    ReportQuery q;
    q.timeZone = QTimeZone::utc();
    Report report = Report::build(rows, q);
    // Built from rows alone there is no store to ask: nothing is claimed.
    QVERIFY(!ReportFormatter::table(report).contains(u"Skipped"_s));
    QVERIFY(
        !QJsonDocument::fromJson(ReportFormatter::json(report)).object().contains(u"skipped"_s));

    SkippedInput skipped;
    skipped.malformed[MalformedReason::NotJson] = 2;
    skipped.malformed[MalformedReason::NegativeCount] = 1;
    skipped.futureRecords = 3;
    report.skipped = skipped;
    const QString table = ReportFormatter::table(report);
    QVERIFY2(
        table.contains(u"Skipped, not counted: 3 malformed lines (not-json 2, negative-count 1); "
                       "3 future-dated records (future-timestamp)."_s),
        qPrintable(table));
    const QJsonObject o = QJsonDocument::fromJson(ReportFormatter::json(report))
                              .object()
                              .value(u"skipped"_s)
                              .toObject();
    QCOMPARE(o.value(u"malformedLines"_s).toInteger(), 3);
    QCOMPARE(o.value(u"futureTimestamp"_s).toInteger(), 3);
    const QJsonObject byReason = o.value(u"malformed"_s).toObject();
    QCOMPARE(byReason.size(), MalformedReasonCount);
    QCOMPARE(byReason.value(u"negative-count"_s).toInteger(), 1);
    QCOMPARE(byReason.value(u"null-count"_s).toInteger(), 0);
    // An empty store says so in one line of `scan` output, and nothing in a report.
    report.skipped = SkippedInput {};
    QVERIFY(!ReportFormatter::table(report).contains(u"Skipped"_s));
    QVERIFY(ReportFormatter::skippedLine(SkippedInput {}).startsWith(u"Skipped: nothing"_s));
}

void TestReport::fiveHourBlocks_data()
{
    // Active hours (hours after 00:00 of one day), now (hours), expected block start.
    QTest::addColumn<QList<int>>("hours");
    QTest::addColumn<double>("now");
    QTest::addColumn<int>("start"); // -1: no block running
    QTest::addRow("one call") << QList<int> {9} << 10.5 << 9;
    QTest::addRow("ended") << QList<int> {9} << 14.0 << -1;
    QTest::addRow("chained") << QList<int> {9, 11, 14} << 15.5 << 14;
    // Every hour busy: blocks 0-5, 5-10, 10-15; the start is not the last gap.
    QTest::addRow("busy all day") << QList<int> {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12} << 12.5
                                  << 10;
    QTest::addRow("idle now") << QList<int> {0, 1, 2} << 9.0 << -1;
    QTest::addRow("nothing") << QList<int> {} << 9.0 << -1;
    QTest::addRow("after a gap") << QList<int> {1, 2, 9} << 9.1 << 9;
}

void TestReport::fiveHourBlocks()
{
    QFETCH(QList<int>, hours);
    QFETCH(double, now);
    QFETCH(int, start);
    const std::int64_t day = hourOf("2026-11-20T00:00:00Z");
    std::vector<std::int64_t> h;
    for (int x : hours)
        h.push_back(day + x * 3600);
    const auto got = StatuslineFigures::currentBlockStart(h, day + std::int64_t(now * 3600));
    if (start < 0)
        QVERIFY(!got);
    else
        QCOMPARE(got, std::optional<std::int64_t>(day + start * 3600));
}

void TestReport::statuslineInput()
{
    QString error;
    QVERIFY(!StatuslineInput::parse("", &error));
    QCOMPARE(error, u"no input"_s);
    QVERIFY(!StatuslineInput::parse("[]", &error));
    const auto in = StatuslineInput::parse(
        R"({"session_id":"s","transcript_path":"/t.jsonl","model":{"id":"claude-x"},)"
        R"("rate_limits":{"five_hour":{"used_percentage":50,"resets_at":"2026-11-20T17:00:00+02:00"},)"
        R"("seven_day":{"used_percentage":5.5}}})",
        &error);
    QVERIFY(in);
    QCOMPARE(in->sessionId, u"s"_s);
    QCOMPARE(in->model, u"claude-x"_s); // no display_name: the id
    QCOMPARE(in->fiveHour->usedPercent, 50.0);
    QCOMPARE(in->fiveHour->resetsAt, std::optional<std::int64_t>(hourOf("2026-11-20T15:00:00Z")));
    QCOMPARE(in->sevenDay->usedPercent, 5.5);
    QVERIFY(!in->sevenDay->resetsAt);
    QCOMPARE(StatuslineInput::parseResetTime(QJsonValue(1795194000.0)),
             std::optional<std::int64_t>(1795194000));
    QCOMPARE(StatuslineInput::parseResetTime(QJsonValue(1795194000000.0)),
             std::optional<std::int64_t>(1795194000));
    QVERIFY(!StatuslineInput::parseResetTime(QJsonValue(u"soon"_s)));
    QVERIFY(!StatuslineInput::parseResetTime(QJsonValue(-4.0)));
    // Past year 9999 (and past int64 as a double): not a reset time, no overflow.
    QVERIFY(!StatuslineInput::parseResetTime(QJsonValue(1e300)));
    QVERIFY(!StatuslineInput::parseResetTime(QJsonValue(0.1795194)));
    QVERIFY(!StatuslineInput::parseResetTime(QJsonValue(u"1e300"_s)));
    QVERIFY(!StatuslineInput::parseResetTime(QJsonValue(253402300800.0 * 1000 * 1000)));
}

void TestReport::parseOptions()
{
    QCOMPARE(ReportQuery::parseDate(u"2026-11-21"_s), QDate(2026, 11, 21));
    QCOMPARE(ReportQuery::parseDate(u"20261121"_s), QDate(2026, 11, 21));
    QVERIFY(!ReportQuery::parseDate(u"21/11/2026"_s));
    QCOMPARE(
        ReportQuery::parseTimeZone(u"+05:30"_s)->offsetFromUtc(QDateTime::currentDateTimeUtc()),
        5 * 3600 + 1800);
    QCOMPARE(ReportQuery::parseTimeZone(u"-0800"_s)->offsetFromUtc(QDateTime::currentDateTimeUtc()),
             -8 * 3600);
    QVERIFY(ReportQuery::parseTimeZone(u"Europe/Berlin"_s));
    QVERIFY(!ReportQuery::parseTimeZone(u"Mars/Olympus"_s));
    QVERIFY(!ReportQuery::kindFromName(u"hourly"));
    // --since/--until select whole local days.
    ReportQuery q;
    q.since = QDate(2026, 11, 2);
    q.until = QDate(2026, 11, 2);
    q.timeZone = *ReportQuery::parseTimeZone(u"+09:00"_s);
    const auto [from, to] = Report::hourRange(q);
    QCOMPARE(from, hourOf("2026-11-01T15:00:00Z"));
    QCOMPARE(to, hourOf("2026-11-02T15:00:00Z"));
}

QTEST_GUILESS_MAIN(TestReport)
#include "test_report.moc"
