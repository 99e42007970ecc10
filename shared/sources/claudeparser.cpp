#include "claudeparser.h"

#include "core/hash64.h"
#include "core/timestamps.h"
#include "sources/jsonaccess.h"

using namespace JsonAccess;

namespace {

struct Entry
{
    std::optional<std::string_view> timestamp;
    std::optional<std::string_view> requestId;
    std::optional<std::string_view> sessionId;
    std::optional<std::string_view> messageId;
    std::optional<std::string_view> model;
    bool sidechain = false;
    bool hasUsage = false;
    bool hasSpeed = false;
    TokenCounts tokens;
    std::int64_t cacheWrite1h = 0;
    std::optional<MalformedReason> badCount; //!< a hostile token count: skip the line
};

// Reads the fields of a transcript entry: the top-level line, or the entry a
// `progress` line mirrors under data.message.
template<typename Obj> simdjson::error_code readEntry(Obj &obj, Entry &e)
{
    e.timestamp = string(obj, "timestamp");
    e.requestId = string(obj, "requestId");
    if (auto s = string(obj, "sessionId"))
        e.sessionId = s;
    e.sidechain = boolean(obj, "isSidechain");
    auto msgField = obj.at_key("message");
    if (msgField.error())
        return simdjson::SUCCESS;
    simdjson::dom::object msg;
    if (msgField.get_object().get(msg) != simdjson::SUCCESS)
        return simdjson::SUCCESS;
    e.messageId = string(msg, "id");
    e.model = string(msg, "model");
    auto usageField = msg.at_key("usage");
    if (usageField.error())
        return simdjson::SUCCESS;
    simdjson::dom::object usage;
    if (usageField.get_object().get(usage) != simdjson::SUCCESS)
        return simdjson::SUCCESS;
    e.hasUsage = true;
    CountReader count;
    e.tokens.input = count(usage, "input_tokens");
    e.tokens.cacheWrite = count(usage, "cache_creation_input_tokens");
    e.tokens.cacheRead = count(usage, "cache_read_input_tokens");
    e.tokens.output = count(usage, "output_tokens");
    e.hasSpeed = has(usage, "speed");
    auto cc = usage.at_key("cache_creation");
    simdjson::dom::object ccObj;
    if (!cc.error() && cc.get_object().get(ccObj) == simdjson::SUCCESS)
        e.cacheWrite1h = std::min(count(ccObj, "ephemeral_1h_input_tokens"), e.tokens.cacheWrite);
    e.badCount = count.error();
    return simdjson::SUCCESS;
}

} // namespace

void ClaudeParser::parse(const SourceFile &file, const char *data, std::int64_t size,
                         std::int64_t baseOffset, ParseResult &out)
{
    thread_local simdjson::dom::parser parser;
    const std::string sessionHint = file.sessionHint.toStdString();
    const std::string stem = file.path.section(u'/', -1).section(u'.', 0, 0).toStdString();
    const char *bufferEnd = data + size;

    out.consumedBytes =
        forEachLine(data, size, [&](const char *b, const char *e, std::int64_t off) {
            ++out.linesRead;
            if (isBlank(b, e))
                return;
            const bool structural = looksLikeObject(b, e);
            if (!contains(b, e, "\"usage\"")) {
                if (!structural ||
                    (e - b < ShortLine && !isValidShortJson(b, e, size_t(bufferEnd - b) + Padding)))
                    ++out.malformed[MalformedReason::NotJson];
                return;
            }
            if (!structural) {
                ++out.malformed[MalformedReason::NotJson];
                return;
            }
            // The bytes after the line (the rest of the buffer plus its padding) are
            // readable, which is what simdjson's padding requirement asks for.
            const size_t len = size_t(e - b);
            simdjson::dom::element doc;
            if (parser.parse(b, len, false).get(doc) != simdjson::SUCCESS) {
                ++out.malformed[MalformedReason::NotJson];
                return;
            }
            simdjson::dom::object obj;
            if (doc.get_object().get(obj) != simdjson::SUCCESS) {
                ++out.malformed[MalformedReason::NotJson];
                return;
            }
            Entry entry;
            bool mirror = false;
            const auto type = string(obj, "type");
            if (type && *type == "progress") {
                // A progress line mirrors a sub-agent's entry under data.message.
                Entry outer;
                outer.timestamp = string(obj, "timestamp");
                outer.sessionId = string(obj, "sessionId");
                auto dataField = obj.at_key("data");
                simdjson::dom::object dataObj, inner;
                if (dataField.error() || dataField.get_object().get(dataObj) != simdjson::SUCCESS)
                    return;
                auto innerField = dataObj.at_key("message");
                if (innerField.error() || innerField.get_object().get(inner) != simdjson::SUCCESS)
                    return;
                readEntry(inner, entry);
                if (!entry.timestamp)
                    entry.timestamp = outer.timestamp;
                if (outer.sessionId)
                    entry.sessionId = outer.sessionId;
                mirror = true;
            } else {
                readEntry(obj, entry);
            }
            if (!entry.hasUsage)
                return;
            if (entry.badCount) {
                ++out.malformed[*entry.badCount];
                return;
            }
            const auto ts = entry.timestamp ? parseIsoTimestampMs(*entry.timestamp) : std::nullopt;
            if (!ts) {
                ++out.malformed[MalformedReason::BadTimestamp];
                return;
            }
            if (entry.tokens.isZero()) {
                ++out.drops[DropReason::ZeroUsage];
                return;
            }
            if (*ts > out.notAfterMs) {
                ++out.drops[DropReason::FutureTimestamp];
                return;
            }
            UsageRecord r;
            r.agent = Agent::ClaudeCode;
            r.timestampMs = *ts;
            r.ordinal = baseOffset + off;
            r.tokens = entry.tokens;
            r.cacheWrite1h = entry.cacheWrite1h;
            if (entry.messageId && !entry.messageId->empty())
                r.groupKey = hash64(*entry.messageId, 1);
            if (entry.requestId)
                r.subKey = hash64(*entry.requestId, 2);
            r.flags = (entry.sidechain ? RecordSidechain : 0) | (mirror ? RecordMirror : 0) |
                (entry.hasSpeed ? RecordHasSpeed : 0);
            const std::string_view model = entry.model.value_or(std::string_view("unknown"));
            r.model = out.internModel(model);
            // Sub-agent files count toward their parent session, which their path names.
            if (!sessionHint.empty())
                r.session = out.internSession(sessionHint);
            else
                r.session = out.internSession(entry.sessionId.value_or(std::string_view(stem)));
            out.records.push_back(r);
        });
    out.pendingBytes = size - out.consumedBytes;
}
