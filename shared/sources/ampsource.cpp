#include "ampsource.h"

#include "core/hash64.h"
#include "core/timestamps.h"
#include "sources/recordsink.h"
#include "sources/sourcepaths.h"

#include <string>
#include <unordered_set>

using namespace Qt::StringLiterals;
using namespace JsonAccess;

namespace {

// messageId is a number in every thread seen; read it as text for the key.
std::optional<std::int64_t> messageIdOf(simdjson::dom::object &obj, std::string_view key)
{
    std::int64_t id = 0;
    auto field = obj.at_key(key);
    if (field.error() || field.get_int64().get(id) != simdjson::SUCCESS)
        return std::nullopt;
    return id;
}

} // namespace

QStringList AmpSource::environmentVariables() const
{
    return {u"AMP_DATA_DIR"_s};
}

QStringList AmpSource::defaultRoots(const SourceEnvironment &env) const
{
    const QString dir = env.variable(u"AMP_DATA_DIR"_s);
    if (!dir.isEmpty())
        return {dir + u"/threads"_s};
    return {SourcePaths::orDefault(env.xdgDataHome, env.home + u"/.local/share"_s) +
            u"/amp/threads"_s};
}

bool AmpSource::acceptsName(std::string_view name) const
{
    return name.starts_with("T-") && name.ends_with(".json");
}

bool AmpSource::classify(const std::vector<std::string> &rel, SourceFile &file) const
{
    file.kind = SourceKind::WholeJson;
    return rel.size() == 1;
}

void AmpSource::parse(const SourceFile &file, const char *data, std::int64_t size, std::int64_t,
                      const QByteArray &, ParseResult &out) const
{
    thread_local simdjson::dom::parser parser;
    const auto doc = RecordSink::wholeObject(parser, data, size, out);
    if (!doc)
        return;
    auto thread = *doc;
    const std::string stem = file.path.section(u'/', -1).chopped(5).toStdString();
    const std::string threadId(string(thread, "id").value_or(std::string_view(stem)));
    const std::uint64_t threadKey = hash64(threadId, 14);
    std::unordered_set<std::int64_t> messagesWithUsage;
    std::int64_t ordinal = 0;
    if (const auto messages = RecordSink::array(thread, "messages")) {
        for (simdjson::dom::element m : *messages) {
            ++ordinal;
            simdjson::dom::object msg;
            if (m.get_object().get(msg) != simdjson::SUCCESS)
                continue;
            const auto role = string(msg, "role");
            const auto usage = RecordSink::object(msg, "usage");
            if (!role || *role != "assistant" || !usage)
                continue;
            const auto messageId = messageIdOf(msg, "messageId");
            if (messageId)
                messagesWithUsage.insert(*messageId);
            CountReader count;
            RecordCandidate c;
            c.tokens.input = count(*usage, "inputTokens");
            c.tokens.cacheWrite = count(*usage, "cacheCreationInputTokens");
            c.tokens.cacheRead = count(*usage, "cacheReadInputTokens");
            c.tokens.output = count(*usage, "outputTokens");
            c.badCount = count.error();
            if (const auto ts = string(*usage, "timestamp"))
                c.timestampMs = parseIsoTimestampMs(*ts);
            if (messageId)
                c.groupKey = hashCombine(threadKey, std::uint64_t(*messageId));
            c.ordinal = ordinal;
            c.model = string(*usage, "model").value_or(std::string_view());
            c.session = threadId;
            RecordSink::add(out, Agent::Amp, c);
        }
    }
    const auto ledger = RecordSink::object(thread, "usageLedger");
    const auto events = ledger ? RecordSink::array(*ledger, "events") : std::nullopt;
    if (!events)
        return;
    for (simdjson::dom::element e : *events) {
        ++ordinal;
        simdjson::dom::object event;
        if (e.get_object().get(event) != simdjson::SUCCESS)
            continue;
        const auto tokens = RecordSink::object(event, "tokens");
        if (!tokens)
            continue;
        const auto to = messageIdOf(event, "toMessageId");
        if (to && messagesWithUsage.count(*to)) {
            ++out.drops[DropReason::AmpLedgerDuplicate];
            continue;
        }
        CountReader count;
        RecordCandidate c;
        c.tokens.input = count(*tokens, "input");
        c.tokens.output = count(*tokens, "output");
        c.badCount = count.error();
        if (const auto ts = string(event, "timestamp"))
            c.timestampMs = parseIsoTimestampMs(*ts);
        if (const auto id = string(event, "id"); id && !id->empty())
            c.groupKey = hashCombine(threadKey, hash64(*id, 15));
        c.ordinal = ordinal;
        c.model = string(event, "model").value_or(std::string_view());
        c.session = threadId;
        RecordSink::add(out, Agent::Amp, c);
    }
}

DropReason AmpSource::lossReason(const StoredRecord &, const StoredRecord &) const
{
    return DropReason::AmpCopied;
}
