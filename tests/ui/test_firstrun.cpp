// The first-run wizard and the empty dashboard, through the real tokentally
// binary under Xvfb with a tray host (trayer), clicked with xdotool (issue 9):
// the wizard appears on the first start with the agents of a generated HOME
// (their folders and the bytes of their usage files) and a sample body from the
// user's own store, is finished (start at login ticked, sync left off), and does
// not appear on the second start; cancelling counts as shown too. An empty HOME
// gets a dashboard that says where it looked (following the agents' variables)
// and finds usage once it appears. Screenshots (light, dark, German) land in
// BUILD/ui-screenshots.
#include "core/agent.h"
#include "testhelpers.h"
#include "uitestsupport.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using UiTest::Proc;
using UiTest::waitUntil;

namespace {

struct Display
{
    Proc xvfb;
    Proc trayer;
    QString name;
};

struct Usage
{
    int files = 0;
    qint64 bytes = 0;
};

// The test's own count of each agent's usage files in a HOME, by the agents'
// documented layouts (spec/usage-formats.md §2.1, §3.1, §4.1): what the wizard
// must report.
QHash<QString, Usage> usageFiles(const QString &home)
{
    QHash<QString, Usage> out;
    auto walk = [&](const QString &agent, const QString &dir, const QStringList &patterns) {
        QDirIterator it(dir, patterns, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            it.next();
            ++out[agent].files;
            out[agent].bytes += it.fileInfo().size();
        }
    };
    walk(u"claude-code"_s, home + u"/.claude/projects"_s, {u"*.jsonl"_s});
    walk(u"codex"_s, home + u"/.codex/sessions"_s, {u"*.jsonl"_s});
    walk(u"codex"_s, home + u"/.codex/archived_sessions"_s, {u"*.jsonl"_s});
    const QString opencode = home + u"/.local/share/opencode"_s;
    walk(u"opencode"_s, opencode + u"/storage/message"_s, {u"*.json"_s});
    const QDir dbDir(opencode);
    for (const QString &db : dbDir.entryList({u"opencode.db"_s, u"opencode-*.db"_s}, QDir::Files)) {
        ++out[u"opencode"_s].files;
        // A database's rows may sit in its WAL: the size counts both.
        out[u"opencode"_s].bytes +=
            QFileInfo(dbDir.filePath(db)).size() + QFileInfo(dbDir.filePath(db + u"-wal"_s)).size();
    }
    // The agents of issue 11 (docs/agents/*.md §1).
    walk(u"gemini-cli"_s, home + u"/.gemini/tmp"_s, {u"session-*.json"_s, u"*.jsonl"_s});
    walk(u"qwen-code"_s, home + u"/.qwen/projects"_s, {u"*.jsonl"_s});
    walk(u"amp"_s, home + u"/.local/share/amp/threads"_s, {u"T-*.json"_s});
    walk(u"droid"_s, home + u"/.factory/sessions"_s, {u"*.settings.json"_s});
    walk(u"kimi-cli"_s, home + u"/.kimi/sessions"_s, {u"wire.jsonl"_s});
    return out;
}

// The agents the generator writes files for: all of them.
const QStringList GeneratedAgents {u"claude-code"_s, u"codex"_s, u"opencode"_s, u"gemini-cli"_s,
                                   u"qwen-code"_s,   u"amp"_s,   u"droid"_s,    u"kimi-cli"_s};

} // namespace

class TestFirstRun : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void wizardOnceThenNever();
    void darkAndGermanScreenshots();
    void emptyHomeSaysWhereItLooked();

private:
    void startDisplay(Display &d);
    // Starts the app with its own config, store and instance id under \a tag.
    void startApp(Proc &app, const Display &d, const QString &tag, const QString &home,
                  const QStringList &args = {}, const QHash<QString, QString> &env = {});
    QProcessEnvironment appEnv(const Display &d, const QString &tag, const QString &home) const;
    QString id(const QString &tag) const
    {
        return u"tt-firstrun-%1-%2"_s.arg(QCoreApplication::applicationPid()).arg(tag);
    }
    QJsonObject status(const QString &tag) { return UiTest::status(id(tag)); }
    QJsonObject wizard(const QString &tag) { return status(tag).value(u"firstRun"_s).toObject(); }
    void click(const Display &d, const QString &tag, const QString &name);
    // Waits until the wizard shows \a page (and, on "agents", what it found).
    void waitForPage(const QString &tag, const QString &page);
    void waitForSample(const QString &tag);
    void screenshot(const Display &d, const QString &name);
    void quit(Proc &app, const QString &tag);

    QTemporaryDir m_tmp;
    QString m_home;
    QString m_shots;
};

void TestFirstRun::initTestCase()
{
    const QStringList missing =
        UiTest::missingTools({u"Xvfb"_s, u"trayer"_s, u"xwininfo"_s, u"import"_s, u"xdotool"_s});
    if (!missing.isEmpty())
        QFAIL(qPrintable(u"missing tools: %1 (apt-get install xvfb trayer x11-utils imagemagick "
                         "xdotool)"_s.arg(missing.join(u", "_s))));
    QVERIFY(QFileInfo::exists(TestHelpers::programPath(u"tokentally"_s)));
    QVERIFY(m_tmp.isValid());
    QString error;
    // Recent days, so that the sample body holds this month's hours.
    m_home = UiTest::generateRecentHome(m_tmp.filePath(u"gen"_s), 30, 2000000, &error);
    QVERIFY2(!m_home.isEmpty(), qPrintable(error));
    m_shots = qEnvironmentVariable("TOKENTALLY_SCREENSHOT_DIR", m_tmp.filePath(u"shots"_s));
    QDir().mkpath(m_shots);
}

void TestFirstRun::startDisplay(Display &d)
{
    d.name = UiTest::startXvfb(d.xvfb);
    QVERIFY2(!d.name.isEmpty(), "Xvfb did not start");
    QString error;
    QVERIFY2(UiTest::startTrayer(d.trayer, d.name, &error), qPrintable(error));
}

QProcessEnvironment TestFirstRun::appEnv(const Display &d, const QString &tag,
                                         const QString &home) const
{
    return UiTest::appEnv(d.name, m_tmp.filePath(tag), home, id(tag));
}

void TestFirstRun::startApp(Proc &app, const Display &d, const QString &tag, const QString &home,
                            const QStringList &args, const QHash<QString, QString> &env)
{
    QVERIFY(UiTest::startApp(app, appEnv(d, tag, home), env, m_tmp.filePath(tag + u"/usage.db"_s),
                             args));
}

void TestFirstRun::click(const Display &d, const QString &tag, const QString &name)
{
    QString error;
    QVERIFY2(UiTest::clickNamed(d.name, id(tag), name, 1, &error), qPrintable(error));
}

void TestFirstRun::waitForPage(const QString &tag, const QString &page)
{
    QJsonObject w;
    QVERIFY2(waitUntil(
                 [&] {
                     w = wizard(tag);
                     return w.value(u"visible"_s).toBool() && w.value(u"page"_s) == page &&
                         w.value(u"inspected"_s).toBool();
                 },
                 20000, 100),
             qPrintable(QString::fromUtf8(QJsonDocument(w).toJson())));
}

void TestFirstRun::waitForSample(const QString &tag)
{
    QJsonObject w;
    QVERIFY2(waitUntil(
                 [&] {
                     w = wizard(tag);
                     return w.value(u"previewReady"_s).toBool() &&
                         !w.value(u"sampleText"_s).toString().isEmpty() &&
                         status(tag).value(u"indexingPercent"_s).toInt() < 0;
                 },
                 20000, 100),
             qPrintable(QString::fromUtf8(QJsonDocument(w).toJson())));
}

void TestFirstRun::screenshot(const Display &d, const QString &name)
{
    QString error;
    const QString path = UiTest::screenshot(d.name, m_shots, name, &error);
    QVERIFY2(!path.isEmpty(), qPrintable(error));
    qInfo("screenshot: %s", qPrintable(path));
}

void TestFirstRun::quit(Proc &app, const QString &tag)
{
    QCOMPARE(UiTest::request(id(tag), "quit"), QByteArray("ok"));
    QVERIFY(app.p->waitForFinished(10000));
    QCOMPARE(app.p->exitCode(), 0);
}

void TestFirstRun::wizardOnceThenNever()
{
    Display d;
    startDisplay(d);
    const QString tag = u"once"_s;
    const QString root = m_tmp.filePath(tag);
    {
        Proc app;
        startApp(app, d, tag, m_home);
        waitForPage(tag, u"agents"_s);
        // Every agent of the generated HOME, with the files and bytes the test counts itself.
        const QHash<QString, Usage> want = usageFiles(m_home);
        const QJsonArray agents = wizard(tag).value(u"agents"_s).toArray();
        QCOMPARE(agents.size(), AgentCount);
        for (const QJsonValue &v : agents) {
            const QJsonObject a = v.toObject();
            const QString agent = a.value(u"agent"_s).toString();
            if (!GeneratedAgents.contains(agent)) {
                QCOMPARE(a.value(u"files"_s).toInt(), 0);
                continue;
            }
            QVERIFY2(want.value(agent).files > 0, qPrintable(agent));
            QCOMPARE(a.value(u"files"_s).toInt(), want.value(agent).files);
            QCOMPARE(a.value(u"bytes"_s).toInteger(), want.value(agent).bytes);
            bool someFolder = false;
            for (const QJsonValue &f : a.value(u"folders"_s).toArray())
                someFolder = someFolder || f.toObject().value(u"exists"_s).toBool();
            QVERIFY2(someFolder, qPrintable(agent));
        }
        QVERIFY2(wizard(tag)
                     .value(u"agentsSummary"_s)
                     .toString()
                     .contains(u"%1 agents"_s.arg(GeneratedAgents.size())),
                 qPrintable(wizard(tag).value(u"agentsSummary"_s).toString()));
        screenshot(d, u"firstrun-agents-light"_s);

        click(d, tag, u"firstRunNext"_s);
        waitForPage(tag, u"privacy"_s);
        waitForSample(tag);
        const QJsonObject w = wizard(tag);
        const QString sample = w.value(u"sample"_s).toString();
        // The exact bytes are shown (Indent is off), and they are one of the bodies
        // `tokentally submit --dry-run` prints for the same store.
        QCOMPARE(w.value(u"sampleText"_s).toString(), sample);
        QProcess cli;
        cli.setProcessEnvironment(appEnv(d, tag, m_home));
        cli.start(TestHelpers::programPath(u"tokentally"_s),
                  {u"submit"_s, u"--dry-run"_s, u"--db"_s, root + u"/usage.db"_s});
        QVERIFY(cli.waitForFinished(30000));
        QCOMPARE(cli.exitCode(), 0);
        const QList<QByteArray> bodies = cli.readAllStandardOutput().trimmed().split('\n');
        QVERIFY2(bodies.contains(sample.toUtf8()), qPrintable(sample.left(300)));
        QCOMPARE(w.value(u"previewBodies"_s).toInt(), int(bodies.size()));
        const QJsonObject body = QJsonDocument::fromJson(sample.toUtf8()).object();
        QVERIFY(!body.value(u"buckets"_s).toArray().isEmpty());
        // Nothing of the machine in it: no path, no home, no planted secret.
        QVERIFY(!sample.contains(m_home));
        QVERIFY(!sample.contains(u'/'));
        const QJsonObject expected =
            QJsonDocument::fromJson(TestHelpers::readFile(m_tmp.filePath(u"gen/expected.json"_s)))
                .object();
        for (const QJsonValue &secret : expected.value(u"secrets"_s).toArray())
            QVERIFY(!sample.contains(secret.toString()));
        screenshot(d, u"firstrun-privacy-light"_s);

        click(d, tag, u"firstRunNext"_s);
        waitForPage(tag, u"start"_s);
        QCOMPARE(wizard(tag).value(u"startAtLogin"_s).toBool(), false);
        click(d, tag, u"firstRunStartAtLogin"_s);
        QVERIFY(waitUntil([&] { return wizard(tag).value(u"startAtLogin"_s).toBool(); }, 3000));
        // "Sign in…" opens the sign-in dialog; closing it leaves sync as it was.
        click(d, tag, u"firstRunSignIn"_s);
        auto signInVisible = [&] {
            return status(tag)
                .value(u"sync"_s)
                .toObject()
                .value(u"signInDialog"_s)
                .toObject()
                .value(u"visible"_s)
                .toBool();
        };
        QVERIFY(waitUntil(signInVisible, 5000));
        QVERIFY(UiTest::xdotool(d.name, {u"key"_s, u"Escape"_s}));
        QVERIFY(waitUntil([&] { return !signInVisible(); }, 5000));
        screenshot(d, u"firstrun-start-light"_s);
        click(d, tag, u"firstRunFinish"_s);
        QVERIFY(waitUntil([&] { return !wizard(tag).value(u"visible"_s).toBool(); }, 5000));

        const QJsonObject s = status(tag);
        QVERIFY(s.value(u"firstRun"_s).toObject().value(u"done"_s).toBool());
        // Sync stays off: not signed in, Auto-submit off, nothing in the outbox.
        const QJsonObject sync = s.value(u"sync"_s).toObject();
        QCOMPARE(sync.value(u"signedIn"_s).toBool(), false);
        QCOMPARE(sync.value(u"autoSubmit"_s).toBool(), false);
        QCOMPARE(sync.value(u"outboxEntries"_s).toInt(), 0);
        quit(app, tag);
    }
    // Start at login went to the OS: the XDG autostart entry runs this binary.
    const QByteArray entry =
        TestHelpers::readFile(root + u"/config/autostart/tokentally.desktop"_s);
    QVERIFY2(entry.contains("Exec="), entry.constData());
    QVERIFY2(entry.contains(
                 QFileInfo(TestHelpers::programPath(u"tokentally"_s)).canonicalFilePath().toUtf8()),
             entry.constData());
    {
        QSettings conf(root + u"/config/tokentally/tokentally.conf"_s, QSettings::IniFormat);
        QCOMPARE(conf.value(u"firstRun/done"_s).toBool(), true);
        QCOMPARE(conf.value(u"sync/autoSubmit"_s, false).toBool(), false);
    }

    // The second start: the tray and the data, no wizard.
    Proc again;
    startApp(again, d, tag, m_home);
    QVERIFY(waitUntil(
        [&] {
            const QJsonObject s = status(tag);
            return s.value(u"trayActive"_s).toBool() && s.value(u"generation"_s).toInt() >= 2;
        },
        20000, 100));
    QTest::qWait(1000);
    const QJsonObject w = wizard(tag);
    QCOMPARE(w.value(u"visible"_s).toBool(), false);
    QCOMPARE(w.value(u"shown"_s).toInt(), 0);
    QCOMPARE(UiTest::request(id(tag), "geometry firstRunWizard"), QByteArray("none"));
    quit(again, tag);
}

void TestFirstRun::darkAndGermanScreenshots()
{
    Display d;
    startDisplay(d);
    struct Variant
    {
        QString tag;
        QHash<QString, QString> env;
        QString agentsWord; // in the "found" line, in the variant's language
    };
    const QList<Variant> variants {
        {u"dark"_s, {{u"TOKENTALLY_THEME"_s, u"dark"_s}}, u"agents"_s},
        {u"german"_s,
         {{u"LANG"_s, u"de_DE.UTF-8"_s}, {u"LC_ALL"_s, u"de_DE.UTF-8"_s}, {u"LANGUAGE"_s, u"de"_s}},
         u"Agenten"_s},
    };
    for (const Variant &v : variants) {
        Proc app;
        startApp(app, d, v.tag, m_home, {}, v.env);
        waitForPage(v.tag, u"agents"_s);
        const QString summary = wizard(v.tag).value(u"agentsSummary"_s).toString();
        QVERIFY2(summary.contains(QString::number(GeneratedAgents.size()) + u' ' + v.agentsWord),
                 qPrintable(summary));
        screenshot(d, u"firstrun-agents-"_s + v.tag);
        click(d, v.tag, u"firstRunNext"_s);
        waitForPage(v.tag, u"privacy"_s);
        waitForSample(v.tag);
        screenshot(d, u"firstrun-privacy-"_s + v.tag);
        click(d, v.tag, u"firstRunNext"_s);
        waitForPage(v.tag, u"start"_s);
        screenshot(d, u"firstrun-start-"_s + v.tag);
        if (v.tag == u"german")
            QVERIFY2(wizard(v.tag).value(u"syncText"_s).toString().contains(u"Synchronisation"_s),
                     qPrintable(wizard(v.tag).value(u"syncText"_s).toString()));
        quit(app, v.tag);
    }
}

void TestFirstRun::emptyHomeSaysWhereItLooked()
{
    Display d;
    startDisplay(d);
    const QString tag = u"empty"_s;
    const QString home = m_tmp.filePath(u"empty-home"_s);
    const QString claudeDir = m_tmp.filePath(u"elsewhere/claude"_s);
    QDir().mkpath(home);
    Proc app;
    // The agents' own variable moves the folder: the dashboard must follow it.
    startApp(app, d, tag, home, {u"--show-dashboard"_s}, {{u"CLAUDE_CONFIG_DIR"_s, claudeDir}});
    waitForPage(tag, u"agents"_s);
    for (const QJsonValue &v : wizard(tag).value(u"agents"_s).toArray())
        QCOMPARE(v.toObject().value(u"files"_s).toInt(), 0);
    // Cancel counts as shown: the wizard does not come back, and changes nothing.
    click(d, tag, u"firstRunCancel"_s);
    QVERIFY(waitUntil([&] { return !wizard(tag).value(u"visible"_s).toBool(); }, 5000));
    QVERIFY(wizard(tag).value(u"done"_s).toBool());
    QVERIFY(!QFileInfo::exists(m_tmp.filePath(tag + u"/config/autostart/tokentally.desktop"_s)));

    QJsonObject s;
    QVERIFY2(waitUntil(
                 [&] {
                     s = status(tag);
                     return !s.value(u"emptyState"_s).toString().isEmpty();
                 },
                 20000, 100),
             qPrintable(QString::fromUtf8(QJsonDocument(s).toJson())));
    QCOMPARE(s.value(u"emptyState"_s).toString(), u"No coding agent usage found"_s);
    QStringList looked;
    for (const QJsonValue &a : s.value(u"emptySources"_s).toArray()) {
        for (const QJsonValue &f : a.toObject().value(u"folders"_s).toArray())
            looked << f.toObject().value(u"path"_s).toString();
    }
    QVERIFY2(looked.contains(claudeDir + u"/projects"_s), qPrintable(looked.join(u'\n')));
    QVERIFY2(!looked.contains(home + u"/.claude/projects"_s), qPrintable(looked.join(u'\n')));
    QVERIFY2(looked.contains(home + u"/.codex/sessions"_s), qPrintable(looked.join(u'\n')));
    QVERIFY2(looked.contains(home + u"/.local/share/opencode"_s), qPrintable(looked.join(u'\n')));
    QCOMPARE(s.value(u"tokensCard"_s).toString(), u"0"_s); // the cards exist, hidden
    screenshot(d, u"dashboard-empty"_s);

    // Usage appears where it looked; "Look again" shows it.
    const QString session = claudeDir + u"/projects/-work-demo/s-1.jsonl"_s;
    QDir().mkpath(QFileInfo(session).absolutePath());
    {
        QFile f(session);
        QVERIFY(f.open(QIODevice::WriteOnly));
        const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
        f.write(TestHelpers::claudeAssistantLine(u"s-1"_s, u"1"_s, now, 1000, 234));
    }
    click(d, tag, u"emptyStateRefresh"_s);
    QVERIFY2(waitUntil(
                 [&] {
                     s = status(tag);
                     return s.value(u"emptyState"_s).toString().isEmpty() &&
                         s.value(u"todayTokens"_s).toInteger() == 1234;
                 },
                 10000, 100),
             qPrintable(QString::fromUtf8(QJsonDocument(s).toJson())));
    quit(app, tag);
}

QTEST_GUILESS_MAIN(TestFirstRun)
#include "test_firstrun.moc"
