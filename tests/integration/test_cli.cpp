// The headless CLI as users run it: options of DESIGN.md §3, exit codes and
// clear errors for bad input, no display needed.

#include "enginefixture.h"
#include "report/reportformatter.h"
#include "store/localstore.h"
#include "testhelpers.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void helpNeedsNoDisplay();
    void scanJson();
    void reportOptionsMatchTheLibrary_data();
    void reportOptionsMatchTheLibrary();
    void csvAndTable();
    void badInputGetsClearErrors_data();
    void badInputGetsClearErrors();
    void extraDataDir();

private:
    using Run = TestHelpers::Run;
    Run run(const QStringList &args, const QString &home = {});

    QTemporaryDir m_dir;
    QString m_home, m_db;
};

TestCli::Run TestCli::run(const QStringList &args, const QString &home)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"HOME"_s, home.isEmpty() ? m_home : home);
    for (const QString &v :
         {u"CLAUDE_CONFIG_DIR"_s, u"CODEX_HOME"_s, u"XDG_DATA_HOME"_s, u"XDG_CONFIG_HOME"_s,
          u"DISPLAY"_s, u"WAYLAND_DISPLAY"_s, u"QT_QPA_PLATFORM"_s})
        env.remove(v);
    return TestHelpers::run(TestHelpers::programPath(u"tokentally"_s), args, env);
}

void TestCli::initTestCase()
{
    QString error;
    QVERIFY2(TestHelpers::generateHome(m_dir.filePath(u"g"_s), {u"--seed"_s, u"2"_s}, &error),
             qPrintable(error));
    m_home = m_dir.filePath(u"g/home"_s);
    m_db = m_dir.filePath(u"cli.db"_s);
}

void TestCli::helpNeedsNoDisplay()
{
    const Run r = run({u"--help"_s});
    QCOMPARE(r.code, 0);
    for (const char *word : {"scan", "report", "--db", "--data-dir"})
        QVERIFY2(r.out.contains(word), word);
    // Each command lists its own options.
    const Run report = run({u"report"_s, u"--help"_s});
    QCOMPARE(report.code, 0);
    for (const char *word : {"--since", "--until", "--agent", "--timezone", "--breakdown", "--json",
                             "--csv", "--no-scan", "--db", "--data-dir"})
        QVERIFY2(report.out.contains(word), word);
    QVERIFY(!report.out.contains("--dry-run"));
    QCOMPARE(run({u"--version"_s}).code, 0);
}

void TestCli::scanJson()
{
    const Run r = run({u"scan"_s, u"--json"_s, u"--db"_s, m_db});
    QCOMPARE(r.code, 0);
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    const QJsonObject scan = o.value(u"scan"_s).toObject();
    const QJsonObject store = o.value(u"store"_s).toObject();
    QVERIFY(scan.value(u"bytesRead"_s).toInteger() > 1000000);
    QVERIFY(scan.value(u"filesRead"_s).toInt() > 10);
    const QJsonObject expected = EngineFixture::readJson(m_dir.filePath(u"g/expected.json"_s));
    QCOMPARE(store.value(u"messages"_s).toInteger(),
             expected.value(u"totals"_s).toObject().value(u"messages"_s).toInteger());
    QCOMPARE(store.value(u"dropped"_s).toObject(), expected.value(u"dropped"_s).toObject());
    QCOMPARE(store.value(u"malformedLines"_s).toInteger(),
             expected.value(u"malformedLines"_s).toInteger());
    QCOMPARE(store.value(u"malformed"_s).toObject(), expected.value(u"malformed"_s).toObject());
    // Nothing new: the next scan reads nothing.
    const Run again = run({u"scan"_s, u"--json"_s, u"--db"_s, m_db});
    QCOMPARE(QJsonDocument::fromJson(again.out)
                 .object()
                 .value(u"scan"_s)
                 .toObject()
                 .value(u"bytesRead"_s)
                 .toInteger(),
             0);
}

void TestCli::reportOptionsMatchTheLibrary_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("since");
    QTest::addColumn<QString>("until");
    QTest::addColumn<QString>("agent");
    QTest::addColumn<QString>("zone");
    QTest::addColumn<bool>("breakdown");
    QTest::addRow("daily, range, tokyo")
        << QStringList {u"daily"_s,    u"--since"_s,    u"2026-10-05"_s, u"--until"_s,
                        u"20261012"_s, u"--timezone"_s, u"Asia/Tokyo"_s}
        << int(ReportKind::Daily) << u"2026-10-05"_s << u"2026-10-12"_s << QString()
        << u"Asia/Tokyo"_s << false;
    QTest::addRow("weekly codex breakdown")
        << QStringList {u"weekly"_s,      u"--agent"_s,    u"codex"_s,
                        u"--breakdown"_s, u"--timezone"_s, u"UTC"_s}
        << int(ReportKind::Weekly) << QString() << QString() << u"codex"_s << u"UTC"_s << true;
    QTest::addRow("monthly los angeles")
        << QStringList {u"monthly"_s, u"--timezone"_s, u"America/Los_Angeles"_s}
        << int(ReportKind::Monthly) << QString() << QString() << QString()
        << u"America/Los_Angeles"_s << false;
    QTest::addRow("session opencode")
        << QStringList {u"session"_s, u"--agent"_s, u"opencode"_s, u"--timezone"_s, u"-05:00"_s}
        << int(ReportKind::Session) << QString() << QString() << u"opencode"_s << u"-05:00"_s
        << false;
    QTest::addRow("model") << QStringList {u"model"_s, u"--timezone"_s, u"UTC"_s}
                           << int(ReportKind::Model) << QString() << QString() << QString()
                           << u"UTC"_s << false;
    QTest::addRow("agent breakdown")
        << QStringList {u"agent"_s, u"--breakdown"_s, u"--timezone"_s, u"UTC"_s}
        << int(ReportKind::Agent) << QString() << QString() << QString() << u"UTC"_s << true;
}

void TestCli::reportOptionsMatchTheLibrary()
{
    QFETCH(QStringList, args);
    QFETCH(int, kind);
    QFETCH(QString, since);
    QFETCH(QString, until);
    QFETCH(QString, agent);
    QFETCH(QString, zone);
    QFETCH(bool, breakdown);
    QCOMPARE(run({u"scan"_s, u"--db"_s, m_db}).code, 0);
    const Run r = run(QStringList {u"report"_s} + args +
                      QStringList {u"--json"_s, u"--no-scan"_s, u"--db"_s, m_db});
    QCOMPARE(r.code, 0);
    const QJsonObject cli = QJsonDocument::fromJson(r.out).object();
    QVERIFY(!cli.value(u"rows"_s).toArray().isEmpty());

    ReportQuery q;
    q.kind = ReportKind(kind);
    if (!since.isEmpty())
        q.since = ReportQuery::parseDate(since);
    if (!until.isEmpty())
        q.until = ReportQuery::parseDate(until);
    if (!agent.isEmpty())
        q.agent = agentFromId(agent);
    q.timeZone = *ReportQuery::parseTimeZone(zone);
    q.breakdown = breakdown;
    LocalStore store;
    QString error;
    QVERIFY(store.open(m_db, &error));
    const QJsonObject lib =
        QJsonDocument::fromJson(ReportFormatter::json(Report::build(store, q))).object();
    QCOMPARE(cli, lib);
    for (const QJsonValue &row : cli.value(u"rows"_s).toArray()) {
        const QJsonObject o = row.toObject();
        if (!agent.isEmpty() && o.contains(u"agent"_s))
            QCOMPARE(o.value(u"agent"_s).toString(), agent);
        if (!since.isEmpty())
            QVERIFY(o.value(u"date"_s).toString() >= since &&
                    o.value(u"date"_s).toString() <= until);
        QCOMPARE(o.contains(u"model"_s), breakdown || kind == int(ReportKind::Model));
    }
}

void TestCli::csvAndTable()
{
    QCOMPARE(run({u"scan"_s, u"--db"_s, m_db}).code, 0);
    const Run csv = run(
        {u"report"_s, u"daily"_s, u"--csv"_s, u"--breakdown"_s, u"--no-scan"_s, u"--db"_s, m_db});
    QCOMPARE(csv.code, 0);
    const QList<QByteArray> lines = csv.out.trimmed().split('\n');
    QCOMPARE(lines.first(),
             QByteArray("date,agent,model,inputTokens,outputTokens,cacheReadTokens,"
                        "cacheWriteTokens,reasoningTokens,totalTokens,messages,sessions,costUSD"));
    QVERIFY(lines.size() > 10);
    for (const QByteArray &l : lines)
        QCOMPARE(l.count(','), 11);
    const Run table = run({u"report"_s, u"daily"_s, u"--no-scan"_s, u"--db"_s, m_db});
    QCOMPARE(table.code, 0);
    QVERIFY(table.out.contains("Total"));
    QVERIFY(table.out.contains("Unpriced models"));
    // What was skipped on the way in, by reason (the generator plants each class).
    const QJsonObject expected = EngineFixture::readJson(m_dir.filePath(u"g/expected.json"_s));
    const QJsonObject malformed = expected.value(u"malformed"_s).toObject();
    const QByteArray skipped = "Skipped, not counted: " +
        QByteArray::number(expected.value(u"malformedLines"_s).toInteger()) + " malformed lines";
    QVERIFY2(table.out.contains(skipped), table.out.constData());
    for (auto it = malformed.begin(); it != malformed.end(); ++it)
        QVERIFY(table.out.contains(
            QByteArray(it.key().toUtf8() + ' ' + QByteArray::number(it.value().toInteger()))));
    QVERIFY(table.out.contains("future-dated records (future-timestamp)"));
    const Run json = run({u"report"_s, u"daily"_s, u"--json"_s, u"--no-scan"_s, u"--db"_s, m_db});
    const QJsonObject s = QJsonDocument::fromJson(json.out).object().value(u"skipped"_s).toObject();
    QCOMPARE(s.value(u"malformed"_s).toObject(), malformed);
    QCOMPARE(s.value(u"futureTimestamp"_s).toInteger(),
             expected.value(u"dropped"_s).toObject().value(u"future-timestamp"_s).toInteger());
}

void TestCli::badInputGetsClearErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::addRow("unknown command")
        << QStringList {u"frobnicate"_s, u"--json"_s} << u"unknown command"_s;
    QTest::addRow("report kind") << QStringList {u"report"_s, u"hourly"_s} << u"unknown report"_s;
    QTest::addRow("missing kind") << QStringList {u"report"_s} << u"report needs one of"_s;
    QTest::addRow("bad date") << QStringList {u"report"_s, u"daily"_s, u"--since"_s,
                                              u"2026-13-40"_s}
                              << u"bad date"_s;
    QTest::addRow("bad agent") << QStringList {u"report"_s, u"daily"_s, u"--agent"_s, u"cursor"_s}
                               << u"unknown agent"_s;
    QTest::addRow("bad zone") << QStringList {u"report"_s, u"daily"_s, u"--timezone"_s,
                                              u"Mars/Olympus"_s}
                              << u"unknown time zone"_s;
    QTest::addRow("bad data dir") << QStringList {u"scan"_s, u"--data-dir"_s, u"nowhere"_s}
                                  << u"AGENT=PATH"_s;
    QTest::addRow("unknown option")
        << QStringList {u"scan"_s, u"--frobnicate"_s} << u"frobnicate"_s;
}

void TestCli::badInputGetsClearErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const Run r = run(args + QStringList {u"--db"_s, m_dir.filePath(u"bad.db"_s)});
    QCOMPARE(r.code, 2);
    QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
}

void TestCli::extraDataDir()
{
    // A Claude tree outside every default place, named with --data-dir.
    const QString elsewhere = m_dir.filePath(u"elsewhere"_s);
    QVERIFY(QDir().rename(m_home + u"/.claude/projects"_s, elsewhere));
    const QString db = m_dir.filePath(u"extra.db"_s);
    const Run without = run({u"report"_s, u"agent"_s, u"--json"_s, u"--db"_s, db});
    QCOMPARE(without.code, 0);
    const Run with = run({u"report"_s, u"agent"_s, u"--json"_s, u"--data-dir"_s,
                          u"claude-code="_s + elsewhere, u"--db"_s, db});
    QCOMPARE(with.code, 0);
    QVERIFY(QDir().rename(elsewhere, m_home + u"/.claude/projects"_s));
    auto claudeMessages = [](const QByteArray &json) {
        for (const QJsonValue &v :
             QJsonDocument::fromJson(json).object().value(u"rows"_s).toArray())
            if (v.toObject().value(u"agent"_s).toString() == u"claude-code"_s)
                return v.toObject().value(u"messages"_s).toInteger();
        return qint64(0);
    };
    QVERIFY(claudeMessages(with.out) > claudeMessages(without.out));
}

QTEST_GUILESS_MAIN(TestCli)
#include "test_cli.moc"
