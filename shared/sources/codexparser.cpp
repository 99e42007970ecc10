#include "codexparser.h"

#include "core/hash64.h"
#include "core/timestamps.h"
#include "quota/codexratelimits.h"
#include "sources/jsonaccess.h"

#include <QList>

#include <string>

using namespace JsonAccess;

namespace {

struct Usage
{
    std::int64_t input = 0, cached = 0, output = 0, reasoning = 0, total = 0;
    bool operator==(const Usage &) const = default;
};

template<typename Obj>
std::optional<Usage> readUsage(Obj &info, std::string_view key, CountReader &count)
{
    auto f = info.at_key(key);
    simdjson::dom::object o;
    if (f.error() || f.get_object().get(o) != simdjson::SUCCESS)
        return std::nullopt;
    Usage u;
    u.input = count(o, "input_tokens");
    u.cached = count(o, "cached_input_tokens");
    if (u.cached == 0)
        u.cached = count(o, "cache_read_input_tokens");
    u.output = count(o, "output_tokens");
    u.reasoning = count(o, "reasoning_output_tokens");
    u.total = count(o, "total_tokens");
    if (u.total == 0)
        u.total = u.input + u.output;
    return u;
}

struct State
{
    bool hasPrev = false;
    Usage prev;
    std::string model = "unknown";
    std::string session;
    bool subagent = false;
    int phase = 0; // 0: no usage event yet, 1: in the leading same-second run, 2: after it
    std::int64_t burstSecond = 0;
    int burstCount = 0;

    QByteArray serialize() const
    {
        QByteArray b;
        // v2: names are percent-encoded, since a model or session id may hold a
        // newline, which shifted every later field of a v1 state.
        b += "v2\n";
        b += QByteArray::number(hasPrev ? 1 : 0) + '\n';
        for (auto v : {prev.input, prev.cached, prev.output, prev.reasoning, prev.total})
            b += QByteArray::number(v) + '\n';
        b += QByteArray::fromStdString(model).toPercentEncoding() + '\n';
        b += QByteArray::fromStdString(session).toPercentEncoding() + '\n';
        b += QByteArray::number(subagent ? 1 : 0) + '\n';
        b += QByteArray::number(phase) + '\n';
        b += QByteArray::number(burstSecond) + '\n';
        b += QByteArray::number(burstCount) + '\n';
        return b;
    }
    static State deserialize(const QByteArray &b)
    {
        State s;
        const QList<QByteArray> f = b.split('\n');
        const bool v2 = f.size() >= 13 && f[0] == "v2";
        if (!v2 && (f.size() < 13 || f[0] != "v1"))
            return s;
        s.hasPrev = f[1] == "1";
        s.prev = {f[2].toLongLong(), f[3].toLongLong(), f[4].toLongLong(), f[5].toLongLong(),
                  f[6].toLongLong()};
        s.model = (v2 ? QByteArray::fromPercentEncoding(f[7]) : f[7]).toStdString();
        s.session = (v2 ? QByteArray::fromPercentEncoding(f[8]) : f[8]).toStdString();
        s.subagent = f[9] == "1";
        s.phase = f[10].toInt();
        s.burstSecond = f[11].toLongLong();
        s.burstCount = f[12].toInt();
        return s;
    }
};

struct Pending
{
    bool valid = false;
    Usage delta;
    std::int64_t ts = 0;
    std::int64_t ordinal = 0;
    std::string model;
};

std::string sessionFromFileName(const QString &path)
{
    // rollout-YYYY-MM-DDTHH-MM-SS-<uuid>.jsonl: the uuid is the session id.
    const QString stem = path.section(u'/', -1).section(u'.', 0, 0);
    return (stem.size() > 36 ? stem.right(36) : stem).toStdString();
}

} // namespace

void CodexParser::parse(const SourceFile &file, const char *data, std::int64_t size,
                        std::int64_t baseOffset, const QByteArray &stateBytes, ParseResult &out)
{
    thread_local simdjson::dom::parser parser;
    State st = State::deserialize(stateBytes);
    if (st.session.empty())
        st.session = sessionFromFileName(file.path);
    Pending pending;
    const char *bufferEnd = data + size;

    auto emitDelta = [&](const Usage &d, std::int64_t ts, std::int64_t ordinal,
                         const std::string &model) {
        TokenCounts t;
        const std::int64_t cached = std::min(d.cached, d.input);
        t.input = d.input - cached;
        t.cacheRead = cached;
        t.output = d.output;
        t.reasoning = std::min(d.reasoning, d.output);
        if (t.isZero()) {
            ++out.drops[DropReason::ZeroUsage];
            return;
        }
        if (ts > out.notAfterMs) {
            ++out.drops[DropReason::FutureTimestamp];
            return;
        }
        UsageRecord r;
        r.agent = Agent::Codex;
        r.timestampMs = ts;
        r.ordinal = ordinal;
        r.tokens = t;
        std::uint64_t k = hash64(model, 3);
        for (auto v : {ts, d.input, d.cached, d.output, d.reasoning, d.total})
            k = hashCombine(k, std::uint64_t(v));
        r.groupKey = k ? k : 1;
        r.model = out.internModel(model);
        r.session = out.internSession(st.session);
        out.records.push_back(r);
    };

    out.consumedBytes =
        forEachLine(data, size, [&](const char *b, const char *e, std::int64_t off) {
            ++out.linesRead;
            if (isBlank(b, e))
                return;
            const bool structural = looksLikeObject(b, e);
            // Huge lines are response items full of text; their kind is named near the start.
            const char *probeEnd = (e - b > 8192) ? b + 512 : e;
            const bool tokenCount = contains(b, probeEnd, "\"token_count\"");
            const bool turnContext = !tokenCount && contains(b, probeEnd, "\"turn_context\"");
            const bool sessionMeta =
                !tokenCount && !turnContext && contains(b, probeEnd, "\"session_meta\"");
            if (!structural) {
                ++out.malformed[MalformedReason::NotJson];
                return;
            }
            if (!tokenCount && !turnContext && !sessionMeta) {
                if (e - b < ShortLine && !isValidShortJson(b, e, size_t(bufferEnd - b) + Padding))
                    ++out.malformed[MalformedReason::NotJson];
                return;
            }
            simdjson::dom::element doc;
            simdjson::dom::object obj, payload;
            if (parser.parse(b, size_t(e - b), false).get(doc) != simdjson::SUCCESS ||
                doc.get_object().get(obj) != simdjson::SUCCESS) {
                ++out.malformed[MalformedReason::NotJson];
                return;
            }
            const auto tsText = string(obj, "timestamp");
            auto pf = obj.at_key("payload");
            if (pf.error() || pf.get_object().get(payload) != simdjson::SUCCESS)
                return;
            if (sessionMeta) {
                if (auto id = string(payload, "id"))
                    st.session = std::string(*id);
                st.subagent = contains(b, e, "\"thread_spawn\"");
                return;
            }
            if (turnContext) {
                if (auto m = string(payload, "model"); m && !m->empty())
                    st.model = std::string(*m);
                return;
            }
            const auto ts = tsText ? parseIsoTimestampMs(*tsText) : std::nullopt;
            CodexRateLimits::collect(payload, ts, out.notAfterMs, out.quota);
            std::string model = st.model;
            if (auto m = string(payload, "model"); m && !m->empty())
                model = std::string(*m);
            auto infoField = payload.at_key("info");
            simdjson::dom::object info;
            if (infoField.error() || infoField.get_object().get(info) != simdjson::SUCCESS)
                return; // info: null is a rate-limit refresh without usage
            CountReader count;
            const auto total = readUsage(info, "total_token_usage", count);
            const auto last = readUsage(info, "last_token_usage", count);
            if (count.error()) {
                // Nothing of a hostile event counts, and the baseline stays.
                ++out.malformed[*count.error()];
                return;
            }
            if (auto m = string(info, "model"); m && !m->empty())
                model = std::string(*m);
            else if (auto m2 = string(info, "model_name"); m2 && !m2->empty())
                model = std::string(*m2);
            if (!total && !last)
                return;
            if (!ts) {
                ++out.malformed[MalformedReason::BadTimestamp];
                return;
            }
            const std::int64_t ordinal = baseOffset + off;
            const std::int64_t second = *ts / 1000;

            // A sub-agent's leading same-second run replays the parent's history.
            if (st.subagent && st.phase == 0) {
                st.phase = 1;
                st.burstSecond = second;
                st.burstCount = 0;
            }
            const bool inBurst = st.subagent && st.phase == 1 && second == st.burstSecond;
            if (st.subagent && st.phase == 1 && !inBurst) {
                st.phase = 2;
                if (pending.valid) {
                    // The first event was alone in its second: not a burst after all.
                    emitDelta(pending.delta, pending.ts, pending.ordinal, pending.model);
                    pending.valid = false;
                }
            }

            Usage delta;
            if (total) {
                if (!inBurst && st.hasPrev && *total == st.prev) {
                    ++out.drops[DropReason::CodexReemit];
                    return;
                }
                if (!st.hasPrev || total->total > st.prev.total || inBurst) {
                    if (last) {
                        delta = *last;
                    } else {
                        const Usage p = st.hasPrev ? st.prev : Usage {};
                        delta.input = std::max<std::int64_t>(0, total->input - p.input);
                        delta.cached = std::max<std::int64_t>(0, total->cached - p.cached);
                        delta.output = std::max<std::int64_t>(0, total->output - p.output);
                        delta.reasoning = std::max<std::int64_t>(0, total->reasoning - p.reasoning);
                        delta.total = std::max<std::int64_t>(0, total->total - p.total);
                    }
                    st.prev = *total;
                    st.hasPrev = true;
                } else {
                    const bool stale = double(total->total) >= 0.98 * double(st.prev.total) ||
                        (last && total->total + 2 * last->total >= st.prev.total);
                    if (stale) {
                        ++out.drops[DropReason::CodexStale];
                        return;
                    }
                    delta = last ? *last : *total;
                    st.prev = *total;
                }
            } else {
                delta = *last;
            }

            if (inBurst) {
                ++st.burstCount;
                if (st.burstCount == 1) {
                    // Held back until the next event tells whether a burst follows.
                    pending = {true, delta, *ts, ordinal, model};
                    return;
                }
                if (pending.valid) {
                    ++out.drops[DropReason::CodexSubagentReplay];
                    pending.valid = false;
                }
                ++out.drops[DropReason::CodexSubagentReplay];
                return;
            }
            emitDelta(delta, *ts, ordinal, model);
        });
    if (pending.valid)
        emitDelta(pending.delta, pending.ts, pending.ordinal, pending.model);
    // A held first event that was emitted ends the burst phase for later reads.
    if (st.phase == 1 && st.burstCount <= 1)
        st.phase = 2;
    out.pendingBytes = size - out.consumedBytes;
    out.state = st.serialize();
}
