// AggregateSql::dayOf (the SQLite store sums days in C++) against
// dayExpression (the SQL PostgreSQL and the other queries group by), evaluated
// by SQLite itself over hours around every offset change.

#include "store/aggregatesql.h"
#include "store/database.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestAggregateSql : public QObject
{
    Q_OBJECT

private slots:
    void dayOfMatchesTheSql_data()
    {
        QTest::addColumn<QList<OffsetSpan>>("offsets");
        QTest::newRow("UTC") << QList<OffsetSpan> {};
        QTest::newRow("fixed +09:00") << QList<OffsetSpan> {{0, 9 * 3600}};
        // Los Angeles over 2026: PST, PDT from 8 March 10:00 UTC, PST from
        // 1 November 09:00 UTC.
        QTest::newRow("DST") << QList<OffsetSpan> {
            {0, -8 * 3600}, {1772964000, -7 * 3600}, {1793523600, -8 * 3600}};
        // A zone that moves back an hour at 00:00 local (1780012800 is a UTC
        // midnight), so the change hour itself belongs to the day before.
        QTest::newRow("midnight change")
            << QList<OffsetSpan> {{0, 3 * 3600}, {1780012800 - 3 * 3600, 2 * 3600}};
    }

    void dayOfMatchesTheSql()
    {
        QFETCH(QList<OffsetSpan>, offsets);
        Database db;
        QString error;
        QVERIFY2(db.open(u":memory:"_s, false, &error), qPrintable(error));
        Statement st(db, "SELECT " + AggregateSql::dayExpression(offsets, "?1"));
        QVERIFY(st.isValid());
        QList<std::int64_t> edges {1767225600, 1798761600};
        for (const OffsetSpan &s : offsets)
            edges << s.from;
        int checked = 0;
        for (const std::int64_t edge : edges) {
            for (std::int64_t hour = edge - 48 * 3600; hour <= edge + 48 * 3600; hour += 3600) {
                if (hour < 0)
                    continue;
                st.bind(1, hour);
                QVERIFY(st.step());
                QCOMPARE(AggregateSql::dayOf(offsets, hour), st.int64(0));
                st.reset();
                ++checked;
            }
        }
        QVERIFY(checked > 190);
    }
};

QTEST_GUILESS_MAIN(TestAggregateSql)
#include "test_aggregatesql.moc"
