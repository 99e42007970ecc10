// UsageService's snapshots for an empty store (issue 9): after the first scan
// the snapshot says the store is empty and where the agents' files were looked
// for (following CLAUDE_CONFIG_DIR and the extra dirs), so the dashboard can
// say so instead of showing zeros; once usage arrives, it no longer does.
#include "testhelpers.h"
#include "workers/usageservice.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QStringList folders(const SourceOverview &o, Agent agent)
{
    QStringList out;
    for (const SourceOverview::AgentSources &a : o.agents) {
        if (a.agent == agent) {
            for (const SourceOverview::Folder &f : a.folders)
                out << f.path;
        }
    }
    return out;
}

void writeClaudeMessage(const QString &file, qint64 inputTokens)
{
    QDir().mkpath(QFileInfo(file).absolutePath());
    QFile f(file);
    QVERIFY(f.open(QIODevice::Append));
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    f.write(TestHelpers::claudeAssistantLine(u"s-1"_s, u"1"_s, now, inputTokens, 10));
}

} // namespace

class TestUsageService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void emptyStoreSaysWhereItLooked();
    void newFoldersShowWithoutNewUsage();

private:
    // The next snapshot after the scan that follows start() or a change.
    static UsageSnapshot nextScanned(QSignalSpy &spy, qsizetype after);
};

void TestUsageService::initTestCase()
{
    qRegisterMetaType<UsageSnapshot>();
    qRegisterMetaType<ScanProgress>();
    qputenv("TOKENTALLY_DEBOUNCE_MS", "20");
}

UsageSnapshot TestUsageService::nextScanned(QSignalSpy &spy, qsizetype after)
{
    UsageSnapshot s;
    const bool found = QTest::qWaitFor(
        [&] {
            for (qsizetype i = after; i < spy.size(); ++i) {
                s = spy.at(i).at(0).value<UsageSnapshot>();
                if (s.scanned)
                    return true;
            }
            return false;
        },
        10000);
    // Without one, a snapshot that was not scanned: the callers' checks fail.
    return found ? s : UsageSnapshot();
}

void TestUsageService::emptyStoreSaysWhereItLooked()
{
    QTemporaryDir dir;
    const QString home = dir.filePath(u"home"_s);
    QDir().mkpath(home);
    SourceEnvironment env;
    env.home = home;
    env.claudeConfigDir = dir.filePath(u"c1"_s) + u',' + dir.filePath(u"c2"_s);
    QDir().mkpath(dir.filePath(u"c2/projects"_s));

    UsageService service(dir.filePath(u"usage.db"_s));
    QSignalSpy snapshots(&service, &UsageService::snapshotReady);
    service.setEnvironment(env);
    service.start();
    // Before the first scan the store is empty too, but nobody has looked yet.
    QVERIFY(!snapshots.isEmpty());
    const UsageSnapshot before = snapshots.first().at(0).value<UsageSnapshot>();
    QVERIFY(!before.scanned);
    QVERIFY(!before.sources.inspected);

    UsageSnapshot s = nextScanned(snapshots, 0);
    QVERIFY(s.scanned);
    QVERIFY(s.storeEmpty);
    QVERIFY(s.sources.inspected);
    QCOMPARE(s.sources.home, home);
    QCOMPARE(folders(s.sources, Agent::ClaudeCode),
             (QStringList {dir.filePath(u"c1/projects"_s), dir.filePath(u"c2/projects"_s)}));
    QCOMPARE(s.sources.agents.at(0).folders.at(0).exists, false);
    QCOMPARE(s.sources.agents.at(0).folders.at(1).exists, true);
    QVERIFY(folders(s.sources, Agent::Codex).contains(home + u"/.codex/sessions"_s));
    QCOMPARE(s.sources.filesFound(), 0);

    // Usage where it looked: the next snapshot is not empty, and inspects nothing.
    writeClaudeMessage(dir.filePath(u"c2/projects/-p/s-1.jsonl"_s), 500);
    const qsizetype n = snapshots.size();
    service.requestScan();
    QVERIFY(QTest::qWaitFor([&] { return snapshots.size() > n; }, 10000));
    s = snapshots.last().at(0).value<UsageSnapshot>();
    QVERIFY(!s.storeEmpty);
    QVERIFY(!s.sources.inspected);
    QCOMPARE(s.todayTotals.tokens.input, 500);
    service.stop();
}

void TestUsageService::newFoldersShowWithoutNewUsage()
{
    QTemporaryDir dir;
    SourceEnvironment env;
    env.home = dir.filePath(u"home"_s);
    UsageService service(dir.filePath(u"usage.db"_s));
    QSignalSpy snapshots(&service, &UsageService::snapshotReady);
    service.setEnvironment(env);
    service.start();
    UsageSnapshot s = nextScanned(snapshots, 0);
    QVERIFY(s.storeEmpty);
    QVERIFY(!folders(s.sources, Agent::Codex).contains(dir.filePath(u"mine"_s)));

    // Settings' extra dirs change: the scan reads nothing new, yet the empty
    // dashboard must list the new folder.
    env.extraDirs[Agent::Codex] << dir.filePath(u"mine"_s);
    const qsizetype n = snapshots.size();
    service.setEnvironment(env);
    QVERIFY(QTest::qWaitFor([&] { return snapshots.size() > n; }, 10000));
    s = snapshots.last().at(0).value<UsageSnapshot>();
    QVERIFY(s.storeEmpty);
    QVERIFY2(folders(s.sources, Agent::Codex).contains(dir.filePath(u"mine"_s)),
             qPrintable(folders(s.sources, Agent::Codex).join(u'\n')));
    service.stop();
}

QTEST_GUILESS_MAIN(TestUsageService)
#include "test_app_usageservice.moc"
