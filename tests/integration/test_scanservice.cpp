// `tokentally scan --watch`: the store follows the agents' writes, and a report
// asks the service instead of walking every file, with exactly the numbers of a
// fresh scan, including right after an append, a new folder, a deleted file and
// an OpenCode write.

#include "enginefixture.h"
#include "store/database.h"
#include "testhelpers.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;
using namespace EngineFixture;

class TestScanService : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void reportsAskTheServiceAndStayExact();
    void oneServicePerStore();
    void otherEnvironmentScansByItself();

private:
    using Run = TestHelpers::Run;
    QProcessEnvironment environment() const;
    Run run(const QStringList &args);
    bool startService();
    Rows reportRowsOfCli(QByteArray *log = nullptr);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_home, m_db, m_runtime;
    QProcess m_service;
};

void TestScanService::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QString error;
    QVERIFY2(TestHelpers::generateHome(m_dir->filePath(u"g"_s), {u"--seed"_s, u"6"_s}, &error),
             qPrintable(error));
    m_home = m_dir->filePath(u"g/home"_s);
    m_db = m_dir->filePath(u"usage.db"_s);
    m_runtime = m_dir->filePath(u"run"_s);
    QVERIFY(QDir().mkpath(m_runtime));
    QVERIFY(
        QFile::setPermissions(m_runtime, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
}

void TestScanService::cleanup()
{
    if (m_service.state() != QProcess::NotRunning) {
        m_service.terminate();
        m_service.waitForFinished(10000);
    }
}

QProcessEnvironment TestScanService::environment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"HOME"_s, m_home);
    env.insert(u"XDG_RUNTIME_DIR"_s, m_runtime);
    env.insert(u"QT_LOGGING_RULES"_s, u"tokentally.cli.debug=true"_s);
    for (const QString &v :
         {u"CLAUDE_CONFIG_DIR"_s, u"CODEX_HOME"_s, u"XDG_DATA_HOME"_s, u"XDG_CONFIG_HOME"_s})
        env.remove(v);
    return env;
}

TestScanService::Run TestScanService::run(const QStringList &args)
{
    return TestHelpers::run(TestHelpers::programPath(u"tokentally"_s), args, environment());
}

bool TestScanService::startService()
{
    m_service.setProcessEnvironment(environment());
    m_service.start(TestHelpers::programPath(u"tokentally"_s),
                    {u"scan"_s, u"--watch"_s, u"--db"_s, m_db});
    QByteArray log;
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < 60000 && m_service.state() != QProcess::NotRunning) {
        m_service.waitForReadyRead(200);
        log += m_service.readAllStandardError();
        if (log.contains("Watching "))
            return true;
    }
    qWarning("the service did not start: %s", log.constData());
    return false;
}

Rows TestScanService::reportRowsOfCli(QByteArray *log)
{
    const Run r = run({u"report"_s, u"daily"_s, u"--breakdown"_s, u"--json"_s, u"--timezone"_s,
                       u"UTC"_s, u"--db"_s, m_db});
    if (log)
        *log = r.err;
    Rows rows;
    for (const QJsonValue &v : QJsonDocument::fromJson(r.out).object().value(u"rows"_s).toArray()) {
        const QJsonObject o = v.toObject();
        rows.insert(o.value(u"date"_s).toString() + u'|' + o.value(u"agent"_s).toString() + u'|' +
                        o.value(u"model"_s).toString(),
                    numbersOf(o));
    }
    return rows;
}

void TestScanService::reportsAskTheServiceAndStayExact()
{
    QVERIFY(startService());
    const QJsonObject expected = readJson(m_dir->filePath(u"g/expected.json"_s));
    QByteArray log;
    Rows rows = reportRowsOfCli(&log);
    QVERIFY2(rows == expectedRows(expected), qPrintable(diff(expectedRows(expected), rows)));
    QVERIFY2(log.contains("synced with the scan service"), log.constData());

    // An append shows in the very next report.
    QStringList claude;
    for (QDirIterator it(m_home + u"/.claude/projects"_s, {u"*.jsonl"_s}, QDir::Files,
                         QDirIterator::Subdirectories);
         it.hasNext();)
        claude << it.next();
    claude.sort();
    QFile f(claude.first());
    QVERIFY(f.open(QIODevice::Append));
    f.write(
        R"({"type":"assistant","sessionId":"svc","timestamp":"2026-10-07T08:00:00.000Z","requestId":"req_svc_1","message":{"id":"msg_svc_1","model":"claude-sonnet-4-5-20250929","usage":{"input_tokens":1,"cache_creation_input_tokens":2,"cache_read_input_tokens":3,"output_tokens":4}}})"
        "\n");
    f.close();
    rows = reportRowsOfCli(&log);
    QVERIFY2(log.contains("synced with the scan service"), log.constData());
    const QString key = u"2026-10-07|claude-code|claude-sonnet-4-5-20250929"_s;
    QCOMPARE(rows.value(key).messages, expectedRows(expected).value(key).messages + 1);

    // A new project folder with a new session, then a deleted file.
    const QString project = m_home + u"/.claude/projects/-work-new-project"_s;
    QVERIFY(QDir().mkpath(project));
    QVERIFY(QFile::copy(claude.at(1), project + u"/copy.jsonl"_s));
    QVERIFY(QFile::remove(claude.at(2)));
    // An OpenCode write by a live writer.
    Database writer;
    QString error;
    QVERIFY(writer.open(m_home + u"/.local/share/opencode/opencode.db"_s, false, &error));
    QVERIFY(writer.exec(
        R"sql(INSERT INTO message(id, session_id, time_created, time_updated, data) VALUES
        ('msg_svc_oc', 'ses_svc', 1791000000000, 1791000000000,
         '{"role":"assistant","modelID":"claude-sonnet-4-5","time":{"created":1791000000000},"tokens":{"input":9,"output":9,"reasoning":0,"cache":{"read":0,"write":0}}}'))sql"));
    rows = reportRowsOfCli(&log);
    QVERIFY2(log.contains("synced with the scan service"), log.constData());

    // Exactly what a scan without the service finds in a fresh store (the
    // deleted file's history is the only difference, as with any scan).
    m_service.terminate();
    QVERIFY(m_service.waitForFinished(10000));
    QCOMPARE(m_service.exitCode(), 0);
    QVERIFY(QDir(m_runtime + u"/tokentally"_s).entryList({u"*.sock"_s}, QDir::System).isEmpty());
    const Run again = run({u"scan"_s, u"--json"_s, u"--db"_s, m_db});
    QCOMPARE(QJsonDocument::fromJson(again.out)
                 .object()
                 .value(u"scan"_s)
                 .toObject()
                 .value(u"filesRead"_s)
                 .toInt(),
             0);
    QCOMPARE(reportRowsOfCli(), rows);
}

void TestScanService::oneServicePerStore()
{
    QVERIFY(startService());
    const Run second = run({u"scan"_s, u"--watch"_s, u"--db"_s, m_db});
    QCOMPARE(second.code, 1);
    QVERIFY2(second.err.contains("another `scan --watch` serves this store"),
             second.err.constData());
}

void TestScanService::otherEnvironmentScansByItself()
{
    QVERIFY(startService());
    // Another root (an extra data dir): the service reads other files, so the
    // report is told so and scans by itself.
    const QString extra = m_dir->filePath(u"extra"_s);
    QVERIFY(QDir().mkpath(extra));
    const Run r =
        run({u"report"_s, u"daily"_s, u"--data-dir"_s, u"claude-code="_s + extra, u"--db"_s, m_db});
    QCOMPARE(r.code, 0);
    QVERIFY(!r.err.contains("synced with the scan service"));
    QVERIFY2(r.err.contains("did not sync"), r.err.constData());
}

QTEST_GUILESS_MAIN(TestScanService)
#include "test_scanservice.moc"
