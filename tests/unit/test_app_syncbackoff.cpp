// SyncBackoff: exponential backoff with "equal jitter", the cap, and
// Retry-After as a floor. The random source is pinned at both ends.
#include "sync/syncbackoff.h"

#include <QTest>

class TestSyncBackoff : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void delays_data();
    void delays();
    void spreadsBetweenHalfAndFull();
    void defaultRandomStaysInRange();
};

void TestSyncBackoff::delays_data()
{
    QTest::addColumn<int>("failures");
    QTest::addColumn<int>("retryAfter");
    QTest::addColumn<double>("random");
    QTest::addColumn<qint64>("expected");
    // Base 30 s, cap 30 min: backoffs 30 s, 60 s, 120 s, ... 1920 s capped at 1800 s.
    QTest::addRow("first, low") << 1 << -1 << 0.0 << qint64(15'000);
    QTest::addRow("first, high") << 1 << -1 << 1.0 << qint64(30'000);
    QTest::addRow("second, low") << 2 << -1 << 0.0 << qint64(30'000);
    QTest::addRow("third, middle") << 3 << -1 << 0.5 << qint64(90'000);
    QTest::addRow("sixth, low") << 6 << -1 << 0.0 << qint64(480'000);
    QTest::addRow("seventh, capped high") << 7 << -1 << 1.0 << qint64(1'800'000);
    QTest::addRow("hundredth, capped low") << 100 << -1 << 0.0 << qint64(900'000);
    QTest::addRow("zero failures as one") << 0 << -1 << 0.0 << qint64(15'000);
    // Retry-After is a floor, plus up to 10% so that limited clients spread out.
    QTest::addRow("retry-after, low") << 1 << 120 << 0.0 << qint64(120'000);
    QTest::addRow("retry-after, high") << 5 << 120 << 1.0 << qint64(132'000);
    QTest::addRow("retry-after 0") << 1 << 0 << 1.0 << qint64(100);
}

void TestSyncBackoff::delays()
{
    QFETCH(int, failures);
    QFETCH(int, retryAfter);
    QFETCH(double, random);
    QFETCH(qint64, expected);
    const SyncBackoff backoff(30'000, 30 * 60'000, [random] { return random; });
    QCOMPARE(backoff.delayMs(failures, retryAfter), expected);
}

void TestSyncBackoff::spreadsBetweenHalfAndFull()
{
    double r = 0;
    const SyncBackoff backoff(1000, 8000, [&r] { return r; });
    for (r = 0; r < 1; r += 0.125) {
        const qint64 d = backoff.delayMs(2);
        QVERIFY(d >= 1000 && d <= 2000);
    }
    // Different draws, different delays: clients that failed together spread out.
    r = 0.1;
    const qint64 a = backoff.delayMs(3);
    r = 0.9;
    QVERIFY(backoff.delayMs(3) > a);
}

void TestSyncBackoff::defaultRandomStaysInRange()
{
    const SyncBackoff backoff(1000, 60'000);
    for (int i = 0; i < 200; ++i) {
        const qint64 d = backoff.delayMs(4);
        QVERIFY2(d >= 4000 && d <= 8000, qPrintable(QString::number(d)));
    }
}

QTEST_APPLESS_MAIN(TestSyncBackoff)
#include "test_app_syncbackoff.moc"
