// `tokentally quota` on the hand-written quota home (tests/fixtures/agents/quota):
// Codex windows across three files through a real scan, Claude Code's cache,
// then the statusline's readings, an incremental append and the text output.

#include "testhelpers.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestQuotaCli : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void jsonMatchesExpected();
    void statuslineReadingsWin();
    void isoStatuslineGivesTheSame();
    void appendedNewerObservationWins();
    void textMarksResetAndCached();

private:
    using Run = TestHelpers::Run;
    Run run(const QStringList &args, const QString &now = u"2026-07-03T12:00:00Z"_s,
            const QByteArray &stdinData = {});
    QJsonArray quotas(const QString &now = u"2026-07-03T12:00:00Z"_s);
    void feed(const QString &stdinFile, const QString &at);
    static QJsonObject find(const QJsonArray &list, const QString &agent, const QString &window);
    static void compareWindows(const QJsonArray &got, const QJsonArray &want, const QString &agent);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_home, m_db;
    QJsonObject m_expected;
};

namespace {

QString fixture(const QString &rel)
{
    return TestHelpers::sourceDir() + u"/tests/fixtures/agents/quota/"_s + rel;
}

bool copyTree(const QString &from, const QString &to)
{
    QDirIterator it(from, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString src = it.next();
        const QString dst = to + src.mid(from.size());
        if (!QDir().mkpath(QFileInfo(dst).absolutePath()) || !QFile::copy(src, dst))
            return false;
    }
    return true;
}

} // namespace

void TestQuotaCli::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_home = m_dir->filePath(u"home"_s);
    m_db = m_dir->filePath(u"usage.db"_s);
    QVERIFY(copyTree(fixture(u"home"_s), m_home));
    m_expected =
        QJsonDocument::fromJson(TestHelpers::readFile(fixture(u"expected.json"_s))).object();
    QVERIFY(!m_expected.isEmpty());
}

TestQuotaCli::Run TestQuotaCli::run(const QStringList &args, const QString &now,
                                    const QByteArray &stdinData)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"HOME"_s, m_home);
    env.insert(u"TOKENTALLY_NOW"_s, now);
    env.insert(u"TZ"_s, u"UTC"_s);
    for (const QString &v : {u"CLAUDE_CONFIG_DIR"_s, u"CODEX_HOME"_s, u"XDG_DATA_HOME"_s,
                             u"XDG_CONFIG_HOME"_s, u"DISPLAY"_s, u"WAYLAND_DISPLAY"_s})
        env.remove(v);
    return TestHelpers::run(TestHelpers::programPath(u"tokentally"_s),
                            QStringList {args.first(), u"--db"_s, m_db} + args.mid(1), env,
                            stdinData);
}

QJsonArray TestQuotaCli::quotas(const QString &now)
{
    const Run r = run({u"quota"_s, u"--json"_s}, now);
    if (r.code != 0)
        qWarning() << r.err;
    const QJsonDocument doc = QJsonDocument::fromJson(r.out);
    return doc.object()[u"quotas"_s].toArray();
}

void TestQuotaCli::feed(const QString &stdinFile, const QString &at)
{
    const Run r = run({u"statusline"_s}, at, TestHelpers::readFile(fixture(stdinFile)));
    QCOMPARE(r.code, 0);
}

QJsonObject TestQuotaCli::find(const QJsonArray &list, const QString &agent, const QString &window)
{
    for (const QJsonValue &v : list) {
        if (v[u"agent"_s] == agent && v[u"window"_s] == window)
            return v.toObject();
    }
    return {};
}

void TestQuotaCli::compareWindows(const QJsonArray &got, const QJsonArray &want,
                                  const QString &agent)
{
    for (const QJsonValue &w : want) {
        const QJsonObject e = w.toObject();
        const QJsonObject g = find(got, agent, e[u"window"_s].toString());
        QVERIFY2(!g.isEmpty(), qPrintable(agent + u' ' + e[u"window"_s].toString()));
        for (const QString &key : {u"usedPercent"_s, u"lastUsedPercent"_s, u"observedAt"_s,
                                   u"ageSeconds"_s, u"source"_s, u"cached"_s, u"expired"_s})
            QVERIFY2(g[key] == e[key],
                     qPrintable(agent + u' ' + e[u"window"_s].toString() + u' ' + key));
        QCOMPARE(g[u"resetsAt"_s].toString(), e[u"resetsAt"_s].toString().left(19) + u'Z');
        QVERIFY(g[u"windowMinutes"_s].toInt() > 0);
    }
}

void TestQuotaCli::jsonMatchesExpected()
{
    const QJsonArray got = quotas();
    const QJsonArray codex = m_expected[u"codex"_s][u"windows"_s].toArray();
    const QJsonArray claude = m_expected[u"claude"_s][u"withoutStatusline"_s].toArray();
    QCOMPARE(got.size(), codex.size() + claude.size());
    compareWindows(got, codex, u"codex"_s);
    compareWindows(got, claude, u"claude-code"_s);
    QCOMPARE(find(got, u"codex"_s, u"5h"_s)[u"windowMinutes"_s].toInt(), 300);
    QCOMPARE(find(got, u"codex"_s, u"60m"_s)[u"windowMinutes"_s].toInt(), 60);
    // Nothing of .claude.json but the windows reaches the output.
    const Run r = run({u"quota"_s, u"--json"_s, u"--no-scan"_s});
    QCOMPARE(QJsonDocument::fromJson(r.out).object()[u"skippedWindows"_s].toInt(),
             m_expected[u"codex"_s][u"unclassified"_s].toInt());
    QVERIFY(!r.out.contains("fixture@example.invalid"));
    QVERIFY(!r.out.contains("00000000-0000-4000-8000-000000000000"));
    QVERIFY(!r.out.contains("fixture-project"));
}

void TestQuotaCli::statuslineReadingsWin()
{
    feed(u"statusline/stdin-epoch.json"_s, u"2026-07-03T11:55:00Z"_s);
    feed(u"statusline/stdin-no-limits.json"_s, u"2026-07-03T11:58:00Z"_s);
    const QJsonArray got = quotas();
    const QJsonArray want = m_expected[u"claude"_s][u"withStatusline"_s][u"windows"_s].toArray();
    compareWindows(got, want, u"claude-code"_s);
    QCOMPARE(find(got, u"claude-code"_s, u"5h"_s)[u"usedPercent"_s].toDouble(), 18.5);
}

void TestQuotaCli::isoStatuslineGivesTheSame()
{
    feed(u"statusline/stdin-iso.json"_s, u"2026-07-03T11:55:00Z"_s);
    feed(u"statusline/stdin-no-limits.json"_s, u"2026-07-03T11:58:00Z"_s);
    compareWindows(quotas(), m_expected[u"claude"_s][u"withStatusline"_s][u"windows"_s].toArray(),
                   u"claude-code"_s);
}

void TestQuotaCli::appendedNewerObservationWins()
{
    QCOMPARE(find(quotas(), u"codex"_s, u"5h"_s)[u"usedPercent"_s].toDouble(), 48.0);
    // File A (the oldest session) is resumed: a newer reading lands there, and
    // an older-dated one after it must not win.
    QDirIterator it(m_home + u"/.codex/sessions/2026/07/01"_s, {u"*.jsonl"_s}, QDir::Files);
    QVERIFY(it.hasNext());
    QFile a(it.next());
    QVERIFY(a.open(QIODevice::Append));
    a.write(
        R"({"timestamp":"2026-07-03T11:00:00.000Z","type":"event_msg","payload":{"type":"token_count","info":null,"rate_limits":{"primary":{"used_percent":57.0,"window_minutes":300,"resets_at":1783087200},"secondary":null}}})"
        "\n"
        R"({"timestamp":"2026-07-02T11:00:00.000Z","type":"event_msg","payload":{"type":"token_count","info":null,"rate_limits":{"primary":{"used_percent":3.0,"window_minutes":300,"resets_at":1783087200},"secondary":null}}})"
        "\n"
        R"({"timestamp":"2026-07-03T11:30:00.000Z","type":"event_msg","payload":{"type":"token_count","info":null,"rate_limits":{"primary":{"used_percent":140.0,"window_minutes":300,"resets_at":1783087200},"secondary":null}}})"
        "\n");
    a.close();
    const QJsonArray got = quotas();
    const QJsonObject five = find(got, u"codex"_s, u"5h"_s);
    QCOMPARE(five[u"usedPercent"_s].toDouble(), 57.0);
    QCOMPARE(five[u"observedAt"_s].toString(), u"2026-07-03T11:00:00Z"_s);
    // The weekly window it did not mention stays.
    QCOMPARE(find(got, u"codex"_s, u"7d"_s)[u"usedPercent"_s].toDouble(), 13.0);
    // The reading above 100 % is skipped and counted, once however often we look.
    for (int i = 0; i < 2; ++i) {
        const Run r = run({u"quota"_s, u"--json"_s});
        QCOMPARE(QJsonDocument::fromJson(r.out).object()[u"skippedWindows"_s].toInt(), 1);
    }
    QVERIFY(run({u"quota"_s}).out.contains("1 window reading(s) skipped"));
}

void TestQuotaCli::textMarksResetAndCached()
{
    const Run r = run({u"quota"_s});
    QCOMPARE(r.code, 0);
    const QString text = QString::fromUtf8(r.out);
    QVERIFY2(
        text.contains(
            u"codex         5h          48%              resets 2026-07-03 14:00 (in 2h 0m)    seen 2h 0m ago, codex-log"_s),
        qPrintable(text));
    QVERIFY2(text.contains(u"60m         reset (was 1%)"_s), qPrintable(text));
    QVERIFY2(text.contains(u"seen 6h 0m ago, claude-cache (cached)"_s), qPrintable(text));
    // Later, every window has reset; none is shown as current.
    const QJsonArray later = quotas(u"2026-08-01T00:00:00Z"_s);
    QVERIFY(!later.isEmpty());
    for (const QJsonValue &v : later) {
        QVERIFY(v[u"usedPercent"_s].isNull());
        QCOMPARE(v[u"expired"_s].toBool(), true);
    }
    const Run bad = run({u"quota"_s, u"extra"_s});
    QCOMPARE(bad.code, 2);
}

QTEST_GUILESS_MAIN(TestQuotaCli)
#include "test_quota.moc"
