// SnapshotBuilder: hourly bucket rows -> what the tray and dashboard show.
#include "store/localstore.h"
#include "workers/snapshotbuilder.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {

std::int64_t hour(QDate d, int h, const QTimeZone &zone = QTimeZone::utc())
{
    return QDateTime(d, QTime(h, 0), zone).toSecsSinceEpoch();
}

UsageRow row(std::int64_t hourStart, const QString &model, const QString &session,
             std::int64_t input, std::int64_t output, std::int64_t costNano,
             Agent agent = Agent::ClaudeCode, std::int64_t messages = 1)
{
    UsageRow r;
    r.hourStart = hourStart;
    r.agent = agent;
    r.model = model;
    r.session = session;
    r.tokens.input = input;
    r.tokens.output = output;
    r.messages = messages;
    r.costNanoUsd = costNano;
    r.unpricedMessages = costNano == 0 ? messages : 0;
    return r;
}

} // namespace

class TestSnapshotBuilder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void totalsByPeriod();
    void timeZoneMovesDays();
    void dayFilter();
    void streaks();
    void unpricedIsNotZero();
    void hourRangeCoversLocalDays();
};

void TestSnapshotBuilder::totalsByPeriod()
{
    // Wednesday 18 Nov 2026; the week starts Monday the 16th.
    const QDate today(2026, 11, 18);
    SnapshotBuilder::Options o;
    o.today = today;
    o.firstDayOfWeek = Qt::Monday;
    const std::vector<UsageRow> rows {
        row(hour(today, 9), u"claude-sonnet-4-5"_s, u"s1"_s, 100, 50, 1'000'000'000),
        row(hour(today, 10), u"gpt-5-codex"_s, u"c1"_s, 300, 10, 500'000'000, Agent::Codex),
        row(hour(today.addDays(-2), 9), u"claude-sonnet-4-5"_s, u"s0"_s, 1000, 0, 2'000'000'000),
        row(hour(today.addDays(-3), 9), u"claude-opus-4-1"_s, u"s0"_s, 5000, 0, 3'000'000'000),
        row(hour(today.addDays(-30), 9), u"claude-opus-4-1"_s, u"old"_s, 7, 0, 1),
    };
    const UsageSnapshot s = SnapshotBuilder::build(rows, o);
    QCOMPARE(s.todayTotals.tokens.total(), 460);
    QCOMPARE(s.todayTotals.sessions, 2);
    QCOMPARE(*s.todayTotals.cost(), 1.5);
    QCOMPARE(s.weekTotals.tokens.total(), 1460); // Sunday the 15th is last week
    QCOMPARE(s.monthTotals.tokens.total(), 6460); // 19 Oct is last month
    QCOMPARE(s.topModelToday, u"gpt-5-codex"_s);
    QCOMPARE(s.topModelMonth, u"claude-opus-4-1"_s);
    QCOMPARE(int(s.days.size()), o.historyDays);
    QCOMPARE(s.days.back().date, today);
    QCOMPARE(s.days.back().tokens, 460);
    QCOMPARE(s.days.back().sessions, 2);
    QCOMPARE(s.viewTotals.tokens.total(), 6467);
    QCOMPARE(s.viewTotals.sessions, 4);
    QCOMPARE(s.activeDays, 4);
    QCOMPARE(int(s.models.size()), 3);
    QCOMPARE(s.models.front().model, u"claude-opus-4-1"_s);
    QCOMPARE(int(s.agents.size()), 2);
    QCOMPARE(s.agents.front().agent, Agent::ClaudeCode);
    QCOMPARE(int(s.sessions.size()), 4);
    // Newest first; "s0" spans two days and lists both models.
    QCOMPARE(s.sessions.front().session, u"c1"_s);
    const auto s0 = std::find_if(s.sessions.begin(), s.sessions.end(),
                                 [](const SessionStat &x) { return x.session == u"s0"; });
    QVERIFY(s0 != s.sessions.end());
    QCOMPARE(s0->models, (QStringList {u"claude-opus-4-1"_s, u"claude-sonnet-4-5"_s}));
    QCOMPARE(s0->totals.tokens.total(), 6000);
    // Cost by day and model adds up to the day's cost.
    const int sonnet = int(s.costModels.indexOf(u"claude-sonnet-4-5"_s));
    QVERIFY(sonnet >= 0);
    QCOMPARE(s.costByDay[s.days.size() - 1][size_t(sonnet)], 1'000'000'000);
}

void TestSnapshotBuilder::timeZoneMovesDays()
{
    // 23:30 UTC on the 17th is already the 18th in Tokyo.
    const QTimeZone tokyo("Asia/Tokyo");
    SnapshotBuilder::Options o;
    o.today = QDate(2026, 11, 18);
    o.timeZone = tokyo;
    const std::vector<UsageRow> rows {
        row(hour(QDate(2026, 11, 17), 23), u"m"_s, u"a"_s, 10, 0, 1),
        row(hour(QDate(2026, 11, 17), 14), u"m"_s, u"b"_s, 20, 0, 1),
    };
    const UsageSnapshot s = SnapshotBuilder::build(rows, o);
    QCOMPARE(s.todayTotals.tokens.total(), 10);
    QCOMPARE(s.days[s.days.size() - 2].tokens, 20);
    o.timeZone = QTimeZone::utc();
    const UsageSnapshot u = SnapshotBuilder::build(rows, o);
    QCOMPARE(u.todayTotals.tokens.total(), 0);
    QCOMPARE(u.days[u.days.size() - 2].tokens, 30);
}

void TestSnapshotBuilder::dayFilter()
{
    const QDate today(2026, 11, 18);
    SnapshotBuilder::Options o;
    o.today = today;
    o.filterDay = today.addDays(-1);
    const std::vector<UsageRow> rows {
        row(hour(today, 1), u"a"_s, u"s1"_s, 10, 0, 1),
        row(hour(today.addDays(-1), 1), u"b"_s, u"s2"_s, 20, 0, 1, Agent::OpenCode),
    };
    const UsageSnapshot s = SnapshotBuilder::build(rows, o);
    // The tray's figures ignore the filter; the view follows it.
    QCOMPARE(s.todayTotals.tokens.total(), 10);
    QCOMPARE(s.viewTotals.tokens.total(), 20);
    QCOMPARE(int(s.models.size()), 1);
    QCOMPARE(s.models.front().model, u"b"_s);
    QCOMPARE(int(s.agents.size()), 1);
    QCOMPARE(s.agents.front().agent, Agent::OpenCode);
    QCOMPARE(int(s.sessions.size()), 1);
    QCOMPARE(s.activeDays, 1);
    QCOMPARE(s.days.back().tokens, 10); // the heatmap keeps the whole year
}

void TestSnapshotBuilder::streaks()
{
    const QDate today(2026, 3, 1);
    auto days = [&](std::initializer_list<int> active) {
        std::vector<DayStat> out;
        for (int back = 20; back >= 0; --back) {
            DayStat d;
            d.date = today.addDays(-back);
            for (int a : active)
                if (a == back)
                    d.messages = d.tokens = 1;
            out.push_back(d);
        }
        return out;
    };
    QCOMPARE(SnapshotBuilder::streaks(days({0, 1, 2, 5, 6, 7, 8}), today), std::pair(3, 4));
    // Today still empty: the run ending yesterday is current.
    QCOMPARE(SnapshotBuilder::streaks(days({1, 2}), today), std::pair(2, 2));
    QCOMPARE(SnapshotBuilder::streaks(days({2, 3}), today), std::pair(0, 2));
    QCOMPARE(SnapshotBuilder::streaks(days({}), today), std::pair(0, 0));
    // Across 28 Feb -> 1 Mar in a non-leap year.
    QCOMPARE(SnapshotBuilder::streaks(days({0, 1}), today), std::pair(2, 2));
}

void TestSnapshotBuilder::unpricedIsNotZero()
{
    SnapshotBuilder::Options o;
    o.today = QDate(2026, 11, 18);
    const std::vector<UsageRow> rows {row(hour(o.today, 1), u"x"_s, u"s"_s, 10, 0, 0)};
    const UsageSnapshot s = SnapshotBuilder::build(rows, o);
    QVERIFY(!s.todayTotals.cost().has_value());
    QVERIFY(UsageTotals {}.cost().has_value()); // nothing used: $0.00, not unpriced
}

void TestSnapshotBuilder::hourRangeCoversLocalDays()
{
    SnapshotBuilder::Options o;
    o.today = QDate(2026, 11, 18);
    o.historyDays = 2;
    o.timeZone = QTimeZone("Asia/Kathmandu"); // +05:45: local midnight is not a UTC hour
    const auto [from, to] = SnapshotBuilder::hourRange(o);
    QCOMPARE(from % 3600, 0);
    QCOMPARE(to % 3600, 0);
    const qint64 localStart =
        QDateTime(QDate(2026, 11, 17), QTime(0, 0), o.timeZone).toSecsSinceEpoch();
    QVERIFY(from >= localStart && from - localStart < 3600);
}

QTEST_APPLESS_MAIN(TestSnapshotBuilder)
#include "test_app_snapshotbuilder.moc"
