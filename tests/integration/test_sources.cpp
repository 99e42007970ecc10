// Discovery by the agents' own environment variables, and reading OpenCode's
// database while OpenCode holds it open for writing.

#include "enginefixture.h"
#include "pricing/pricetable.h"
#include "store/database.h"
#include "store/localstore.h"
#include "testhelpers.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
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
    void openCodeReadLeavesNoFiles();
    void openCodeWriterBetweenScans();

private:
    QString copyHome(const QString &name);
    static QStringList openCodeFolder(const QString &home);

    QTemporaryDir m_dir;
    QJsonObject m_expected;
};

void TestSources::initTestCase()
{
    pinClock();
    QString error;
    QVERIFY2(TestHelpers::generateHome(m_dir.filePath(u"g"_s), {u"--seed"_s, u"4"_s}, &error),
             qPrintable(error));
    m_expected = readJson(m_dir.filePath(u"g/expected.json"_s));
}

void TestSources::environmentVariablesAndCommaLists()
{
    // Move every agent's data away from HOME's defaults.
    const QString home = copyHome(u"moved"_s);
    QVERIFY(!home.isEmpty());
    const QString alt = m_dir.filePath(u"alt"_s);
    QVERIFY(QDir().mkpath(alt + u"/xdg-data"_s));
    QVERIFY(QDir().rename(home + u"/.claude"_s, alt + u"/claude-a"_s));
    QVERIFY(QDir().mkpath(alt + u"/claude-b"_s));
    QVERIFY(QDir().rename(home + u"/.config/claude/projects"_s, alt + u"/claude-b/projects"_s));
    QVERIFY(QDir().rename(home + u"/.codex"_s, alt + u"/codex"_s));
    QVERIFY(QDir().rename(home + u"/.local/share/opencode"_s, alt + u"/xdg-data/opencode"_s));
    // The agents of issue 11, each by its own variable (docs/agents/*.md §1).
    const QHash<QString, QString> variables {{u"GEMINI_CLI_HOME"_s, alt + u"/gemini-home"_s},
                                             {u"QWEN_HOME"_s, alt + u"/qwen"_s},
                                             {u"AMP_DATA_DIR"_s, alt + u"/amp"_s},
                                             {u"FACTORY_DIR"_s, alt + u"/factory"_s},
                                             {u"KIMI_SHARE_DIR"_s, alt + u"/kimi"_s}};
    QVERIFY(QDir().mkpath(alt + u"/gemini-home"_s));
    QVERIFY(QDir().rename(home + u"/.gemini"_s, alt + u"/gemini-home/.gemini"_s));
    QVERIFY(QDir().rename(home + u"/.qwen"_s, alt + u"/qwen"_s));
    QVERIFY(QDir().rename(home + u"/.local/share/amp"_s, alt + u"/amp"_s));
    QVERIFY(QDir().rename(home + u"/.factory"_s, alt + u"/factory"_s));
    QVERIFY(QDir().rename(home + u"/.kimi"_s, alt + u"/kimi"_s));

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
    env.variables = variables;
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
    for (auto it = variables.begin(); it != variables.end(); ++it)
        pe.insert(it.key(), it.value());
    pe.remove(u"XDG_CONFIG_HOME"_s);
    p.setProcessEnvironment(pe);
    const QString db2 = m_dir.filePath(u"env-cli.db"_s);
    p.start(TestHelpers::programPath(u"tokentally"_s), {u"scan"_s, u"--db"_s, db2});
    QVERIFY(p.waitForFinished(120000));
    QCOMPARE(p.exitCode(), 0);
    QVERIFY2(reportRows(db2) == want, qPrintable(diff(want, reportRows(db2))));
}

void TestSources::openCodeDatabaseWhileItIsWritten()
{
    const QString home = copyHome(u"written"_s);
    QVERIFY(!home.isEmpty());
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
    // Only the row that was still open is new: read and added, nothing rebuilt.
    QCOMPARE(stats.rowsRead, 1);
    QCOMPARE(stats.countedDelta, 1);
    QCOMPARE(stats.filesReplaced, 0);
    QVERIFY(!stats.fullRecompute);
}

QString TestSources::copyHome(const QString &name)
{
    const QString dst = m_dir.filePath(name);
    const int rc = QProcess::execute(u"cp"_s, {u"-a"_s, m_dir.filePath(u"g/home"_s), dst});
    return rc == 0 ? dst : QString();
}

QStringList TestSources::openCodeFolder(const QString &home)
{
    return QDir(home + u"/.local/share/opencode"_s)
        .entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden, QDir::Name);
}

void TestSources::openCodeReadLeavesNoFiles()
{
    const QString home = copyHome(u"quiet"_s);
    QVERIFY(!home.isEmpty());
    const QString ocdb = home + u"/.local/share/opencode/opencode.db"_s;
    // OpenCode has quit: its last connection checkpointed and removed -wal and -shm.
    {
        Database last;
        QString error;
        QVERIFY2(last.open(ocdb, false, &error), qPrintable(error));
    }
    const QStringList before = openCodeFolder(home);
    QCOMPARE(before, (QStringList {u"opencode.db"_s, u"storage"_s}));
    const QString db = m_dir.filePath(u"quiet.db"_s);
    QString error;
    ScanStats first, second;
    QVERIFY(scan(home, db, &first, &error));
    QVERIFY(first.rowsRead > 100);
    QCOMPARE(openCodeFolder(home), before);
    // Nothing new: the database is not even opened, no row is read, nothing rebuilt.
    QVERIFY(scan(home, db, &second, &error));
    QCOMPARE(second.filesRead, 0);
    QCOMPARE(second.rowsRead, 0);
    QCOMPARE(second.countedDelta, 0);
    QVERIFY(!second.fullRecompute);
    QCOMPARE(openCodeFolder(home), before);
    QVERIFY2(reportRows(db) == expectedRows(m_expected),
             qPrintable(diff(expectedRows(m_expected), reportRows(db))));
}

void TestSources::openCodeWriterBetweenScans()
{
    const QString home = copyHome(u"live"_s);
    QVERIFY(!home.isEmpty());
    const QString ocdb = home + u"/.local/share/opencode/opencode.db"_s;
    const QString db = m_dir.filePath(u"live.db"_s);
    QString error;
    ScanStats stats;
    QVERIFY(scan(home, db, &stats, &error));
    const qint64 rowsTotal = stats.rowsRead;
    QVERIFY(rowsTotal > 100);

    // OpenCode starts and holds the database open, as it does while running.
    Database writer;
    QVERIFY2(writer.open(ocdb, false, &error), qPrintable(error));
    QVERIFY(writer.exec("PRAGMA wal_autocheckpoint=0"));
    const auto stepOk = [&](const char *sql) {
        return writer.exec(sql);
    };

    // A write that touches no message (a session title): rows listed, none parsed.
    QVERIFY(stepOk("UPDATE session SET title = title || ' (renamed)'"));
    QVERIFY(scan(home, db, &stats, &error));
    QCOMPARE(stats.rowsRead, 0);
    QCOMPARE(stats.records, 0);
    QCOMPARE(stats.countedDelta, 0);
    QVERIFY(!stats.fullRecompute);

    // One counted message grows (streaming finished): exactly that record is replaced.
    QString counted;
    {
        Statement st(writer,
                     "SELECT id FROM message WHERE json_extract(data, '$.role') = 'assistant' "
                     "AND json_extract(data, '$.tokens.output') > 0 ORDER BY id LIMIT 1");
        QVERIFY(st.step());
        counted = st.text(0);
    }
    const Numbers before = reportTotals(db);
    {
        Statement st(writer,
                     "UPDATE message SET time_updated = time_updated + 1, data = "
                     "json_set(data, '$.tokens.output', json_extract(data, '$.tokens.output') + "
                     "1000) WHERE id = ?1");
        QVERIFY(st.bind(1, counted).run());
    }
    QVERIFY(scan(home, db, &stats, &error));
    QCOMPARE(stats.rowsRead, 1);
    QCOMPARE(stats.records, 1);
    QCOMPARE(stats.countedDelta, 0);
    QCOMPARE(stats.filesReplaced, 0);
    QVERIFY(!stats.fullRecompute);
    Numbers after = reportTotals(db);
    QCOMPARE(after.messages, before.messages);
    QCOMPARE(after.output, before.output + 1000);
    QCOMPARE(after.input, before.input);

    // An aborted (zero-token) message gets tokens, and a new message arrives.
    QString aborted;
    {
        Statement st(writer,
                     "SELECT id FROM message WHERE json_extract(data, '$.role') = 'assistant' "
                     "AND json_extract(data, '$.error.name') = 'MessageAbortedError' LIMIT 1");
        QVERIFY(st.step());
        aborted = st.text(0);
    }
    {
        Statement st(writer,
                     "UPDATE message SET time_updated = time_updated + 1, data = "
                     "json_set(data, '$.tokens.input', 40, '$.tokens.output', 2) WHERE id = ?1");
        QVERIFY(st.bind(1, aborted).run());
    }
    QVERIFY(stepOk(
        R"sql(INSERT INTO message(id, session_id, time_created, time_updated, data)
        SELECT 'msg_live_new', session_id, time_created, time_created + 5,
               json_set(data, '$.tokens.input', 11, '$.tokens.output', 22)
        FROM message WHERE id = (SELECT id FROM message
                                 WHERE json_extract(data, '$.role') = 'assistant'
                                 AND json_extract(data, '$.tokens.input') > 0 LIMIT 1))sql"));
    QVERIFY(scan(home, db, &stats, &error));
    QCOMPARE(stats.rowsRead, 2);
    QCOMPARE(stats.countedDelta, 2);
    QVERIFY(!stats.fullRecompute);
    after = reportTotals(db);
    QCOMPARE(after.messages, before.messages + 2);

    // Nothing new since: nothing read.
    QVERIFY(scan(home, db, &stats, &error));
    QCOMPARE(stats.filesRead, 0);
    QCOMPARE(stats.rowsRead, 0);

    // The result is the state a fresh scan of the same files reaches, drops included.
    const QString fresh = m_dir.filePath(u"live-fresh.db"_s);
    ScanStats freshStats;
    QVERIFY(scan(home, fresh, &freshStats, &error));
    QVERIFY2(reportRows(db) == reportRows(fresh),
             qPrintable(diff(reportRows(fresh), reportRows(db))));
    LocalStore a, b;
    QVERIFY(a.open(db, &error) && b.open(fresh, &error));
    const AccountingStats accA = a.accounting(), accB = b.accounting();
    for (int i = 0; i < DropReasonCount; ++i)
        QCOMPARE(accA.drops.byReason[size_t(i)], accB.drops.byReason[size_t(i)]);
    QCOMPARE(accA.malformed.byReason, accB.malformed.byReason);
    QCOMPARE(accA.linesRead, accB.linesRead);
    QCOMPARE(accA.records, accB.records);
    QCOMPARE(accA.messages, accB.messages);

    // A deleted message keeps its history, like a deleted file.
    QVERIFY(stepOk("DELETE FROM message WHERE id = 'msg_live_new'"));
    QVERIFY(scan(home, db, &stats, &error));
    QCOMPARE(stats.countedDelta, 0);
    QCOMPARE(reportTotals(db).messages, after.messages);
}

QTEST_GUILESS_MAIN(TestSources)
#include "test_sources.moc"
