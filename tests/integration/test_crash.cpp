// SIGKILL `tokentally scan` at random moments: the store must stay intact and
// the next scan must give exactly the totals of an uninterrupted run.
//
// TOKENTALLY_KILLS sets the number of kills (default 24; the long variant,
// ctest -L long with TOKENTALLY_LONG_TESTS, asks for 120).

#include "store/database.h"
#include "testhelpers.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;

class TestCrash : public QObject
{
    Q_OBJECT

private slots:
    void killedScansLoseNothing();

private:
    QByteArray run(const QStringList &args, int *exitCode = nullptr);
    QString m_home;
    QString m_bin;
};

QByteArray TestCrash::run(const QStringList &args, int *exitCode)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"HOME"_s, m_home);
    env.remove(u"CLAUDE_CONFIG_DIR"_s);
    env.remove(u"CODEX_HOME"_s);
    env.remove(u"XDG_DATA_HOME"_s);
    env.remove(u"XDG_CONFIG_HOME"_s);
    p.setProcessEnvironment(env);
    p.start(m_bin, args);
    p.waitForFinished(300000);
    if (exitCode)
        *exitCode = p.exitCode();
    return p.readAllStandardOutput();
}

// Empty when PRAGMA integrity_check says "ok"; else what went wrong. Opened as
// the next TokenTally process opens it (read-write): after a kill in the middle
// of a write, SQLite first recovers the WAL index and ignores the uncommitted
// frames, which a read-only connection cannot do (SQLITE_READONLY_RECOVERY).
static QString integrityProblem(const QString &db)
{
    Database d;
    QString error;
    if (!d.open(db, false, &error))
        return error;
    Statement st(d, "PRAGMA integrity_check");
    if (!st.step())
        return u"integrity_check did not run: "_s + d.lastError();
    return st.text(0) == u"ok"_s ? QString() : st.text(0);
}

static bool integrityOk(const QString &db)
{
    return integrityProblem(db).isEmpty();
}

void TestCrash::killedScansLoseNothing()
{
    QTemporaryDir dir;
    QString error;
    QVERIFY2(TestHelpers::generateHome(dir.filePath(u"g"_s),
                                       {u"--seed"_s, u"11"_s, u"--target-bytes"_s, u"60000000"_s},
                                       &error),
             qPrintable(error));
    m_home = dir.filePath(u"g/home"_s);
    m_bin = TestHelpers::programPath(u"tokentally"_s);
    QVERIFY2(QFile::exists(m_bin), qPrintable(m_bin));

    // How long an uninterrupted cold scan takes, process start included.
    QElapsedTimer t;
    t.start();
    int rc = -1;
    run({u"scan"_s, u"--db"_s, dir.filePath(u"timing.db"_s)}, &rc);
    QCOMPARE(rc, 0);
    const qint64 coldMs = std::max<qint64>(t.elapsed(), 20);

    const QString victim = dir.filePath(u"victim.db"_s);
    QRandomGenerator rng(20261121);
    const int wanted = qEnvironmentVariableIsSet("TOKENTALLY_KILLS")
        ? qEnvironmentVariableIntValue("TOKENTALLY_KILLS")
        : 24;
    int kills = 0, rounds = 0;
    QStringList claudeFiles;
    QDirIterator it(m_home + u"/.claude/projects"_s, {u"*.jsonl"_s}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        claudeFiles << it.next();
    claudeFiles.sort();
    while (kills < wanted && rounds < wanted * 10 / 3) {
        ++rounds;
        if (rounds % 3 == 1) {
            for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s})
                QFile::remove(victim + suffix);
        } else if (rounds % 3 == 2 && !claudeFiles.isEmpty()) {
            // Give the next scan a rewrite to handle: drop a file's last line.
            const QString f = claudeFiles.at(rng.bounded(int(claudeFiles.size())));
            QByteArray bytes = TestHelpers::readFile(f);
            const qsizetype cut = bytes.lastIndexOf('\n', bytes.size() - 2);
            if (cut > 0) {
                QFile out(f);
                QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
                out.write(bytes.left(cut + 1));
            }
        }
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"HOME"_s, m_home);
        p.setProcessEnvironment(env);
        p.start(m_bin, {u"scan"_s, u"--db"_s, victim});
        QVERIFY(p.waitForStarted());
        QThread::msleep(rng.bounded(int(coldMs * 12 / 10) + 1));
        if (p.state() == QProcess::Running) {
            ::kill(pid_t(p.processId()), SIGKILL);
            ++kills;
        }
        p.waitForFinished(60000);
        const QString problem = QFile::exists(victim) ? integrityProblem(victim) : QString();
        QVERIFY2(problem.isEmpty(), qPrintable(u"after a kill: "_s + problem));
    }
    QVERIFY2(kills >= wanted * 5 / 6, qPrintable(u"only %1 kills landed mid-scan"_s.arg(kills)));

    // The next scan completes the interrupted work exactly.
    run({u"scan"_s, u"--db"_s, victim}, &rc);
    QCOMPARE(rc, 0);
    QVERIFY(integrityOk(victim));
    const QString reference = dir.filePath(u"reference.db"_s);
    run({u"scan"_s, u"--db"_s, reference}, &rc);
    QCOMPARE(rc, 0);
    const QStringList report = {u"report"_s,     u"daily"_s, u"--breakdown"_s, u"--json"_s,
                                u"--timezone"_s, u"UTC"_s,   u"--no-scan"_s,   u"--db"_s};
    const QJsonObject a = QJsonDocument::fromJson(run(report + QStringList {victim})).object();
    const QJsonObject b = QJsonDocument::fromJson(run(report + QStringList {reference})).object();
    QVERIFY(b.value(u"totals"_s).toObject().value(u"messages"_s).toInteger() > 100);
    QCOMPARE(a.value(u"rows"_s), b.value(u"rows"_s));
    QCOMPARE(a.value(u"totals"_s), b.value(u"totals"_s));
    qInfo("%d kills in %d rounds; cold scan %lld ms", kills, rounds, coldMs);
}

QTEST_GUILESS_MAIN(TestCrash)
#include "test_crash.moc"
