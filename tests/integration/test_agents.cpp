// The hand-written fixtures of the agents added by issue 11
// (tests/fixtures/agents/<agent>/): each HOME scanned into a fresh store must
// give exactly the rows, totals, drops and malformed counts its expected.json
// derives by hand from docs/agents/<agent>.md.

#include "enginefixture.h"
#include "store/localstore.h"
#include "testhelpers.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace EngineFixture;

namespace {

QString fixtureDir(const QString &agent)
{
    return TestHelpers::sourceDir() + u"/tests/fixtures/agents/"_s + agent;
}

bool copyTree(const QString &from, const QString &to)
{
    QDirIterator it(from, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString src = it.next();
        const QString dst = to + src.mid(from.size());
        if (!QDir().mkpath(QFileInfo(dst).path()) || !QFile::copy(src, dst))
            return false;
    }
    return true;
}

bool setMtime(const QString &path, const QString &iso)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadWrite))
        return false;
    return f.setFileTime(QDateTime::fromString(iso, Qt::ISODateWithMs),
                         QFileDevice::FileModificationTime);
}

// Every drop reason the expected file names must match, every other one be zero.
QString compareDrops(const DropCounts &actual, const QJsonObject &expected)
{
    QString out;
    for (int i = 0; i < DropReasonCount; ++i) {
        const QString id = dropReasonId(DropReason(i));
        const qint64 want = expected.value(id).toInteger();
        if (actual.byReason[size_t(i)] != want)
            out += u"%1: expected %2, got %3\n"_s.arg(id).arg(want).arg(actual.byReason[size_t(i)]);
    }
    return out;
}

} // namespace

class TestAgents : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { pinClock(); }
    void fixture_data();
    void fixture();
    void rescanChangesNothing_data() { fixture_data(); }
    void rescanChangesNothing();
    void droidReplay();

private:
    // Copies the fixture's HOME to \a tmp with its mtimes set; the HOME path.
    static QString prepare(const QString &agent, const QTemporaryDir &tmp, QJsonObject *expected);
};

void TestAgents::fixture_data()
{
    QTest::addColumn<QString>("agent");
    for (const char *agent : {"gemini-cli", "qwen-code", "amp", "droid", "kimi-cli"})
        QTest::newRow(agent) << QString::fromLatin1(agent);
}

QString TestAgents::prepare(const QString &agent, const QTemporaryDir &tmp, QJsonObject *expected)
{
    *expected = readJson(fixtureDir(agent) + u"/expected.json"_s);
    const QString home = tmp.filePath(u"home"_s);
    if (expected->isEmpty() || !copyTree(fixtureDir(agent) + u"/home"_s, home))
        return {};
    const QJsonObject mtimes = expected->value(u"setMtimes"_s).toObject();
    for (auto it = mtimes.begin(); it != mtimes.end(); ++it) {
        if (!setMtime(tmp.filePath(it.key()), it.value().toString()))
            return {};
    }
    return home;
}

void TestAgents::fixture()
{
    QFETCH(QString, agent);
    QTemporaryDir tmp;
    QJsonObject expected;
    const QString home = prepare(agent, tmp, &expected);
    QVERIFY(!home.isEmpty());
    const QString db = tmp.filePath(u"store.sqlite"_s);
    QString error;
    QVERIFY2(scan(home, db, nullptr, &error), qPrintable(error));

    const Rows want = expectedRows(expected);
    QVERIFY(!want.isEmpty());
    const Rows got = reportRows(db);
    QVERIFY2(got == want, qPrintable(diff(want, got)));
    QCOMPARE(reportTotals(db), numbersOf(expected.value(u"totals"_s).toObject()));

    LocalStore store;
    QVERIFY(store.open(db, &error));
    const AccountingStats acc = store.accounting();
    const QString drops = compareDrops(acc.drops, expected.value(u"dropped"_s).toObject());
    QVERIFY2(drops.isEmpty(), qPrintable(drops));
    // A truncated line and a whole file caught mid-rewrite are both not-json.
    QCOMPARE(acc.malformed[MalformedReason::NotJson],
             expected.value(u"malformedLines"_s).toInteger() +
                 expected.value(u"malformedFiles"_s).toInteger());
    QCOMPARE(acc.malformedLines, acc.malformed[MalformedReason::NotJson]);
}

void TestAgents::rescanChangesNothing()
{
    // Every file touched: append logs are checked again, whole files re-read
    // (Droid from its booked state): nothing may be counted twice.
    QFETCH(QString, agent);
    QTemporaryDir tmp;
    QJsonObject expected;
    const QString home = prepare(agent, tmp, &expected);
    QVERIFY(!home.isEmpty());
    const QString db = tmp.filePath(u"store.sqlite"_s);
    QString error;
    QVERIFY2(scan(home, db, nullptr, &error), qPrintable(error));
    const Rows first = reportRows(db);
    QDirIterator it(home, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QDateTime m = it.fileInfo().lastModified();
        QVERIFY(setMtime(path, m.addSecs(1).toUTC().toString(Qt::ISODateWithMs)));
    }
    ScanStats stats;
    QVERIFY2(scan(home, db, &stats, &error), qPrintable(error));
    QVERIFY(stats.filesRead > 0);
    const Rows second = reportRows(db);
    QVERIFY2(second == first, qPrintable(diff(first, second)));
    QCOMPARE(second, expectedRows(expected));
}

void TestAgents::droidReplay()
{
    // Four snapshots of one session's counters, scanned one after the other
    // into the same store: deltas, a regression that counts nothing, a new day.
    const QJsonObject expected = readJson(fixtureDir(u"droid"_s) + u"/expected.json"_s);
    const QJsonObject replay = expected.value(u"replay"_s).toObject();
    const QJsonArray steps = replay.value(u"steps"_s).toArray();
    QCOMPARE(steps.size(), 4);
    QTemporaryDir tmp;
    const QString target = tmp.filePath(replay.value(u"target"_s).toString());
    QVERIFY(QDir().mkpath(QFileInfo(target).path()));
    const QString db = tmp.filePath(u"store.sqlite"_s);
    for (const QJsonValue &v : steps) {
        const QJsonObject step = v.toObject();
        QFile::remove(target);
        QVERIFY(
            QFile::copy(fixtureDir(u"droid"_s) + u'/' + step.value(u"file"_s).toString(), target));
        QVERIFY(setMtime(target, step.value(u"mtime"_s).toString()));
        QString error;
        QVERIFY2(scan(tmp.filePath(u"home"_s), db, nullptr, &error), qPrintable(error));
        const Rows want = expectedRows(step);
        const Rows got = reportRows(db);
        QVERIFY2(got == want,
                 qPrintable(step.value(u"file"_s).toString() + u'\n' + diff(want, got)));
        LocalStore store;
        QVERIFY(store.open(db, &error));
        const QString drops =
            compareDrops(store.accounting().drops, step.value(u"dropped"_s).toObject());
        QVERIFY2(drops.isEmpty(), qPrintable(step.value(u"file"_s).toString() + u'\n' + drops));
    }
}

QTEST_GUILESS_MAIN(TestAgents)
#include "test_agents.moc"
