// Discovery by the agents' own environment variables, and reading OpenCode's
// database while OpenCode holds it open for writing.

#include "enginefixture.h"
#include "pricing/pricetable.h"
#include "store/database.h"
#include "store/localstore.h"
#include "testhelpers.h"

#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace EngineFixture;

class TestSources : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void environmentVariablesAndCommaLists();
    void openCodeDatabaseWhileItIsWritten();

private:
    QTemporaryDir m_dir;
    QJsonObject m_expected;
};

void TestSources::initTestCase()
{
    QString error;
    QVERIFY2(TestHelpers::generateHome(m_dir.filePath(u"g"_s), {u"--seed"_s, u"4"_s}, &error),
             qPrintable(error));
    m_expected = readJson(m_dir.filePath(u"g/expected.json"_s));
}

void TestSources::environmentVariablesAndCommaLists()
{
    // Move every agent's data away from HOME's defaults.
    const QString home = m_dir.filePath(u"g/home"_s);
    const QString alt = m_dir.filePath(u"alt"_s);
    QVERIFY(QDir().mkpath(alt + u"/xdg-data"_s));
    QVERIFY(QDir().rename(home + u"/.claude"_s, alt + u"/claude-a"_s));
    QVERIFY(QDir().mkpath(alt + u"/claude-b"_s));
    QVERIFY(QDir().rename(home + u"/.config/claude/projects"_s, alt + u"/claude-b/projects"_s));
    QVERIFY(QDir().rename(home + u"/.codex"_s, alt + u"/codex"_s));
    QVERIFY(QDir().rename(home + u"/.local/share/opencode"_s, alt + u"/xdg-data/opencode"_s));

    SourceEnvironment env;
    env.home = home;
    // The default locations are empty now: nothing is found.
    {
        LocalStore store;
        QString error;
        QVERIFY(store.open(m_dir.filePath(u"empty.db"_s), &error));
        Scanner scanner(store, PriceTable::bundled());
        ScanStats stats;
        QVERIFY(scanner.scan(env, &stats, &error));
        QCOMPARE(stats.filesSeen, 0);
    }
    // A comma list naming one config dir and one projects dir, as Claude Code accepts.
    env.claudeConfigDir = alt + u"/claude-a , "_s + alt + u"/claude-b/projects"_s;
    env.codexHome = alt + u"/codex"_s;
    env.xdgDataHome = alt + u"/xdg-data"_s;
    LocalStore store;
    QString error;
    const QString db = m_dir.filePath(u"env.db"_s);
    QVERIFY(store.open(db, &error));
    Scanner scanner(store, PriceTable::bundled());
    ScanStats stats;
    QVERIFY(scanner.scan(env, &stats, &error));
    const Rows want = expectedRows(m_expected);
    const Rows got = reportRows(db);
    QVERIFY2(got == want, qPrintable(diff(want, got)));

    // The same through the real binary and its environment.
    QProcess p;
    QProcessEnvironment pe = QProcessEnvironment::systemEnvironment();
    pe.insert(u"HOME"_s, home);
    pe.insert(u"CLAUDE_CONFIG_DIR"_s, env.claudeConfigDir);
    pe.insert(u"CODEX_HOME"_s, env.codexHome);
    pe.insert(u"XDG_DATA_HOME"_s, env.xdgDataHome);
    pe.remove(u"XDG_CONFIG_HOME"_s);
    p.setProcessEnvironment(pe);
    const QString db2 = m_dir.filePath(u"env-cli.db"_s);
    p.start(TestHelpers::programPath(u"tokentally"_s), {u"scan"_s, u"--db"_s, db2});
    QVERIFY(p.waitForFinished(120000));
    QCOMPARE(p.exitCode(), 0);
    QVERIFY2(reportRows(db2) == want, qPrintable(diff(want, reportRows(db2))));
    // Moved back for any later test.
    QVERIFY(QDir().rename(alt + u"/claude-a"_s, home + u"/.claude"_s));
    QVERIFY(QDir().rename(alt + u"/claude-b/projects"_s, home + u"/.config/claude/projects"_s));
    QVERIFY(QDir().rename(alt + u"/codex"_s, home + u"/.codex"_s));
    QVERIFY(QDir().rename(alt + u"/xdg-data/opencode"_s, home + u"/.local/share/opencode"_s));
}

void TestSources::openCodeDatabaseWhileItIsWritten()
{
    const QString home = m_dir.filePath(u"g/home"_s);
    const QString ocdb = home + u"/.local/share/opencode/opencode.db"_s;
    const QString db = m_dir.filePath(u"oc.db"_s);
    QString error;
    ScanStats stats;
    QVERIFY(scan(home, db, &stats, &error));
    const Numbers before = reportTotals(db);

    // OpenCode keeps its connection open: a committed row sits in the WAL
    // (not checkpointed), and another transaction is still open.
    Database writer;
    QVERIFY2(writer.open(ocdb, false, &error), qPrintable(error));
    QVERIFY(writer.exec("PRAGMA wal_autocheckpoint=0"));
    QVERIFY(writer.exec(
        R"sql(INSERT INTO message(id, session_id, time_created, time_updated, data) VALUES
        ('msg_wal_only', 'ses_wal', 1791000000000, 1791000000000,
         '{"role":"assistant","modelID":"claude-sonnet-4-5","providerID":"anthropic","time":{"created":1791000000000},"tokens":{"input":100,"output":20,"reasoning":5,"cache":{"read":1000,"write":50}}}'))sql"));
    QVERIFY(QFileInfo(ocdb + u"-wal"_s).size() > 0);
    QVERIFY(writer.exec("BEGIN IMMEDIATE"));
    QVERIFY(writer.exec(
        R"sql(INSERT INTO message(id, session_id, time_created, time_updated, data) VALUES
        ('msg_uncommitted', 'ses_wal', 1791000000000, 1791000000000,
         '{"role":"assistant","modelID":"claude-sonnet-4-5","time":{"created":1791000000000},"tokens":{"input":7,"output":7,"reasoning":0,"cache":{"read":0,"write":0}}}'))sql"));

    QElapsedTimer t;
    t.start();
    QVERIFY(scan(home, db, &stats, &error));
    QVERIFY2(t.elapsed() < 4000, "the reader waited for the writer");
    const Numbers after = reportTotals(db);
    // The committed WAL row counts; the open transaction's row does not (yet).
    QCOMPARE(after.messages, before.messages + 1);
    QCOMPARE(after.input, before.input + 100);
    QCOMPARE(after.output, before.output + 25);
    QCOMPARE(after.reasoning, before.reasoning + 5);
    QCOMPARE(after.cacheRead, before.cacheRead + 1000);

    QVERIFY(writer.exec("COMMIT"));
    writer.close();
    QVERIFY(scan(home, db, &stats, &error));
    QCOMPARE(reportTotals(db).messages, before.messages + 2);
    QVERIFY(stats.filesReplaced >= 1);
}

QTEST_GUILESS_MAIN(TestSources)
#include "test_sources.moc"
