// SyncStatusFormat: the tray's "Last sync: 2 min ago · ok" line and its
// tooltip details, for every state the sync worker publishes.
#include "models/syncstatusformat.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {

constexpr std::int64_t Now = 1'800'000'000'000;

SyncStatus signedIn()
{
    SyncStatus s;
    s.loaded = true;
    s.signedIn = true;
    s.username = u"ann"_s;
    s.server = u"https://board.example.org"_s;
    return s;
}

} // namespace

class TestSyncStatusFormat : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ago_data();
    void ago();
    void in_data();
    void in();
    void lastSyncLine_data();
    void lastSyncLine();
    void details();
};

void TestSyncStatusFormat::ago_data()
{
    QTest::addColumn<qint64>("secondsAgo");
    QTest::addColumn<QString>("expected");
    QTest::addRow("now") << qint64(0) << u"just now"_s;
    QTest::addRow("59 s") << qint64(59) << u"just now"_s;
    QTest::addRow("2 min") << qint64(125) << u"2 min ago"_s;
    QTest::addRow("59 min") << qint64(3599) << u"59 min ago"_s;
    QTest::addRow("3 h") << qint64(3 * 3600 + 100) << u"3 h ago"_s;
    QTest::addRow("1 day") << qint64(86400) << u"1 day(s) ago"_s;
    QTest::addRow("clock skew") << qint64(-30) << u"just now"_s;
}

void TestSyncStatusFormat::ago()
{
    QFETCH(qint64, secondsAgo);
    QFETCH(QString, expected);
    // No catalogue is loaded: English plural forms are the source text's.
    QString got = SyncStatusFormat::ago(Now - secondsAgo * 1000, Now);
    QCOMPARE(got, expected);
}

void TestSyncStatusFormat::in_data()
{
    QTest::addColumn<qint64>("ms");
    QTest::addColumn<QString>("expected");
    QTest::addRow("moment") << qint64(0) << u"in 1 s"_s;
    QTest::addRow("20 s") << qint64(19'500) << u"in 20 s"_s;
    QTest::addRow("a minute and a bit") << qint64(61'000) << u"in 2 min"_s;
    QTest::addRow("two hours") << qint64(7'200'000) << u"in 2 h"_s;
}

void TestSyncStatusFormat::in()
{
    QFETCH(qint64, ms);
    QFETCH(QString, expected);
    QCOMPARE(SyncStatusFormat::in(ms), expected);
}

void TestSyncStatusFormat::lastSyncLine_data()
{
    QTest::addColumn<SyncStatus>("status");
    QTest::addColumn<QString>("expected");
    SyncStatus s;
    s.loaded = true;
    QTest::addRow("not signed in") << s << u"Sync: not signed in"_s;
    s = signedIn();
    QTest::addRow("never") << s << u"Last sync: never"_s;
    s.lastAttemptMs = Now - 120'000;
    s.lastResult = u"sent"_s;
    QTest::addRow("ok") << s << u"Last sync: 2 min ago · ok"_s;
    s.lastResult = u"nothing to send"_s;
    QTest::addRow("nothing to send is ok") << s << u"Last sync: 2 min ago · ok"_s;
    s.lastResult = u"offline"_s;
    s.nextAttemptMs = Now + 45'000;
    QTest::addRow("offline, retry") << s << u"Last sync: 2 min ago · offline · retry in 45 s"_s;
    s.lastResult = u"rate limited"_s;
    s.nextAttemptMs = 0;
    QTest::addRow("rate limited, nothing planned") << s << u"Last sync: 2 min ago · rate limited"_s;
    s.activity = SyncStatus::Activity::Submitting;
    QTest::addRow("submitting") << s << u"Syncing…"_s;
    s.activity = SyncStatus::Activity::Idle;
    s.signedOut = true;
    QTest::addRow("signed out") << s << u"Sync: signed out by the server"_s;
    s = SyncStatus();
    s.loaded = true;
    s.storeError = u"disk full"_s;
    QTest::addRow("store error") << s << u"Sync unavailable: the local store cannot be opened"_s;
}

void TestSyncStatusFormat::lastSyncLine()
{
    QFETCH(SyncStatus, status);
    QFETCH(QString, expected);
    QCOMPARE(SyncStatusFormat::lastSyncLine(status, Now), expected);
}

void TestSyncStatusFormat::details()
{
    SyncStatus s = signedIn();
    QVERIFY(SyncStatusFormat::details(s).isEmpty());
    s.lastResult = u"server error"_s;
    s.lastError = u"HTTP 502"_s;
    s.pendingDays = 3;
    s.rowsNotSent = 1;
    QCOMPARE(SyncStatusFormat::details(s),
             (QStringList {u"HTTP 502"_s, u"3 day(s) waiting to be sent"_s,
                           u"1 hourly row(s) not sent (see What left this machine)"_s}));
    // A successful submit's old error is not repeated.
    s.lastResult = u"sent"_s;
    s.pendingDays = 0;
    s.rowsNotSent = 0;
    QVERIFY(SyncStatusFormat::details(s).isEmpty());
    s.signedOut = true;
    s.paused = true;
    QCOMPARE(SyncStatusFormat::details(s),
             (QStringList {u"The server no longer accepts this sign-in: sign in again."_s,
                           u"Auto-submit is paused until you submit by hand or sign in again."_s}));
}

QTEST_GUILESS_MAIN(TestSyncStatusFormat)
#include "test_app_syncstatusformat.moc"
