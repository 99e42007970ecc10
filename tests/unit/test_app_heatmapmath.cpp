// The year heatmap's calendar and intensity arithmetic (app/models/heatmapmath).
#include "models/heatmapmath.h"

#include <QTest>

class TestHeatmapMath : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void gridEndsInLastColumn_data();
    void gridEndsInLastColumn();
    void leapYear();
    void roundTrip();
    void localDateFollowsZone_data();
    void localDateFollowsZone();
    void quartiles_data();
    void quartiles();
    void levels();
    void monthStarts();
};

void TestHeatmapMath::gridEndsInLastColumn_data()
{
    QTest::addColumn<QDate>("end");
    QTest::addColumn<int>("firstDay");
    QTest::addColumn<QDate>("start");
    QTest::addColumn<int>("endRow");
    // 2026-11-18 is a Wednesday.
    QTest::addRow("monday-week") << QDate(2026, 11, 18) << int(Qt::Monday) << QDate(2025, 11, 17)
                                 << 2;
    QTest::addRow("sunday-week") << QDate(2026, 11, 18) << int(Qt::Sunday) << QDate(2025, 11, 16)
                                 << 3;
    QTest::addRow("saturday-week")
        << QDate(2026, 11, 18) << int(Qt::Saturday) << QDate(2025, 11, 15) << 4;
    // The end is itself the first day of a week: it opens the last column.
    QTest::addRow("end-on-week-start")
        << QDate(2026, 11, 16) << int(Qt::Monday) << QDate(2025, 11, 17) << 0;
}

void TestHeatmapMath::gridEndsInLastColumn()
{
    QFETCH(QDate, end);
    QFETCH(int, firstDay);
    QFETCH(QDate, start);
    QFETCH(int, endRow);
    const auto g = HeatmapMath::yearGrid(end, Qt::DayOfWeek(firstDay));
    QCOMPARE(g.weeks, 53);
    QCOMPARE(g.start, start);
    QCOMPARE(g.start.dayOfWeek(), firstDay);
    QCOMPARE(g.columnOf(end), 52);
    QCOMPARE(g.rowOf(end), endRow);
    QVERIFY(g.contains(end));
    QVERIFY(!g.contains(end.addDays(1)));
    QVERIFY(!g.contains(start.addDays(-1)));
}

void TestHeatmapMath::leapYear()
{
    // 2028 is a leap year; 29 Feb is a Tuesday and must get its own cell.
    const auto g = HeatmapMath::yearGrid(QDate(2028, 3, 5), Qt::Monday);
    const QDate feb29(2028, 2, 29);
    QVERIFY(g.contains(feb29));
    QCOMPARE(g.rowOf(feb29), 1);
    QCOMPARE(g.columnOf(QDate(2028, 3, 1)), g.columnOf(feb29));
    QCOMPARE(g.dateAt(g.columnOf(feb29), g.rowOf(feb29)), feb29);
    // 2100 is not a leap year: 28 Feb is followed by 1 Mar in the next row.
    const auto g2 = HeatmapMath::yearGrid(QDate(2100, 3, 10), Qt::Monday);
    const QDate feb28(2100, 2, 28); // a Sunday
    QCOMPARE(g2.rowOf(feb28), 6);
    QCOMPARE(g2.rowOf(QDate(2100, 3, 1)), 0);
    QCOMPARE(g2.columnOf(QDate(2100, 3, 1)), g2.columnOf(feb28) + 1);
}

void TestHeatmapMath::roundTrip()
{
    for (int fd = 1; fd <= 7; ++fd) {
        const auto g = HeatmapMath::yearGrid(QDate(2027, 1, 3), Qt::DayOfWeek(fd));
        for (QDate d = g.start; d <= g.end; d = d.addDays(1)) {
            const int c = g.columnOf(d);
            const int r = g.rowOf(d);
            QVERIFY(c >= 0 && c < g.weeks);
            QVERIFY(r >= 0 && r < 7);
            QCOMPARE(g.dateAt(c, r), d);
        }
    }
}

void TestHeatmapMath::localDateFollowsZone_data()
{
    QTest::addColumn<qint64>("utc");
    QTest::addColumn<QByteArray>("zone");
    QTest::addColumn<QDate>("day");
    const qint64 t =
        QDateTime(QDate(2026, 11, 18), QTime(23, 30), QTimeZone::utc()).toSecsSinceEpoch();
    QTest::addRow("utc") << t << QByteArray("UTC") << QDate(2026, 11, 18);
    QTest::addRow("tokyo-next-day") << t << QByteArray("Asia/Tokyo") << QDate(2026, 11, 19);
    QTest::addRow("los-angeles") << t << QByteArray("America/Los_Angeles") << QDate(2026, 11, 18);
    const qint64 early =
        QDateTime(QDate(2026, 11, 18), QTime(3, 0), QTimeZone::utc()).toSecsSinceEpoch();
    QTest::addRow("los-angeles-previous-day")
        << early << QByteArray("America/Los_Angeles") << QDate(2026, 11, 17);
    QTest::addRow("kathmandu-offset")
        << early << QByteArray("Asia/Kathmandu") << QDate(2026, 11, 18);
}

void TestHeatmapMath::localDateFollowsZone()
{
    QFETCH(qint64, utc);
    QFETCH(QByteArray, zone);
    QFETCH(QDate, day);
    const QTimeZone tz(zone);
    QVERIFY(tz.isValid());
    QCOMPARE(HeatmapMath::localDate(utc, tz), day);
}

void TestHeatmapMath::quartiles_data()
{
    QTest::addColumn<std::vector<std::int64_t>>("values");
    QTest::addColumn<std::vector<std::int64_t>>("expected");
    QTest::addRow("empty") << std::vector<std::int64_t> {} << std::vector<std::int64_t> {};
    QTest::addRow("zeros-ignored")
        << std::vector<std::int64_t> {0, 0, 0} << std::vector<std::int64_t> {};
    QTest::addRow("one") << std::vector<std::int64_t> {0, 5} << std::vector<std::int64_t> {5, 5, 5};
    QTest::addRow("eight") << std::vector<std::int64_t> {8, 1, 7, 2, 6, 3, 5, 4, 0, 0}
                           << std::vector<std::int64_t> {2, 4, 6};
    QTest::addRow("five") << std::vector<std::int64_t> {10, 20, 30, 40, 50}
                          << std::vector<std::int64_t> {20, 30, 40};
}

void TestHeatmapMath::quartiles()
{
    QFETCH(std::vector<std::int64_t>, values);
    QFETCH(std::vector<std::int64_t>, expected);
    QCOMPARE(HeatmapMath::quartileThresholds(values), expected);
}

void TestHeatmapMath::levels()
{
    const std::vector<std::int64_t> values {8, 1, 7, 2, 6, 3, 5, 4};
    const auto t = HeatmapMath::quartileThresholds(values);
    QCOMPARE(HeatmapMath::level(0, t), 0);
    QCOMPARE(HeatmapMath::level(-3, t), 0);
    QCOMPARE(HeatmapMath::level(1, t), 1);
    QCOMPARE(HeatmapMath::level(2, t), 1);
    QCOMPARE(HeatmapMath::level(3, t), 2);
    QCOMPARE(HeatmapMath::level(5, t), 3);
    QCOMPARE(HeatmapMath::level(8, t), 4);
    QCOMPARE(HeatmapMath::level(1'000'000, t), 4);
    // Each quartile holds a quarter of the non-empty days.
    std::array<int, 5> counts {};
    for (auto v : values)
        ++counts[size_t(HeatmapMath::level(v, t))];
    QCOMPARE(counts, (std::array<int, 5> {0, 2, 2, 2, 2}));
    // All days equal: every non-empty day is the lowest level, not the highest.
    const auto same = HeatmapMath::quartileThresholds({7, 7, 7});
    QCOMPARE(HeatmapMath::level(7, same), 1);
}

void TestHeatmapMath::monthStarts()
{
    const auto g = HeatmapMath::yearGrid(QDate(2026, 11, 18), Qt::Monday);
    const auto starts = HeatmapMath::monthStarts(g);
    QCOMPARE(int(starts.size()), 12); // Dec 2025 .. Nov 2026
    QCOMPARE(starts.front().second, QDate(2025, 12, 1));
    QCOMPARE(starts.back().second, QDate(2026, 11, 1));
    for (const auto &[col, date] : starts)
        QCOMPARE(col, g.columnOf(date));
}

QTEST_APPLESS_MAIN(TestHeatmapMath)
#include "test_app_heatmapmath.moc"
