#include "kimisource.h"

#include "core/hash64.h"
#include "sources/recordsink.h"
#include "sources/sourcepaths.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <bit>
#include <cmath>
#include <string>

using namespace Qt::StringLiterals;
using namespace JsonAccess;

namespace {

QByteArray readSmallFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly) || f.size() > 1024 * 1024)
        return {};
    return f.readAll();
}

// A TOML basic or literal string value ("kimi-code" or 'kimi-code'), else the bare text.
std::string tomlValue(QByteArray v)
{
    v = v.trimmed();
    if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'')) {
        const char quote = v.front();
        const qsizetype end = v.indexOf(quote, 1);
        return (end > 0 ? v.mid(1, end - 1) : v.mid(1)).toStdString();
    }
    const qsizetype hash = v.indexOf('#');
    return (hash >= 0 ? v.left(hash) : v).trimmed().toStdString();
}

// The session id's leading hex digits as a number: comparing these orders
// sessions like their ids, the tie-break between a fork and its source.
std::uint64_t sessionOrder(std::string_view session)
{
    std::uint64_t v = 0;
    int digits = 0;
    for (const char c : session) {
        int d;
        if (c >= '0' && c <= '9')
            d = c - '0';
        else if (c >= 'a' && c <= 'f')
            d = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            d = c - 'A' + 10;
        else if (c == '-')
            continue;
        else
            break;
        v = v << 4 | std::uint64_t(d);
        if (++digits == 16)
            break;
    }
    return digits == 16 ? v : hash64(session, 17);
}

} // namespace

std::string KimiSource::modelFromConfig(const QByteArray &config, const std::string &alias)
{
    std::string want = alias;
    std::string section;
    std::string defaultModel;
    // Two passes: default_model may follow nothing, the alias tables come later.
    for (int pass = 0; pass < 2; ++pass) {
        section.clear();
        for (const QByteArray &raw : config.split('\n')) {
            const QByteArray line = raw.trimmed();
            if (line.isEmpty() || line.startsWith('#'))
                continue;
            if (line.startsWith('[')) {
                section = line.mid(1, line.indexOf(']') - 1).trimmed().toStdString();
                continue;
            }
            const qsizetype eq = line.indexOf('=');
            if (eq < 0)
                continue;
            const QByteArray key = line.left(eq).trimmed();
            if (pass == 0 && section.empty() && key == "default_model")
                defaultModel = tomlValue(line.mid(eq + 1));
            if (pass == 1 && key == "model" &&
                (section == "models." + want || section == "models.\"" + want + '"'))
                return tomlValue(line.mid(eq + 1));
        }
        if (want.empty())
            want = defaultModel;
        if (want.empty())
            return "unknown";
    }
    return want;
}

QStringList KimiSource::environmentVariables() const
{
    return {u"KIMI_SHARE_DIR"_s};
}

QStringList KimiSource::defaultRoots(const SourceEnvironment &env) const
{
    const QString share = env.variable(u"KIMI_SHARE_DIR"_s);
    return {(share.isEmpty() ? env.home + u"/.kimi"_s : SourcePaths::expandHome(share, env.home)) +
            u"/sessions"_s};
}

bool KimiSource::acceptsName(std::string_view name) const
{
    return name == "wire.jsonl";
}

bool KimiSource::classify(const std::vector<std::string> &rel, SourceFile &file) const
{
    // <workdir hash>/<session>/wire.jsonl or <hash>/<session>/subagents/<agent>/wire.jsonl:
    // a sub-agent counts for its parent session.
    file.kind = SourceKind::AppendLog;
    if (rel.size() != 3 && !(rel.size() == 5 && rel[2] == "subagents"))
        return false;
    file.sessionHint = QString::fromStdString(rel[1]);
    return true;
}

void KimiSource::parse(const SourceFile &file, const char *data, std::int64_t size,
                       std::int64_t baseOffset, const QByteArray &, ParseResult &out) const
{
    const QString sessionDir = file.path.contains(u"/subagents/"_s)
        ? file.path.section(u"/subagents/"_s, 0, 0)
        : file.path.section(u'/', 0, -2);
    const QString shareDir = sessionDir.section(u'/', 0, -4);
    const QByteArray config = readSmallFile(shareDir + u"/config.toml"_s);
    // The model of a sub-agent: its meta.json names a config alias (or a model).
    auto subagentModel = [&](const QString &agentDir) -> std::string {
        const QJsonObject meta =
            QJsonDocument::fromJson(readSmallFile(agentDir + u"/meta.json"_s)).object();
        const QJsonObject spec = meta.value(u"launch_spec"_s).toObject();
        QString alias = spec.value(u"effective_model"_s).toString();
        if (alias.isEmpty())
            alias = spec.value(u"model_override"_s).toString();
        if (alias.isEmpty())
            return {};
        return modelFromConfig(config, alias.toStdString());
    };
    const bool ownSubagentWire = file.path.contains(u"/subagents/"_s);
    std::string model = ownSubagentWire ? subagentModel(file.path.section(u'/', 0, -2)) : "";
    if (model.empty())
        model = modelFromConfig(config, {});
    const std::string session = file.sessionHint.toStdString();
    const std::uint64_t order = sessionOrder(session);
    auto add = [&](simdjson::dom::object &payload, double timestamp, std::int64_t ordinal,
                   bool mirror, const std::string &recordModel) {
        const auto usage = RecordSink::object(payload, "token_usage");
        if (!usage)
            return; // a context, MCP or plan-mode update
        CountReader count;
        RecordCandidate c;
        c.tokens.input = count(*usage, "input_other");
        c.tokens.cacheWrite = count(*usage, "input_cache_creation");
        c.tokens.cacheRead = count(*usage, "input_cache_read");
        c.tokens.output = count(*usage, "output");
        c.badCount = count.error();
        if (std::isfinite(timestamp) && timestamp > 0 && timestamp < 1e12)
            c.timestampMs = std::int64_t(std::llround(timestamp * 1000.0));
        const auto id = string(payload, "message_id");
        if (id && !id->empty()) {
            c.groupKey = hash64(*id, 18);
        } else {
            // Forks copy the line verbatim, timestamp and all.
            std::uint64_t k = hash64("t:", 19);
            k = hashCombine(k, std::bit_cast<std::uint64_t>(timestamp));
            for (const std::int64_t v :
                 {c.tokens.input, c.tokens.cacheWrite, c.tokens.cacheRead, c.tokens.output})
                k = hashCombine(k, std::uint64_t(v));
            c.groupKey = k;
        }
        c.subKey = order;
        c.flags = mirror ? RecordCopy : 0;
        c.ordinal = ordinal;
        c.model = recordModel;
        c.session = session;
        RecordSink::add(out, Agent::KimiCli, c);
    };
    RecordSink::forEachObjectLine(
        data, size, out, [&](simdjson::dom::object &obj, std::int64_t off) {
            const auto message = RecordSink::object(obj, "message");
            if (!message)
                return; // the metadata line
            double timestamp = 0;
            if (obj.at_key("timestamp").get_double().get(timestamp) != simdjson::SUCCESS)
                timestamp = 0;
            const auto type = string(*message, "type");
            auto payload = RecordSink::object(*message, "payload");
            if (!type || !payload)
                return;
            if (*type == "StatusUpdate") {
                add(*payload, timestamp, baseOffset + off, false, model);
            } else if (*type == "SubagentEvent") {
                auto event = RecordSink::object(*payload, "event");
                const auto eventType = event ? string(*event, "type") : std::nullopt;
                auto inner = event ? RecordSink::object(*event, "payload") : std::nullopt;
                if (!eventType || *eventType != "StatusUpdate" || !inner)
                    return;
                const auto agentId = string(*payload, "agent_id");
                const QString agentDir = agentId ? sessionDir + u"/subagents/"_s +
                        QString::fromUtf8(agentId->data(), qsizetype(agentId->size()))
                                                 : QString();
                // Without a message_id the mirror cannot meet its original by key:
                // while the sub-agent's own wire exists, that wire counts the step.
                const auto id = string(*inner, "message_id");
                if ((!id || id->empty()) && RecordSink::object(*inner, "token_usage") &&
                    !agentDir.isEmpty() && QFile::exists(agentDir + u"/wire.jsonl"_s)) {
                    ++out.drops[DropReason::KimiSubagentMirror];
                    return;
                }
                const std::string nestedModel =
                    agentDir.isEmpty() ? std::string() : subagentModel(agentDir);
                add(*inner, timestamp, baseOffset + off, true,
                    nestedModel.empty() ? model : nestedModel);
            }
        });
}

int KimiSource::rankCopies(const StoredRecord &a, const StoredRecord &b) const
{
    const bool aMirror = a.flags & RecordCopy, bMirror = b.flags & RecordCopy;
    if (aMirror != bMirror)
        return aMirror ? -1 : 1;
    if (a.subKey != b.subKey)
        return a.subKey < b.subKey ? 1 : -1;
    return 0;
}

DropReason KimiSource::lossReason(const StoredRecord &loser, const StoredRecord &) const
{
    return loser.flags & RecordCopy ? DropReason::KimiSubagentMirror : DropReason::KimiForkCopy;
}
