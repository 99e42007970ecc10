#include "droidsource.h"

#include "core/hash64.h"
#include "core/timestamps.h"
#include "sources/recordsink.h"

#include <QList>

#include <algorithm>
#include <array>
#include <string>
#include <vector>

using namespace Qt::StringLiterals;
using namespace JsonAccess;

namespace {

// input, output, cacheCreation, cacheRead, thinking
using Counters = std::array<std::int64_t, 5>;

struct Delta
{
    std::int64_t timestampMs = 0;
    TokenCounts tokens;
    std::string model;
};

// What was counted for this file: the high-water mark, the regressions seen
// and every delta booked, in order.
struct State
{
    Counters high {};
    std::int64_t regressions = 0;
    std::vector<Delta> deltas;

    QByteArray serialize() const
    {
        QByteArray b = "v1\n";
        for (const std::int64_t v : high)
            b += QByteArray::number(v) + ' ';
        b += '\n' + QByteArray::number(regressions) + '\n';
        for (const Delta &d : deltas) {
            b += QByteArray::number(d.timestampMs);
            for (const std::int64_t v : {d.tokens.input, d.tokens.cacheWrite, d.tokens.cacheRead,
                                         d.tokens.output, d.tokens.reasoning})
                b += ' ' + QByteArray::number(v);
            b += ' ' + QByteArray::fromStdString(d.model).toPercentEncoding() + '\n';
        }
        return b;
    }

    static State parse(const QByteArray &bytes)
    {
        State s;
        const QList<QByteArray> lines = bytes.split('\n');
        if (lines.size() < 3 || lines[0] != "v1")
            return s;
        const QList<QByteArray> high = lines[1].trimmed().split(' ');
        for (size_t i = 0; i < s.high.size() && i < size_t(high.size()); ++i)
            s.high[i] = high[qsizetype(i)].toLongLong();
        s.regressions = lines[2].toLongLong();
        for (qsizetype i = 3; i < lines.size(); ++i) {
            const QList<QByteArray> f = lines[i].split(' ');
            if (f.size() != 7)
                continue;
            Delta d;
            d.timestampMs = f[0].toLongLong();
            d.tokens = {f[1].toLongLong(), f[2].toLongLong(), f[3].toLongLong(), f[4].toLongLong(),
                        f[5].toLongLong()};
            d.model = QByteArray::fromPercentEncoding(f[6]).toStdString();
            s.deltas.push_back(std::move(d));
        }
        return s;
    }
};

std::int64_t sum(const Counters &c)
{
    std::int64_t n = 0;
    for (const std::int64_t v : c)
        n += v;
    return n;
}

} // namespace

QStringList DroidSource::environmentVariables() const
{
    return {u"FACTORY_DIR"_s};
}

QStringList DroidSource::defaultRoots(const SourceEnvironment &env) const
{
    const QString dir = env.variable(u"FACTORY_DIR"_s);
    return {(dir.isEmpty() ? env.home + u"/.factory"_s : dir) + u"/sessions"_s};
}

bool DroidSource::acceptsName(std::string_view name) const
{
    return name.size() > 14 && name.ends_with(".settings.json");
}

bool DroidSource::classify(const std::vector<std::string> &rel, SourceFile &file) const
{
    file.kind = SourceKind::WholeJson;
    return rel.size() <= 2; // legacy <id>.settings.json or <cwd>/<id>.settings.json
}

void DroidSource::parse(const SourceFile &file, const char *data, std::int64_t size, std::int64_t,
                        const QByteArray &stateBytes, ParseResult &out) const
{
    State state = State::parse(stateBytes);
    const std::string session =
        file.path.section(u'/', -1).chopped(int(sizeof(".settings.json") - 1)).toStdString();
    const std::uint64_t sessionKey = hash64(session, 16);
    // Everything booked before, then what this snapshot adds.
    auto publish = [&] {
        out.drops[DropReason::DroidCounterRegress] = state.regressions;
        std::int64_t index = 0;
        for (const Delta &d : state.deltas) {
            UsageRecord r;
            r.agent = Agent::Droid;
            r.timestampMs = d.timestampMs;
            r.groupKey = hashCombine(sessionKey, std::uint64_t(index));
            // The copy with the larger counters wins every delta of the session.
            r.subKey = std::uint64_t(sum(state.high));
            r.ordinal = index++;
            r.tokens = d.tokens;
            r.model = out.internModel(d.model);
            r.session = out.internSession(session);
            out.records.push_back(r);
        }
        out.state = state.serialize();
    };
    thread_local simdjson::dom::parser parser;
    const auto doc = RecordSink::wholeObject(parser, data, size, out);
    if (!doc)
        return; // mid-rewrite: the scanner keeps what the last good read counted
    auto settings = *doc;
    const auto usage = RecordSink::object(settings, "tokenUsage");
    if (!usage)
        return publish(); // a fresh session: no usage yet
    CountReader count;
    const Counters now {count(*usage, "inputTokens"), count(*usage, "outputTokens"),
                        count(*usage, "cacheCreationTokens"), count(*usage, "cacheReadTokens"),
                        count(*usage, "thinkingTokens")};
    if (count.error()) {
        ++out.malformed[*count.error()];
        return publish();
    }
    if (sum(now) == 0) {
        ++out.drops[DropReason::ZeroUsage];
        return publish();
    }
    Counters delta {};
    bool below = false;
    for (size_t i = 0; i < now.size(); ++i) {
        delta[i] = std::max<std::int64_t>(0, now[i] - state.high[i]);
        below = below || now[i] < state.high[i];
    }
    if (sum(delta) == 0) {
        if (below)
            ++state.regressions;
        return publish();
    }
    // The file's mtime is when the counters were written; the provider lock
    // time is a floor for files restored with an older mtime.
    std::int64_t when = file.mtimeNs / 1000000;
    if (const auto lock = string(settings, "providerLockTimestamp")) {
        if (const auto ms = parseIsoTimestampMs(*lock))
            when = std::max(when, *ms);
    }
    if (when > out.notAfterMs) {
        ++out.drops[DropReason::FutureTimestamp];
        return publish();
    }
    Delta d;
    d.timestampMs = when;
    d.tokens.input = delta[0];
    d.tokens.cacheWrite = delta[2];
    d.tokens.cacheRead = delta[3];
    // Thinking is inside output unless the session reports more thinking than output.
    d.tokens.output = delta[1] + (now[4] > now[1] ? delta[4] : 0);
    d.tokens.reasoning = delta[4];
    d.model = std::string(string(settings, "model").value_or(std::string_view("unknown")));
    if (d.model.empty())
        d.model = "unknown";
    for (size_t i = 0; i < now.size(); ++i)
        state.high[i] = std::max(state.high[i], now[i]);
    state.deltas.push_back(std::move(d));
    publish();
}

int DroidSource::rankCopies(const StoredRecord &a, const StoredRecord &b) const
{
    return a.subKey == b.subKey ? 0 : a.subKey > b.subKey ? 1 : -1;
}

DropReason DroidSource::lossReason(const StoredRecord &, const StoredRecord &) const
{
    return DropReason::DroidStaleCopy;
}
