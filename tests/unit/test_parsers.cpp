// The per-file rules of the Claude and Codex parsers, line by line
// (spec/usage-formats.md §2.3, §3.3); cross-file dedup is the ledger's and is
// covered by tests/integration.

#include "pricing/pricetable.h"
#include "sources/claudeparser.h"
#include "sources/codexparser.h"
#include "sources/opencodereader.h"

#include <QTest>

using namespace Qt::StringLiterals;

// Declared before the helpers: moc stops at their raw string literals.
class TestParsers : public QObject
{
    Q_OBJECT

private slots:
    void codexCountsLastAndDropsReemits();
    void codexStaleAndReset();
    void codexMissingLastUsesTotalDelta();
    void codexModelAttribution();
    void codexSubagentBurst();
    void codexResumesFromState();
    void claudeRecords();
    void claudeMalformedAndPending();
    void hostileCounts_data();
    void hostileCounts();
    void integralCountsAreAccepted();
    void futureRecordsAreDropped();
};

namespace {

QByteArray tokenCount(const char *ts, QList<qint64> total, QList<qint64> last,
                      const char *model = nullptr)
{
    auto usage = [](const QList<qint64> &u) -> QByteArray {
        return QByteArray(R"({"input_tokens":)") + QByteArray::number(u[0]) +
            R"(,"cached_input_tokens":)" + QByteArray::number(u[1]) + R"(,"output_tokens":)" +
            QByteArray::number(u[2]) + R"(,"reasoning_output_tokens":)" + QByteArray::number(u[3]) +
            R"(,"total_tokens":)" + QByteArray::number(u[0] + u[2]) + "}";
    };
    QByteArray info = "{";
    if (!total.isEmpty())
        info += R"("total_token_usage":)" + usage(total);
    if (!last.isEmpty())
        info += QByteArray(total.isEmpty() ? "" : ",") + R"("last_token_usage":)" + usage(last);
    if (model)
        info += QByteArray(R"(,"model":")") + model + "\"";
    info += "}";
    return QByteArray(R"({"timestamp":")") + ts +
        R"(","type":"event_msg","payload":{"type":"token_count","info":)" + info + "}}\n";
}

QByteArray turnContext(const char *model)
{
    return QByteArray(
               R"({"timestamp":"2026-11-01T10:00:00.000Z","type":"turn_context","payload":{"cwd":"/x","model":")") +
        model + "\"}}\n";
}

ParseResult parseCodex(const QByteArray &text, const QByteArray &state = {}, qint64 base = 0)
{
    QByteArray padded = text + QByteArray(64, '\0');
    SourceFile f {
        u"/h/.codex/sessions/rollout-2026-11-01T10-00-00-0193a0b1-0000-7000-8000-000000000001.jsonl"_s,
        Agent::Codex,
        SourceKind::AppendLog,
        {},
        0};
    ParseResult r;
    CodexParser::parse(f, padded.constData(), text.size(), base, state, r);
    return r;
}

ParseResult parseClaude(const QByteArray &text, const QString &hint = {})
{
    QByteArray padded = text + QByteArray(64, '\0');
    SourceFile f {u"/h/.claude/projects/p/0f0e.jsonl"_s, Agent::ClaudeCode, SourceKind::AppendLog,
                  hint, 0};
    ParseResult r;
    ClaudeParser::parse(f, padded.constData(), text.size(), 0, r);
    return r;
}

QByteArray claudeLine(const char *id, const char *req, qint64 in, qint64 out,
                      const char *extra = "", const char *usageSep = ":")
{
    return QByteArray(
               R"({"type":"assistant","sessionId":"sess-1","timestamp":"2026-11-01T10:00:00.000Z",)") +
        extra + (req ? QByteArray(R"("requestId":")") + req + "\"," : QByteArray()) +
        R"("message":{"id":")" + id +
        R"(","model":"claude-sonnet-4-5-20250929","content":[{"type":"text","text":"hi \"usage\": {}"}],"usage")" +
        usageSep + R"({"input_tokens":)" + QByteArray::number(in) +
        R"(,"cache_creation_input_tokens":5,"cache_read_input_tokens":7,"output_tokens":)" +
        QByteArray::number(out) + "}}}\n";
}

} // namespace

void TestParsers::codexCountsLastAndDropsReemits()
{
    QByteArray t = turnContext("gpt-5-codex");
    t += tokenCount("2026-11-01T10:00:01.000Z", {100, 40, 10, 4}, {100, 40, 10, 4});
    t +=
        R"({"timestamp":"2026-11-01T10:00:02.000Z","type":"event_msg","payload":{"type":"token_count","info":null}})"
        "\n";
    t += tokenCount("2026-11-01T10:00:03.000Z", {100, 40, 10, 4}, {100, 40, 10, 4}); // re-emit
    t += tokenCount("2026-11-01T10:00:04.000Z", {250, 100, 30, 9}, {150, 60, 20, 5});
    const ParseResult r = parseCodex(t);
    QCOMPARE(r.records.size(), size_t(2));
    QCOMPARE(r.drops[DropReason::CodexReemit], 1);
    // input excludes the cached part; reasoning stays inside output.
    QCOMPARE(r.records[0].tokens.input, 60);
    QCOMPARE(r.records[0].tokens.cacheRead, 40);
    QCOMPARE(r.records[0].tokens.output, 10);
    QCOMPARE(r.records[0].tokens.reasoning, 4);
    QCOMPARE(r.records[0].tokens.total(), 110);
    QCOMPARE(r.records[1].tokens.input, 90);
    QCOMPARE(r.records[1].tokens.cacheRead, 60);
    QCOMPARE(r.models.at(r.records[1].model), std::string("gpt-5-codex"));
    QCOMPARE(r.sessions.at(r.records[0].session),
             std::string("0193a0b1-0000-7000-8000-000000000001"));
    QVERIFY(r.records[0].groupKey != r.records[1].groupKey);
}

void TestParsers::codexStaleAndReset()
{
    QByteArray t = turnContext("gpt-5");
    t += tokenCount("2026-11-01T10:00:01.000Z", {1000, 0, 100, 0}, {1000, 0, 100, 0});
    // 99% of the previous total: a stale snapshot, dropped, baseline kept.
    t += tokenCount("2026-11-01T10:00:02.000Z", {990, 0, 99, 0}, {10, 0, 1, 0});
    // Far below: a real counter reset, its last usage counts.
    t += tokenCount("2026-11-01T10:00:03.000Z", {50, 0, 5, 0}, {50, 0, 5, 0});
    t += tokenCount("2026-11-01T10:00:04.000Z", {80, 0, 8, 0}, {30, 0, 3, 0});
    const ParseResult r = parseCodex(t);
    QCOMPARE(r.drops[DropReason::CodexStale], 1);
    QCOMPARE(r.records.size(), size_t(3));
    QCOMPARE(r.records[1].tokens.input, 50);
    QCOMPARE(r.records[2].tokens.input, 30);
}

void TestParsers::codexMissingLastUsesTotalDelta()
{
    QByteArray t = turnContext("gpt-5");
    t += tokenCount("2026-11-01T10:00:01.000Z", {1000, 100, 200, 20}, {});
    t += tokenCount("2026-11-01T10:00:02.000Z", {1600, 300, 450, 40}, {});
    const ParseResult r = parseCodex(t);
    QCOMPARE(r.records.size(), size_t(2));
    QCOMPARE(r.records[1].tokens.input, 400); // 600 - 200 cached
    QCOMPARE(r.records[1].tokens.cacheRead, 200);
    QCOMPARE(r.records[1].tokens.output, 250);
    QCOMPARE(r.records[1].tokens.reasoning, 20);
}

void TestParsers::codexModelAttribution()
{
    QByteArray t = turnContext("gpt-5-codex");
    t += tokenCount("2026-11-01T10:00:01.000Z", {10, 0, 1, 0}, {10, 0, 1, 0});
    t += tokenCount("2026-11-01T10:00:02.000Z", {20, 0, 2, 0}, {10, 0, 1, 0}, "gpt-5-mini");
    t += turnContext("gpt-5.1-codex");
    t += tokenCount("2026-11-01T10:00:03.000Z", {30, 0, 3, 0}, {10, 0, 1, 0});
    const ParseResult r = parseCodex(t);
    QCOMPARE(r.records.size(), size_t(3));
    QCOMPARE(r.models.at(r.records[0].model), std::string("gpt-5-codex"));
    QCOMPARE(r.models.at(r.records[1].model), std::string("gpt-5-mini"));
    QCOMPARE(r.models.at(r.records[2].model), std::string("gpt-5.1-codex"));
}

void TestParsers::codexSubagentBurst()
{
    const QByteArray meta =
        R"({"timestamp":"2026-11-01T10:00:00.000Z","type":"session_meta","payload":{"id":"sub-1","source":{"subagent":{"thread_spawn":{"parent_thread_id":"p"}}}}})"
        "\n";
    QByteArray t = meta + turnContext("gpt-5");
    t += tokenCount("2026-11-01T10:00:05.100Z", {100, 0, 10, 0}, {100, 0, 10, 0});
    t += tokenCount("2026-11-01T10:00:05.200Z", {300, 0, 30, 0}, {200, 0, 20, 0});
    t += tokenCount("2026-11-01T10:00:05.300Z", {600, 0, 60, 0}, {300, 0, 30, 0});
    t += tokenCount("2026-11-01T10:00:09.000Z", {650, 0, 65, 0}, {50, 0, 5, 0});
    ParseResult r = parseCodex(t);
    QCOMPARE(r.drops[DropReason::CodexSubagentReplay], 3);
    QCOMPARE(r.records.size(), size_t(1));
    QCOMPARE(r.records[0].tokens.input, 50);
    QCOMPARE(r.sessions.at(r.records[0].session), std::string("sub-1"));

    // A first event alone in its second is not a burst.
    QByteArray single = meta + turnContext("gpt-5");
    single += tokenCount("2026-11-01T10:00:05.100Z", {100, 0, 10, 0}, {100, 0, 10, 0});
    single += tokenCount("2026-11-01T10:00:07.000Z", {150, 0, 15, 0}, {50, 0, 5, 0});
    r = parseCodex(single);
    QCOMPARE(r.drops[DropReason::CodexSubagentReplay], 0);
    QCOMPARE(r.records.size(), size_t(2));
}

void TestParsers::codexResumesFromState()
{
    QByteArray first = turnContext("gpt-5");
    first += tokenCount("2026-11-01T10:00:01.000Z", {100, 0, 10, 0}, {100, 0, 10, 0});
    QByteArray second = tokenCount("2026-11-01T10:00:02.000Z", {100, 0, 10, 0}, {100, 0, 10, 0});
    second += tokenCount("2026-11-01T10:00:03.000Z", {180, 0, 18, 0}, {});
    const ParseResult whole = parseCodex(first + second);
    const ParseResult a = parseCodex(first);
    const ParseResult b = parseCodex(second, a.state, first.size());
    QCOMPARE(a.records.size() + b.records.size(), whole.records.size());
    QCOMPARE(b.drops[DropReason::CodexReemit], 1);
    QCOMPARE(b.records.size(), size_t(1));
    QCOMPARE(b.records[0].tokens.input, whole.records.back().tokens.input);
    QCOMPARE(b.records[0].groupKey, whole.records.back().groupKey);
    QCOMPARE(b.models.at(b.records[0].model), std::string("gpt-5"));
}

void TestParsers::claudeRecords()
{
    QByteArray t = claudeLine("msg_1", "req_1", 3, 1);
    t += claudeLine("msg_1", "req_1", 3, 90, "", ": "); // spaced "usage": {
    t += claudeLine("msg_2", nullptr, 4, 2, R"("isSidechain":true,)");
    t +=
        R"({"type":"progress","timestamp":"2026-11-01T10:00:01.000Z","sessionId":"sess-1","data":{"message":{"type":"assistant","requestId":"req_9","message":{"id":"msg_9","model":"claude-haiku-4-5","usage":{"input_tokens":1,"output_tokens":1}}}}})"
        "\n";
    t +=
        R"({"type":"assistant","timestamp":"2026-11-01T10:00:02.000Z","message":{"id":"msg_z","model":"<synthetic>","usage":{"input_tokens":0,"output_tokens":0}}})"
        "\n";
    t += R"({"type":"user","message":{"role":"user","content":"no usage here"}})"
         "\n";
    const ParseResult r = parseClaude(t);
    QCOMPARE(r.records.size(), size_t(4));
    QCOMPARE(r.drops[DropReason::ZeroUsage], 1);
    QCOMPARE(r.malformedLines(), 0);
    QCOMPARE(r.records[0].groupKey, r.records[1].groupKey);
    QCOMPARE(r.records[0].subKey, r.records[1].subKey);
    QCOMPARE(r.records[1].tokens.output, 90);
    QCOMPARE(r.records[1].tokens.cacheWrite, 5);
    QCOMPARE(r.records[1].tokens.cacheRead, 7);
    QVERIFY(r.records[2].flags & RecordSidechain);
    QCOMPARE(r.records[2].subKey, 0u);
    QVERIFY(r.records[3].flags & RecordMirror);
    QCOMPARE(r.models.at(r.records[3].model), std::string("claude-haiku-4-5"));
    QCOMPARE(r.sessions.at(r.records[0].session), std::string("sess-1"));
    // A sub-agent file counts toward the session its folder names.
    const ParseResult sub = parseClaude(claudeLine("msg_3", "req_3", 1, 1), u"parent-session"_s);
    QCOMPARE(sub.sessions.at(sub.records[0].session), std::string("parent-session"));
}

void TestParsers::claudeMalformedAndPending()
{
    const QByteArray good = claudeLine("msg_1", "req_1", 3, 1);
    QByteArray t = good;
    t += good.left(good.size() / 2) + "\n"; // truncated mid-line
    t += "{not json}\n";
    t += "\xff\xfe garbage\n";
    t += "\n";
    const QByteArray half = good.left(good.size() - 20); // still being written
    t += half;
    const ParseResult r = parseClaude(t);
    QCOMPARE(r.records.size(), size_t(1));
    QCOMPARE(r.malformedLines(), 3);
    QCOMPARE(r.pendingBytes, qint64(half.size()));
    QCOMPARE(r.consumedBytes, qint64(t.size() - half.size()));
}

namespace {

// One usage line per agent with \a value (JSON text) as a token count.
QByteArray claudeWith(const QByteArray &value)
{
    return R"({"type":"assistant","sessionId":"s","timestamp":"2026-11-01T10:00:00.000Z","requestId":"r","message":{"id":"m","model":"claude-sonnet-4-5","usage":{"input_tokens":3,"cache_creation_input_tokens":5,"cache_read_input_tokens":7,"output_tokens":)" +
        value + "}}}\n";
}

QByteArray codexWith(const QByteArray &value)
{
    return turnContext("gpt-5-codex") +
        R"({"timestamp":"2026-11-01T10:00:01.000Z","type":"event_msg","payload":{"type":"token_count","info":{"total_token_usage":{"input_tokens":100,"cached_input_tokens":50,"output_tokens":)" +
        value +
        R"(,"reasoning_output_tokens":0,"total_tokens":110},"last_token_usage":{"input_tokens":100,"cached_input_tokens":50,"output_tokens":10,"reasoning_output_tokens":0,"total_tokens":110}}}})"
        "\n";
}

ParseResult parseOpenCode(const QByteArray &json)
{
    QByteArray padded = json + QByteArray(64, '\0');
    SourceFile f {u"/h/.local/share/opencode/storage/message/ses_1/msg_1.json"_s, Agent::OpenCode,
                  SourceKind::WholeJson, u"ses_1"_s, 0};
    ParseResult r;
    OpenCodeReader::parseMessageFile(f, padded.constData(), json.size(), r);
    return r;
}

QByteArray openCodeWith(const QByteArray &value, const QByteArray &created = "1791000000000")
{
    return R"({"id":"msg_1","sessionID":"ses_1","role":"assistant","modelID":"claude-sonnet-4-5","time":{"created":)" +
        created + R"(},"tokens":{"input":)" + value +
        R"(,"output":20,"reasoning":0,"cache":{"read":1,"write":2}}})";
}

} // namespace

void TestParsers::hostileCounts_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<MalformedReason>("reason");
    QTest::addRow("exponent overflow") << QByteArray("1e300") << MalformedReason::CountTooLarge;
    QTest::addRow("2^64-1") << QByteArray("18446744073709551615") << MalformedReason::CountTooLarge;
    QTest::addRow("2^53+1") << QByteArray("9007199254740993") << MalformedReason::CountTooLarge;
    QTest::addRow("negative") << QByteArray("-5") << MalformedReason::NegativeCount;
    QTest::addRow("negative fraction") << QByteArray("-0.5") << MalformedReason::NegativeCount;
    QTest::addRow("fraction") << QByteArray("12.5") << MalformedReason::FractionalCount;
    QTest::addRow("string") << QByteArray(R"("7")") << MalformedReason::NonNumericCount;
    QTest::addRow("boolean") << QByteArray("true") << MalformedReason::NonNumericCount;
    QTest::addRow("object") << QByteArray(R"({"n":1})") << MalformedReason::NonNumericCount;
    QTest::addRow("null") << QByteArray("null") << MalformedReason::NullCount;
}

void TestParsers::hostileCounts()
{
    QFETCH(QByteArray, value);
    QFETCH(MalformedReason, reason);
    // Nothing of the line counts, and it is counted under its reason: Claude...
    const ParseResult c = parseClaude(claudeWith(value));
    QCOMPARE(c.records.size(), size_t(0));
    QCOMPARE(c.malformed[reason], 1);
    QCOMPARE(c.malformedLines(), 1);
    QVERIFY(c.drops.isZero());
    // ...Codex, whose baseline stays where it was: the next event counts in full...
    QByteArray codex = codexWith(value);
    codex += tokenCount("2026-11-01T10:00:02.000Z", {100, 50, 10, 0}, {100, 50, 10, 0});
    const ParseResult x = parseCodex(codex);
    QCOMPARE(x.malformed[reason], 1);
    QCOMPARE(x.malformedLines(), 1);
    QCOMPARE(x.records.size(), size_t(1));
    QCOMPARE(x.records[0].tokens.total(), 110);
    // ...and OpenCode.
    const ParseResult o = parseOpenCode(openCodeWith(value));
    QCOMPARE(o.records.size(), size_t(0));
    QCOMPARE(o.malformed[reason], 1);
}

void TestParsers::integralCountsAreAccepted()
{
    // Integers written as floats are still integers; 2^53 is the largest count.
    for (const auto &[text, n] :
         {std::pair {QByteArray("12.0"), qint64(12)}, std::pair {QByteArray("1e3"), qint64(1000)},
          std::pair {QByteArray("-0"), qint64(0)},
          std::pair {QByteArray("9007199254740992"), qint64(9007199254740992)}}) {
        const ParseResult c = parseClaude(claudeWith(text));
        QVERIFY2(c.malformedLines() == 0, text.constData());
        QCOMPARE(c.records.size(), size_t(1));
        QCOMPARE(c.records[0].tokens.output, n);
    }
}

void TestParsers::futureRecordsAreDropped()
{
    // A day of tolerance for skewed clocks; beyond it a record is dropped and counted.
    const qint64 now = 1791000000000; // 2026-10-03T...Z
    auto withLimit = [&](auto parse) {
        ParseResult r;
        r.notAfterMs = now + 24 * 3600 * 1000;
        parse(r);
        return r;
    };
    const QByteArray soon =
        R"({"type":"assistant","timestamp":"2026-10-04T00:00:00.000Z","message":{"id":"a","model":"m","usage":{"input_tokens":1}}})"
        "\n";
    const QByteArray later =
        R"({"type":"assistant","timestamp":"2099-01-01T00:00:00.000Z","message":{"id":"b","model":"m","usage":{"input_tokens":1}}})"
        "\n";
    const QByteArray text = soon + later;
    QByteArray padded = text + QByteArray(64, '\0');
    SourceFile f {
        u"/h/.claude/projects/p/s.jsonl"_s, Agent::ClaudeCode, SourceKind::AppendLog, {}, 0};
    const ParseResult c = withLimit(
        [&](ParseResult &r) { ClaudeParser::parse(f, padded.constData(), text.size(), 0, r); });
    QCOMPARE(c.records.size(), size_t(1));
    QCOMPARE(c.drops[DropReason::FutureTimestamp], 1);
    QCOMPARE(c.malformedLines(), 0);

    const QByteArray x = turnContext("gpt-5") +
        tokenCount("2099-01-01T00:00:00.000Z", {100, 0, 10, 0}, {100, 0, 10, 0});
    QByteArray xp = x + QByteArray(64, '\0');
    SourceFile xf {
        u"/h/.codex/sessions/rollout-x.jsonl"_s, Agent::Codex, SourceKind::AppendLog, {}, 0};
    const ParseResult cx = withLimit(
        [&](ParseResult &r) { CodexParser::parse(xf, xp.constData(), x.size(), 0, {}, r); });
    QCOMPARE(cx.records.size(), size_t(0));
    QCOMPARE(cx.drops[DropReason::FutureTimestamp], 1);

    const QByteArray o = openCodeWith("5", "4070908800000");
    QByteArray op = o + QByteArray(64, '\0');
    SourceFile of {u"/h/.local/share/opencode/storage/message/ses_1/msg_1.json"_s, Agent::OpenCode,
                   SourceKind::WholeJson, u"ses_1"_s, 0};
    const ParseResult co = withLimit(
        [&](ParseResult &r) { OpenCodeReader::parseMessageFile(of, op.constData(), o.size(), r); });
    QCOMPARE(co.records.size(), size_t(0));
    QCOMPARE(co.drops[DropReason::FutureTimestamp], 1);
}

QTEST_GUILESS_MAIN(TestParsers)
#include "test_parsers.moc"
