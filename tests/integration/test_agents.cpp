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
    void appendedInTwoParts_data();
    void appendedInTwoParts();
    void kimiMirrorWithoutId();
    void wholeFileMidRewriteKeepsItsCount_data();
    void wholeFileMidRewriteKeepsItsCount();

private:
    // Copies the fixture's HOME to \a tmp with its mtimes set; the HOME path.
    static QString prepare(const QString &agent, const QTemporaryDir &tmp, QJsonObject *expected);
    //! prepare(), then one scan into a new store in \a tmp: the store's path, or
    //! empty with \a error.
    static QString prepareAndScan(const QString &agent, const QTemporaryDir &tmp,
                                  QJsonObject *expected, QString *home, QString *error);
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

QString TestAgents::prepareAndScan(const QString &agent, const QTemporaryDir &tmp,
                                   QJsonObject *expected, QString *home, QString *error)
{
    *home = prepare(agent, tmp, expected);
    const QString db = tmp.filePath(u"store.sqlite"_s);
    if (home->isEmpty()) {
        *error = u"cannot copy the fixture"_s;
        return {};
    }
    return scan(*home, db, nullptr, error) ? db : QString();
}

void TestAgents::fixture()
{
    QFETCH(QString, agent);
    QTemporaryDir tmp;
    QJsonObject expected;
    QString home, error;
    const QString db = prepareAndScan(agent, tmp, &expected, &home, &error);
    QVERIFY2(!db.isEmpty(), qPrintable(error));

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
    QString home, error;
    const QString db = prepareAndScan(agent, tmp, &expected, &home, &error);
    QVERIFY2(!db.isEmpty(), qPrintable(error));
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

void TestAgents::appendedInTwoParts_data()
{
    // The agents whose usage files are appended to (Amp and Droid rewrite whole
    // files: rescanChangesNothing covers them).
    QTest::addColumn<QString>("agent");
    for (const char *agent : {"gemini-cli", "qwen-code", "kimi-cli"})
        QTest::newRow(agent) << QString::fromLatin1(agent);
}

void TestAgents::appendedInTwoParts()
{
    // Every append log cut in the middle of a line, scanned, then completed and
    // scanned again: the half line waits, the rest resumes from the cursor and
    // its state (Gemini's session), and the totals are a fresh scan's.
    QFETCH(QString, agent);
    QTemporaryDir tmp;
    QJsonObject expected;
    const QString home = prepare(agent, tmp, &expected);
    QVERIFY(!home.isEmpty());
    QHash<QString, QByteArray> rest;
    QDirIterator it(home, {u"*.jsonl"_s}, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QByteArray all = TestHelpers::readFile(path);
        // Cut at 60%, never just after a newline: a half-written line.
        qsizetype cut = all.size() * 3 / 5;
        while (cut > 0 && all.at(cut - 1) == '\n')
            --cut;
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QCOMPARE(f.write(all.left(cut)), cut);
        rest.insert(path, all.mid(cut));
    }
    QVERIFY(!rest.isEmpty());
    const QString db = tmp.filePath(u"store.sqlite"_s);
    QString error;
    QVERIFY2(scan(home, db, nullptr, &error), qPrintable(error));
    QVERIFY(reportRows(db) != expectedRows(expected));
    {
        LocalStore store;
        QVERIFY(store.open(db, &error));
        QVERIFY(store.accounting().pendingBytes > 0);
    }
    for (auto r = rest.begin(); r != rest.end(); ++r) {
        QFile f(r.key());
        QVERIFY(f.open(QIODevice::Append));
        QCOMPARE(f.write(r.value()), r.value().size());
    }
    ScanStats stats;
    QVERIFY2(scan(home, db, &stats, &error), qPrintable(error));
    QCOMPARE(stats.filesReplaced, 0);
    const Rows want = expectedRows(expected);
    const Rows got = reportRows(db);
    QVERIFY2(got == want, qPrintable(diff(want, got)));
    LocalStore store;
    QVERIFY(store.open(db, &error));
    const AccountingStats acc = store.accounting();
    QCOMPARE(acc.pendingBytes, 0);
    const QString drops = compareDrops(acc.drops, expected.value(u"dropped"_s).toObject());
    QVERIFY2(drops.isEmpty(), qPrintable(drops));
}

void TestAgents::kimiMirrorWithoutId()
{
    // A sub-agent step without a message_id: its mirror in the parent's wire
    // cannot meet it by key, yet counts once while the sub-agent's wire exists.
    QTemporaryDir tmp;
    const QString share = tmp.filePath(u"home/.kimi"_s);
    const QString session = share +
        u"/sessions/0123456789abcdef0123456789abcdef/"
        "a1b2c3d4-0000-4000-8000-000000000001"_s;
    QVERIFY(QDir().mkpath(session + u"/subagents/ag1"_s));
    auto write = [](const QString &path, const QByteArray &data) {
        QFile f(path);
        return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
    };
    QVERIFY(write(share + u"/config.toml"_s,
                  "default_model = \"main\"\n[models.main]\nmodel = \"kimi-k2-0905-preview\"\n"));
    const QByteArray usage = R"({"input_other": 100, "output": 20, "input_cache_read": 300, )"
                             R"("input_cache_creation": 0})";
    QVERIFY(write(session + u"/subagents/ag1/wire.jsonl"_s,
                  R"({"timestamp": 1781085630.5, "message": {"type": "StatusUpdate", "payload": )"
                  R"({"token_usage": )" +
                      usage +
                      R"(, "message_id": null}}})"
                      "\n"));
    QVERIFY(write(session + u"/wire.jsonl"_s,
                  R"({"timestamp": 1781085631.25, "message": {"type": "SubagentEvent", )"
                  R"("payload": {"agent_id": "ag1", "event": {"type": "StatusUpdate", "payload": )"
                  R"({"token_usage": )" +
                      usage +
                      R"(, "message_id": null}}}}})"
                      "\n"));
    const QString db = tmp.filePath(u"store.sqlite"_s);
    QString error;
    QVERIFY2(scan(tmp.filePath(u"home"_s), db, nullptr, &error), qPrintable(error));
    const Numbers totals = reportTotals(db);
    QCOMPARE(totals.total, 420);
    QCOMPARE(totals.messages, 1);
    LocalStore store;
    QVERIFY(store.open(db, &error));
    QCOMPARE(store.accounting().drops[DropReason::KimiSubagentMirror], 1);

    // Without the sub-agent's own wire, the mirror is all there is: it counts.
    QVERIFY(QFile::remove(session + u"/subagents/ag1/wire.jsonl"_s));
    const QString db2 = tmp.filePath(u"store2.sqlite"_s);
    QVERIFY2(scan(tmp.filePath(u"home"_s), db2, nullptr, &error), qPrintable(error));
    QCOMPARE(reportTotals(db2).total, 420);
}

void TestAgents::wholeFileMidRewriteKeepsItsCount_data()
{
    QTest::addColumn<QString>("agent");
    QTest::addColumn<QString>("file"); // below the fixture's home
    QTest::newRow("amp")
        << u"amp"_s << u".local/share/amp/threads/T-1f2e3d4c-5b6a-4798-8a9b-0c1d2e3f4a5b.json"_s;
    QTest::newRow("gemini-cli")
        << u"gemini-cli"_s
        << u".gemini/tmp/c42d1eeb22f7cc6f461702db41f3e65ade377f4d4ff27c52f3824cbad3234f3e/chats/"
           "session-2026-03-02T09-15-3f9c2a10.json"_s;
    QTest::newRow("droid") << u"droid"_s
                           << u".factory/sessions/-home-dev-shop/"
                              "8d1f3a5b-2c4e-4f60-8a1b-3c5d7e9f0a2b.settings.json"_s;
}

void TestAgents::wholeFileMidRewriteKeepsItsCount()
{
    // A file rewritten in place is caught half written: what it counted stays
    // (nothing malformed is booked for it), and its next good write is read.
    QFETCH(QString, agent);
    QFETCH(QString, file);
    QTemporaryDir tmp;
    QJsonObject expected;
    QString home, error;
    const QString db = prepareAndScan(agent, tmp, &expected, &home, &error);
    QVERIFY2(!db.isEmpty(), qPrintable(error));
    const Rows want = expectedRows(expected);
    QCOMPARE(reportRows(db), want);
    const QString path = home + u'/' + file;
    const QByteArray whole = TestHelpers::readFile(path);
    QVERIFY(whole.size() > 100);
    const QDateTime mtime = QFileInfo(path).lastModified();
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QVERIFY(f.write(whole.left(whole.size() / 2)) > 0);
    }
    QVERIFY(setMtime(path, mtime.addSecs(1).toUTC().toString(Qt::ISODateWithMs)));
    QVERIFY2(scan(home, db, nullptr, &error), qPrintable(error));
    QVERIFY2(reportRows(db) == want, qPrintable(diff(want, reportRows(db))));
    {
        LocalStore store;
        QVERIFY(store.open(db, &error));
        QCOMPARE(store.accounting().malformed[MalformedReason::NotJson],
                 expected.value(u"malformedLines"_s).toInteger() +
                     expected.value(u"malformedFiles"_s).toInteger());
    }
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QCOMPARE(f.write(whole), whole.size());
    }
    QVERIFY(setMtime(path, mtime.addSecs(2).toUTC().toString(Qt::ISODateWithMs)));
    ScanStats stats;
    QVERIFY2(scan(home, db, &stats, &error), qPrintable(error));
    QCOMPARE(stats.filesRead, 1);
    QVERIFY2(reportRows(db) == want, qPrintable(diff(want, reportRows(db))));
}

QTEST_GUILESS_MAIN(TestAgents)
#include "test_agents.moc"
