// The first-run parts that run without a display server: where the agents'
// files are found and how big they are (SourceOverview), what a dry run's
// bodies say (SubmitPreview), the wizard's pages fed with both, and the
// dashboard's empty state (offscreen).
#include "dashboard/dashboardwindow.h"
#include "firstrun/firstrunwizard.h"
#include "models/sourceoverview.h"
#include "models/submitpreview.h"
#include "settings/settings.h"
#include "sync/syncengine.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

void writeFile(const QString &path, qint64 size)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QByteArray(size, 'x'));
}

WireBucket bucket(const QString &hour, const QString &model, qint64 input)
{
    WireBucket b;
    b.hour = WireCodec::parseHour(hour);
    b.agent = u"codex"_s;
    b.model = model;
    b.tokens.input = input;
    b.tokens.output = 7;
    b.messages = 2;
    b.sessions = 1;
    return b;
}

QByteArray body(int seq, const QList<WireBucket> &buckets)
{
    Submission s;
    s.deviceId = u"not-signed-in"_s;
    s.seq = seq;
    s.prevHash = WireCodec::zeroHash();
    s.client = {u"tokentally"_s, u"0.1.0"_s, u"linux"_s};
    s.buckets = buckets;
    return WireCodec::serialize(s);
}

QStringList labelTexts(const QWidget *w)
{
    QStringList out;
    for (const QLabel *l : w->findChildren<QLabel *>())
        if (l->isVisibleTo(w))
            out << l->text();
    return out;
}

} // namespace

class TestFirstRunParts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void overviewCountsUsageFilesPerAgent();
    void overviewShowsHomeAsTilde();
    void previewFromDryRun();
    void previewOfNothingAndOfFailure();
    void wizardShowsWhatItIsGiven();
    void dashboardEmptyStateInsteadOfZeros();
};

void TestFirstRunParts::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestFirstRunParts::overviewCountsUsageFilesPerAgent()
{
    QTemporaryDir dir;
    const QString home = dir.filePath(u"home"_s);
    writeFile(home + u"/.claude/projects/-p/a.jsonl"_s, 100);
    writeFile(home + u"/.claude/projects/-p/b.jsonl"_s, 23);
    writeFile(home + u"/.claude/projects/-p/notes.txt"_s, 999); // not a usage file
    writeFile(dir.filePath(u"codex-home/sessions/2026/11/20/r.jsonl"_s), 40);
    writeFile(dir.filePath(u"extra-codex/x.jsonl"_s), 2);
    SourceEnvironment env;
    env.home = home;
    env.codexHome = dir.filePath(u"codex-home"_s);
    env.extraDirs[Agent::Codex] << dir.filePath(u"extra-codex"_s);

    const SourceOverview o = SourceOverview::inspect(env);
    QVERIFY(o.inspected);
    QCOMPARE(o.agents.size(), AgentCount);
    const SourceOverview::AgentSources &claude = o.agents.at(int(Agent::ClaudeCode));
    QCOMPARE(claude.files, 2);
    QCOMPARE(claude.bytes, 123);
    QCOMPARE(claude.folders.size(), 2);
    QCOMPARE(claude.folders.at(0).path, home + u"/.claude/projects"_s);
    QVERIFY(claude.folders.at(0).exists);
    QCOMPARE(claude.folders.at(1).path, home + u"/.config/claude/projects"_s);
    QVERIFY(!claude.folders.at(1).exists);
    const SourceOverview::AgentSources &codex = o.agents.at(int(Agent::Codex));
    QCOMPARE(codex.files, 2);
    QCOMPARE(codex.bytes, 42);
    // CODEX_HOME replaces ~/.codex; the extra dir comes after it.
    QCOMPARE(codex.folders.at(0).path, dir.filePath(u"codex-home/sessions"_s));
    QCOMPARE(codex.folders.last().path, dir.filePath(u"extra-codex"_s));
    QVERIFY(codex.folders.last().exists);
    QVERIFY(!o.agents.at(int(Agent::OpenCode)).found());
    QCOMPARE(o.agentsFound(), 2);
    QCOMPARE(o.filesFound(), 4);
    const QJsonArray json = o.toJson();
    QCOMPARE(json.at(0).toObject().value(u"agent"_s).toString(), u"claude-code"_s);
    QCOMPARE(json.at(0).toObject().value(u"bytes"_s).toInteger(), 123);
}

void TestFirstRunParts::overviewShowsHomeAsTilde()
{
    SourceOverview o;
    o.home = u"/home/ann"_s;
    QCOMPARE(o.displayPath(u"/home/ann/.codex/sessions"_s), u"~/.codex/sessions"_s);
    QCOMPARE(o.displayPath(u"/home/anna/.codex"_s), u"/home/anna/.codex"_s);
    QCOMPARE(o.displayPath(u"/data/claude"_s), u"/data/claude"_s);
    o.home = u"/"_s;
    QCOMPARE(o.displayPath(u"/data"_s), u"/data"_s);
}

void TestFirstRunParts::previewFromDryRun()
{
    SubmitResult r;
    r.outcome = SubmitResult::Outcome::DryRun;
    r.dryRunBodies << body(1,
                           {bucket(u"2026-11-01T10:00:00Z"_s, u"gpt-5"_s, 10),
                            bucket(u"2026-11-02T09:00:00Z"_s, u"gpt-5"_s, 20)})
                   << body(2,
                           {bucket(u"2026-11-20T08:00:00Z"_s, u"gpt-5"_s, 30),
                            bucket(u"2026-11-20T23:00:00Z"_s, u"gpt-5.1-codex"_s, 40),
                            bucket(u"2026-11-20T12:00:00Z"_s, u"gpt-5"_s, 50)});
    r.rejected.append({{0, u"codex"_s, u"x"_s}, u"hour in the future"_s});
    const SubmitPreview p = SubmitPreview::fromResult(r);
    QVERIFY(p.ready);
    QVERIFY(p.error.isEmpty());
    QCOMPARE(p.bodies, 2);
    QCOMPARE(p.rows, 5);
    QCOMPARE(p.heldBack, 1);
    QCOMPARE(p.firstDay, u"2026-11-01"_s);
    QCOMPARE(p.lastDay, u"2026-11-20"_s);
    // The newest body, byte for byte, and its newest hour.
    QCOMPARE(p.sampleIndex, 1);
    QCOMPARE(p.sample, r.dryRunBodies.at(1));
    QVERIFY(p.sampleRow.has_value());
    QCOMPARE(p.sampleRow->tokens.input, 40);
    QCOMPARE(p.sampleRow->model, u"gpt-5.1-codex"_s);
    QVERIFY(!p.isEmpty());
}

void TestFirstRunParts::previewOfNothingAndOfFailure()
{
    SubmitResult none;
    none.outcome = SubmitResult::Outcome::DryRun;
    const SubmitPreview empty = SubmitPreview::fromResult(none);
    QVERIFY(empty.isEmpty());
    QVERIFY(empty.sample.isEmpty());
    QVERIFY(!empty.sampleRow);

    SubmitResult offline;
    offline.outcome = SubmitResult::Outcome::Offline;
    offline.error = u"Connection refused"_s;
    const SubmitPreview failed = SubmitPreview::fromResult(offline);
    QVERIFY(failed.ready);
    QCOMPARE(failed.error, u"Connection refused"_s);
    QVERIFY(!failed.isEmpty());

    SubmitResult garbled;
    garbled.outcome = SubmitResult::Outcome::DryRun;
    garbled.dryRunBodies << QByteArray(R"({"schema":1,"path":"/home/x"})");
    QVERIFY(!SubmitPreview::fromResult(garbled).error.isEmpty());
}

void TestFirstRunParts::wizardShowsWhatItIsGiven()
{
    QTemporaryDir dir;
    SourceEnvironment env;
    env.home = dir.filePath(u"home"_s);
    writeFile(env.home + u"/.codex/sessions/r.jsonl"_s, 2048);
    FirstRunWizard w;
    QCOMPARE(w.state().value(u"inspected"_s).toBool(), false);
    w.setOverview(SourceOverview::inspect(env));
    const QJsonObject s = w.state();
    QVERIFY(s.value(u"inspected"_s).toBool());
    QCOMPARE(s.value(u"agents"_s).toArray().at(int(Agent::Codex)).toObject().value(u"files"_s), 1);
    // The folder list is on the page, home shortened, missing folders marked.
    const QStringList texts = labelTexts(w.page(FirstRunWizard::AgentsPageId));
    QVERIFY2(texts.contains(u"~/.codex/sessions"_s), qPrintable(texts.join(u'\n')));
    QVERIFY2(texts.contains(u"~/.claude/projects (not there)"_s), qPrintable(texts.join(u'\n')));
    QVERIFY2(texts.contains(u"1 file(s) · 2.0 kB"_s), qPrintable(texts.join(u'\n')));

    SubmitResult r;
    r.outcome = SubmitResult::Outcome::DryRun;
    r.dryRunBodies << body(1, {bucket(u"2026-11-20T08:00:00Z"_s, u"gpt-5"_s, 12345)});
    w.setPreview(SubmitPreview::fromResult(r));
    const QJsonObject p = w.state();
    QCOMPARE(p.value(u"sample"_s).toString().toUtf8(), r.dryRunBodies.first());
    // The exact bytes unless Indent is ticked.
    QCOMPARE(p.value(u"sampleText"_s).toString().toUtf8(), r.dryRunBodies.first());
    const QStringList rowTexts = labelTexts(w.page(FirstRunWizard::PrivacyPageId));
    QVERIFY2(rowTexts.contains(u"12,345"_s), qPrintable(rowTexts.join(u'\n')));
    QVERIFY2(rowTexts.contains(u"2026-11-20 08:00"_s), qPrintable(rowTexts.join(u'\n')));
    QVERIFY2(rowTexts.contains(u"Codex"_s), qPrintable(rowTexts.join(u'\n')));

    // Sync as it stands: off until signed in; signed in, Auto-submit still off.
    SyncStatus off;
    off.loaded = true;
    w.setSyncStatus(off, false);
    QVERIFY(w.state().value(u"syncText"_s).toString().startsWith(u"Sync is off."_s));
    SyncStatus in = off;
    in.signedIn = true;
    in.username = u"ann"_s;
    in.server = u"https://board.example"_s;
    w.setSyncStatus(in, false);
    QVERIFY(w.state().value(u"syncText"_s).toString().contains(u"Auto-submit is off"_s));
    w.setStartAtLogin(true);
    QVERIFY(w.startAtLogin());
}

void TestFirstRunParts::dashboardEmptyStateInsteadOfZeros()
{
    QTemporaryDir dir;
    Settings settings(dir.filePath(u"t.conf"_s));
    DashboardWindow dash(&settings);
    SourceEnvironment env;
    env.home = dir.filePath(u"home"_s);
    UsageSnapshot s;
    s.today = QDate(2026, 11, 20);
    s.storeEmpty = true;
    // Not scanned yet: the usual view (with its indexing progress), no verdict.
    dash.setSnapshot(s);
    QCOMPARE(dash.emptyStateTitle(), QString());
    s.scanned = true;
    s.sources = SourceOverview::inspect(env);
    dash.setSnapshot(s);
    QCOMPARE(dash.emptyStateTitle(), u"No coding agent usage found"_s);
    const QStringList texts = labelTexts(&dash);
    QVERIFY2(texts.contains(u"~/.codex/sessions (not there)"_s), qPrintable(texts.join(u'\n')));
    QVERIFY(!texts.contains(u"Cache efficiency"_s)); // the cards are hidden

    // Files but no counted usage in them: said differently.
    writeFile(env.home + u"/.codex/sessions/r.jsonl"_s, 10);
    s.sources = SourceOverview::inspect(env);
    dash.setSnapshot(s);
    QCOMPARE(dash.emptyStateTitle(), u"No usage in the agents' files yet"_s);

    s.storeEmpty = false;
    s.sources = SourceOverview();
    dash.setSnapshot(s);
    QCOMPARE(dash.emptyStateTitle(), QString());
    QVERIFY(labelTexts(&dash).contains(u"Cache efficiency"_s));
}

QTEST_MAIN(TestFirstRunParts)
#include "test_app_firstrun.moc"
