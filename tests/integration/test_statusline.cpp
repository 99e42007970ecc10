// `tokentally statusline` as Claude Code runs it: its JSON on stdin, one line out,
// fresh after an append to the transcript, quota windows kept in the store, and
// one short line with exit 0 for any bad input.

#include "store/localstore.h"
#include "testhelpers.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// Now: Friday 2026-11-20 15:30 UTC (TZ=UTC in the test environment).
const QString Now = u"2026-11-20T15:30:00.000Z"_s;
const char *Session = "5b1c0f3e-0000-4000-8000-000000000001";

// One Sonnet 4.5 call of 100,000 input and 10,000 output tokens: $0.30 + $0.15.
QByteArray claudeCall(const char *session, const char *id, const char *timestamp)
{
    return QByteArray(R"({"type":"assistant","sessionId":")") + session + R"(","timestamp":")" +
        timestamp + R"(","requestId":"req_)" + id + R"(","message":{"id":"msg_)" + id +
        R"(","model":"claude-sonnet-4-5-20250929","role":"assistant","content":[{"type":"text","text":"ok"}],"usage":{"input_tokens":100000,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":10000}}})"
        "\n";
}

} // namespace

class TestStatusline : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void lineShowsSessionTodayBlockAndQuota();
    void appendShowsInTheNextCall();
    void quotaWindowsAreKept();
    void badInputGetsOneShortLine_data();
    void badInputGetsOneShortLine();
    void unusableStoreGetsOneShortLine();

private:
    using Run = TestHelpers::Run;
    Run run(const QByteArray &input, const QString &db = {});
    QByteArray input(const QByteArray &rateLimits = {}) const;
    QString transcript() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_home, m_db;
};

void TestStatusline::init()
{
    // A fresh home and store for every function: each one runs alone too.
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_home = m_dir->filePath(u"home"_s);
    m_db = m_dir->filePath(u"usage.db"_s);
    const QString projects = m_home + u"/.claude/projects"_s;
    QVERIFY(QDir().mkpath(projects + u"/-work-app"_s));
    QVERIFY(QDir().mkpath(projects + u"/-work-other"_s));
    QVERIFY(QDir().mkpath(m_home + u"/.codex/sessions/2026/11/20"_s));
    auto write = [](const QString &path, const QByteArray &bytes) {
        QFile f(path);
        return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
    };
    // This session: yesterday, then twice today (11:10 and 14:05).
    QVERIFY(write(transcript(),
                  claudeCall(Session, "a0", "2026-11-19T09:00:00.000Z") +
                      claudeCall(Session, "a1", "2026-11-20T11:10:00.000Z") +
                      claudeCall(Session, "a2", "2026-11-20T14:05:00.000Z")));
    // Another Claude session today (09:00) and a Codex call today (12:00), $0.45 each:
    // 200,000 input and 20,000 output tokens of gpt-5-codex.
    QVERIFY(write(
        projects + u"/-work-other/6c2d1f4a-0000-4000-8000-000000000002.jsonl"_s,
        claudeCall("6c2d1f4a-0000-4000-8000-000000000002", "b0", "2026-11-20T09:00:00.000Z")));
    QVERIFY(write(
        m_home +
            u"/.codex/sessions/2026/11/20/rollout-2026-11-20T06-00-00-0193a0b1-0000-7000-8000-000000000003.jsonl"_s,
        R"({"timestamp":"2026-11-20T12:00:00.000Z","type":"turn_context","payload":{"model":"gpt-5-codex"}})"
        "\n"
        R"({"timestamp":"2026-11-20T12:00:01.000Z","type":"event_msg","payload":{"type":"token_count","info":{"total_token_usage":{"input_tokens":200000,"cached_input_tokens":0,"output_tokens":20000,"reasoning_output_tokens":0,"total_tokens":220000},"last_token_usage":{"input_tokens":200000,"cached_input_tokens":0,"output_tokens":20000,"reasoning_output_tokens":0,"total_tokens":220000}}}})"
        "\n"));
}

QString TestStatusline::transcript() const
{
    return m_home + u"/.claude/projects/-work-app/"_s + QString::fromLatin1(Session) + u".jsonl"_s;
}

QByteArray TestStatusline::input(const QByteArray &rateLimits) const
{
    QByteArray json = R"({"hook_event_name":"Status","session_id":")" + QByteArray(Session) +
        R"(","transcript_path":")" + transcript().toUtf8() +
        R"(","cwd":"/work/app","model":{"id":"claude-sonnet-4-5-20250929","display_name":"Sonnet 4.5"},"workspace":{"current_dir":"/work/app","project_dir":"/work/app"},"version":"2.0.31","cost":{"total_cost_usd":1.23,"total_duration_ms":45000})";
    if (!rateLimits.isEmpty())
        json += R"(,"rate_limits":)" + rateLimits;
    return json + "}";
}

TestStatusline::Run TestStatusline::run(const QByteArray &stdinData, const QString &db)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"HOME"_s, m_home);
    env.insert(u"TOKENTALLY_NOW"_s, Now);
    env.insert(u"TZ"_s, u"UTC"_s);
    for (const QString &v :
         {u"CLAUDE_CONFIG_DIR"_s, u"CODEX_HOME"_s, u"XDG_DATA_HOME"_s, u"XDG_CONFIG_HOME"_s})
        env.remove(v);
    return TestHelpers::run(TestHelpers::programPath(u"tokentally"_s),
                            {u"statusline"_s, u"--db"_s, db.isEmpty() ? m_db : db}, env, stdinData);
}

void TestStatusline::lineShowsSessionTodayBlockAndQuota()
{
    const Run r = run(input(
        R"({"five_hour":{"used_percentage":42.4,"resets_at":1795194000},"seven_day":{"used_percentage":13,"resets_at":"2026-11-26T09:00:00Z"}})"));
    QCOMPARE(r.code, 0);
    QCOMPARE(r.err, QByteArray());
    // Session: three calls, one of them yesterday. Today: two of this session, one
    // of another, one Codex call. Block: 14:00-19:00 (the 09:00 block ended at
    // 14:00), one call, 1.5 h in. 5h resets at 17:00 today, 7d on Thursday.
    QCOMPARE(r.out,
             QByteArray("Sonnet 4.5 | session 330K tok, $1.35 | today 550K tok, $1.80 | block "
                        "$0.45, $0.30/h, 3h30m left | 5h 42% (resets 17:00), 7d 13% (resets "
                        "Thu 09:00)\n"));
}

void TestStatusline::appendShowsInTheNextCall()
{
    QCOMPARE(run(input()).out,
             QByteArray("Sonnet 4.5 | session 330K tok, $1.35 | today 550K tok, $1.80 | block "
                        "$0.45, $0.30/h, 3h30m left\n"));
    QFile f(transcript());
    QVERIFY(f.open(QIODevice::Append));
    f.write(claudeCall(Session, "a3", "2026-11-20T15:20:00.000Z"));
    f.close();
    // The very next call: no cache to wait out.
    QCOMPARE(run(input()).out,
             QByteArray("Sonnet 4.5 | session 440K tok, $1.80 | today 660K tok, $2.25 | block "
                        "$0.90, $0.60/h, 3h30m left\n"));
}

void TestStatusline::quotaWindowsAreKept()
{
    QCOMPARE(run(input(R"({"five_hour":{"used_percentage":42.4,"resets_at":1795194000},)"
                       R"("seven_day":{"used_percentage":13,"resets_at":"2026-11-26T09:00:00Z"}})"))
                 .code,
             0);
    // Claude Code omits rate_limits at times: that erases nothing.
    QCOMPARE(run(input()).code, 0);
    LocalStore store;
    QString error;
    QVERIFY2(store.open(m_db, &error), qPrintable(error));
    const std::vector<QuotaObservation> q = store.quotas();
    QCOMPARE(q.size(), size_t(2));
    QCOMPARE(q[0].window, u"5h"_s);
    QCOMPARE(q[0].agent, Agent::ClaudeCode);
    QCOMPARE(q[0].usedPercent, 42.4);
    QCOMPARE(q[0].resetsAt, std::optional<std::int64_t>(1795194000));
    QCOMPARE(q[0].observedMs, QDateTime::fromString(Now, Qt::ISODateWithMs).toMSecsSinceEpoch());
    QCOMPARE(q[0].source, u"claude-statusline"_s);
    QCOMPARE(q[1].window, u"7d"_s);
    QCOMPARE(q[1].usedPercent, 13.0);
    // ISO-8601 and epoch milliseconds read as the same instant.
    QCOMPARE(q[1].resetsAt, std::optional<std::int64_t>(1795683600));
    QCOMPARE(run(input(R"({"seven_day":{"used_percentage":14,"resets_at":1795683600000}})")).code,
             0);
    const std::vector<QuotaObservation> again = store.quotas();
    QCOMPARE(again[1].usedPercent, 14.0);
    QCOMPARE(again[1].resetsAt, std::optional<std::int64_t>(1795683600));
}

void TestStatusline::badInputGetsOneShortLine_data()
{
    QTest::addColumn<QByteArray>("stdinData");
    QTest::addColumn<QByteArray>("expected");
    QTest::addRow("empty") << QByteArray() << QByteArray("TokenTally: no input\n");
    QTest::addRow("blank") << QByteArray(" \n\t") << QByteArray("TokenTally: no input\n");
    QTest::addRow("garbage") << QByteArray("{\"session_id\": oops")
                             << QByteArray("TokenTally: input is not a JSON object\n");
    QTest::addRow("array") << QByteArray("[1,2]")
                           << QByteArray("TokenTally: input is not a JSON object\n");
    QTest::addRow("binary") << QByteArray("\xff\xfe\x00\x01", 4)
                            << QByteArray("TokenTally: input is not a JSON object\n");
    // Valid JSON, wrong shapes: numbers where strings belong, no session, a
    // transcript elsewhere. The line still comes, with what is known.
    QTest::addRow("wrong types")
        << QByteArray(R"({"session_id":7,"transcript_path":[],"model":3,"rate_limits":"x"})")
        << QByteArray("today 550K tok, $1.80 | block $0.45, $0.30/h, 3h30m left\n");
    QTest::addRow("hostile limits")
        << QByteArray(
               R"({"rate_limits":{"five_hour":{"used_percentage":"all"},"seven_day":{"used_percentage":-5,"resets_at":"soon"}}})")
        << QByteArray("today 550K tok, $1.80 | block $0.45, $0.30/h, 3h30m left\n");
}

void TestStatusline::badInputGetsOneShortLine()
{
    QFETCH(QByteArray, stdinData);
    QFETCH(QByteArray, expected);
    // The store first holds today's data, as it would after any earlier call.
    QCOMPARE(run(input()).code, 0);
    const Run r = run(stdinData);
    QCOMPARE(r.code, 0);
    QCOMPARE(r.out, expected);
    QCOMPARE(r.out.count('\n'), 1);
    QCOMPARE(r.err, QByteArray());
}

void TestStatusline::unusableStoreGetsOneShortLine()
{
    // A store that cannot be opened (a folder in its place): still one line, exit 0.
    const QString folder = m_dir->filePath(u"not-a-db"_s);
    QVERIFY(QDir().mkpath(folder));
    const Run r = run(input(), folder);
    QCOMPARE(r.code, 0);
    QCOMPARE(r.out, QByteArray("TokenTally: store unavailable\n"));
    QCOMPARE(r.err, QByteArray());
}

QTEST_GUILESS_MAIN(TestStatusline)
#include "test_statusline.moc"
