#include "geminisource.h"

#include "core/hash64.h"
#include "core/timestamps.h"
#include "sources/recordsink.h"

#include <algorithm>
#include <string>

using namespace Qt::StringLiterals;
using namespace JsonAccess;

namespace {

// One message of type "gemini" with a tokens object; others are no usage.
template<typename Obj>
void addMessage(Obj &msg, std::int64_t ordinal, std::string_view session, ParseResult &out)
{
    const auto type = string(msg, "type");
    if (!type || *type != "gemini")
        return;
    const auto tokens = RecordSink::object(msg, "tokens");
    if (!tokens)
        return; // null until the response's usage arrives
    CountReader count;
    const std::int64_t input = count(*tokens, "input");
    const std::int64_t cached = std::min(count(*tokens, "cached"), input);
    const std::int64_t output = count(*tokens, "output");
    const std::int64_t thoughts = count(*tokens, "thoughts");
    const std::int64_t tool = count(*tokens, "tool");
    RecordCandidate c;
    c.badCount = count.error();
    c.tokens.input = input - cached + tool;
    c.tokens.cacheRead = cached;
    c.tokens.output = output + thoughts;
    c.tokens.reasoning = thoughts;
    const auto id = string(msg, "id");
    const auto ts = string(msg, "timestamp");
    if (ts)
        c.timestampMs = parseIsoTimestampMs(*ts);
    if (id && !id->empty() && ts)
        c.groupKey = hashCombine(hash64(*id, 11), hash64(*ts, 12));
    c.ordinal = ordinal;
    c.model = string(msg, "model").value_or(std::string_view());
    c.session = session;
    RecordSink::add(out, Agent::GeminiCli, c);
}

} // namespace

QStringList GeminiSource::environmentVariables() const
{
    return {u"GEMINI_CLI_HOME"_s};
}

QStringList GeminiSource::defaultRoots(const SourceEnvironment &env) const
{
    // GEMINI_CLI_HOME replaces the home folder, not `.gemini`.
    const QString home = env.variable(u"GEMINI_CLI_HOME"_s);
    return {(home.isEmpty() ? env.home : home) + u"/.gemini/tmp"_s};
}

bool GeminiSource::acceptsName(std::string_view name) const
{
    return name.ends_with(".jsonl") || (name.starts_with("session-") && name.ends_with(".json"));
}

bool GeminiSource::classify(const std::vector<std::string> &rel, SourceFile &file) const
{
    // <project>/chats/<file> or <project>/chats/<parent session>/<sub-agent>.jsonl
    if (rel.size() < 3 || rel.size() > 4 || rel[1] != "chats")
        return false;
    const std::string &name = rel.back();
    if (rel.size() == 4) {
        if (!name.ends_with(".jsonl"))
            return false;
        file.sessionHint = QString::fromStdString(rel[2]);
    } else if (!name.starts_with("session-")) {
        return false;
    }
    file.kind = name.ends_with(".jsonl") ? SourceKind::AppendLog : SourceKind::WholeJson;
    return true;
}

void GeminiSource::parse(const SourceFile &file, const char *data, std::int64_t size,
                         std::int64_t baseOffset, const QByteArray &state, ParseResult &out) const
{
    // The session: a sub-agent's parent (from its folder), else the file's
    // own sessionId (the first line of a .jsonl, kept in the state).
    std::string session =
        file.sessionHint.isEmpty() ? state.toStdString() : file.sessionHint.toStdString();
    if (file.kind == SourceKind::WholeJson) {
        thread_local simdjson::dom::parser parser;
        const auto doc = RecordSink::wholeObject(parser, data, size, out);
        if (!doc)
            return;
        auto obj = *doc;
        if (session.empty())
            session = std::string(string(obj, "sessionId").value_or(std::string_view()));
        const auto messages = RecordSink::array(obj, "messages");
        if (!messages)
            return;
        std::int64_t i = 0;
        for (simdjson::dom::element m : *messages) {
            simdjson::dom::object msg;
            if (m.get_object().get(msg) == simdjson::SUCCESS)
                addMessage(msg, i, session, out);
            ++i;
        }
        return;
    }
    RecordSink::forEachObjectLine(data, size, out,
                                  [&](simdjson::dom::object &obj, std::int64_t off) {
                                      if (session.empty() && !has(obj, "type")) {
                                          if (auto id = string(obj, "sessionId"))
                                              session = std::string(*id);
                                      }
                                      addMessage(obj, baseOffset + off, session, out);
                                  });
    out.state = QByteArray::fromStdString(file.sessionHint.isEmpty() ? session : std::string());
}

int GeminiSource::rankCopies(const StoredRecord &a, const StoredRecord &b) const
{
    const std::int64_t ta = a.input + a.cacheWrite + a.cacheRead + a.output;
    const std::int64_t tb = b.input + b.cacheWrite + b.cacheRead + b.output;
    return ta == tb ? 0 : ta > tb ? 1 : -1;
}

DropReason GeminiSource::lossReason(const StoredRecord &, const StoredRecord &) const
{
    return DropReason::GeminiDuplicate;
}
