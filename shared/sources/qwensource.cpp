#include "qwensource.h"

#include "core/hash64.h"
#include "core/timestamps.h"
#include "sources/recordsink.h"

#include <algorithm>
#include <string>

using namespace Qt::StringLiterals;
using namespace JsonAccess;

QStringList QwenSource::environmentVariables() const
{
    return {u"QWEN_RUNTIME_DIR"_s, u"QWEN_HOME"_s};
}

QStringList QwenSource::defaultRoots(const SourceEnvironment &env) const
{
    QString runtime = env.variable(u"QWEN_RUNTIME_DIR"_s);
    if (runtime.isEmpty())
        runtime = env.variable(u"QWEN_HOME"_s);
    if (runtime.isEmpty())
        runtime = env.home + u"/.qwen"_s;
    return {runtime + u"/projects"_s};
}

bool QwenSource::acceptsName(std::string_view name) const
{
    return name.size() > 6 && name.ends_with(".jsonl");
}

bool QwenSource::classify(const std::vector<std::string> &rel, SourceFile &file) const
{
    file.kind = SourceKind::AppendLog;
    return rel.size() == 3 && rel[1] == "chats";
}

void QwenSource::parse(const SourceFile &file, const char *data, std::int64_t size,
                       std::int64_t baseOffset, const QByteArray &, ParseResult &out) const
{
    const std::string stem = file.path.section(u'/', -1).section(u'.', 0, 0).toStdString();
    RecordSink::forEachObjectLine(
        data, size, out, [&](simdjson::dom::object &obj, std::int64_t off) {
            const auto type = string(obj, "type");
            if (!type || *type != "assistant")
                return; // user, tool_result, system (ui_telemetry repeats a call's counts)
            const auto usage = RecordSink::object(obj, "usageMetadata");
            if (!usage)
                return;
            CountReader count;
            const std::int64_t prompt = count(*usage, "promptTokenCount");
            const std::int64_t cached = std::min(count(*usage, "cachedContentTokenCount"), prompt);
            const std::int64_t candidates = count(*usage, "candidatesTokenCount");
            const std::int64_t thoughts = count(*usage, "thoughtsTokenCount");
            const std::int64_t tool = count(*usage, "toolUsePromptTokenCount");
            const std::int64_t total = count(*usage, "totalTokenCount");
            RecordCandidate c;
            c.badCount = count.error();
            c.tokens.input = prompt - cached + tool;
            c.tokens.cacheRead = cached;
            // Thoughts are inside the candidates except on the Gemini-native path,
            // where the total shows them beside; more thoughts than candidates
            // cannot be inside them either (reasoning stays within output).
            const bool thoughtsOutside = thoughts > 0 &&
                (total == prompt + candidates + thoughts + tool || thoughts > candidates);
            c.tokens.output = candidates + (thoughtsOutside ? thoughts : 0);
            c.tokens.reasoning = thoughts;
            if (const auto ts = string(obj, "timestamp"))
                c.timestampMs = parseIsoTimestampMs(*ts);
            if (const auto uuid = string(obj, "uuid"); uuid && !uuid->empty())
                c.groupKey = hash64(*uuid, 13);
            c.flags = has(obj, "forkedFrom") ? RecordCopy : 0;
            c.ordinal = baseOffset + off;
            c.model = string(obj, "model").value_or(std::string_view());
            c.session = string(obj, "sessionId").value_or(std::string_view(stem));
            RecordSink::add(out, Agent::QwenCode, c);
        });
}

int QwenSource::rankCopies(const StoredRecord &a, const StoredRecord &b) const
{
    const bool aCopy = a.flags & RecordCopy, bCopy = b.flags & RecordCopy;
    return aCopy == bCopy ? 0 : aCopy ? -1 : 1;
}

DropReason QwenSource::lossReason(const StoredRecord &loser, const StoredRecord &) const
{
    return loser.flags & RecordCopy ? DropReason::QwenBranchCopy : DropReason::QwenDuplicate;
}
