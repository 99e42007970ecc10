#pragma once

#include "core/usagerecord.h"
#include "sources/jsonaccess.h"
#include "sources/parseresult.h"

#include <optional>
#include <string_view>

//! \brief What a parser found for one call, before the checks every source
//! applies in the same order (RecordSink::add).
struct RecordCandidate
{
    std::optional<std::int64_t> timestampMs;
    TokenCounts tokens;
    std::optional<MalformedReason> badCount; //!< a hostile count: the record is skipped
    std::uint64_t groupKey = 0;
    std::uint64_t subKey = 0;
    std::int64_t ordinal = 0;
    std::string_view model;
    std::string_view session;
    std::uint8_t flags = 0;
};

//! \brief The checks and bookkeeping the newer sources share: hostile counts
//! and unreadable timestamps are malformed, all-zero calls and future-dated
//! ones are dropped under their reasons, the rest becomes a UsageRecord.
namespace RecordSink {

//! True when the record was added.
inline bool add(ParseResult &out, Agent agent, const RecordCandidate &c)
{
    if (c.badCount) {
        ++out.malformed[*c.badCount];
        return false;
    }
    if (!c.timestampMs) {
        ++out.malformed[MalformedReason::BadTimestamp];
        return false;
    }
    if (c.tokens.isZero()) {
        ++out.drops[DropReason::ZeroUsage];
        return false;
    }
    if (*c.timestampMs > out.notAfterMs) {
        ++out.drops[DropReason::FutureTimestamp];
        return false;
    }
    UsageRecord r;
    r.agent = agent;
    r.timestampMs = *c.timestampMs;
    r.groupKey = c.groupKey;
    r.subKey = c.subKey;
    r.ordinal = c.ordinal;
    r.tokens = c.tokens;
    r.flags = c.flags;
    r.model = out.internModel(c.model.empty() ? std::string_view("unknown") : c.model);
    r.session = out.internSession(c.session.empty() ? std::string_view("unknown") : c.session);
    out.records.push_back(r);
    return true;
}

//! Calls \a fn(object, offset) for each complete line that is a JSON object;
//! other non-blank lines count as malformed (not-json); a last line without
//! its newline waits. \a data padded by JsonAccess::Padding.
template<typename Fn>
void forEachObjectLine(const char *data, std::int64_t size, ParseResult &out, Fn &&fn)
{
    thread_local simdjson::dom::parser parser;
    out.consumedBytes =
        forEachLine(data, size, [&](const char *b, const char *e, std::int64_t off) {
            ++out.linesRead;
            if (JsonAccess::isBlank(b, e))
                return;
            simdjson::dom::element doc;
            simdjson::dom::object obj;
            if (parser.parse(b, size_t(e - b), false).get(doc) != simdjson::SUCCESS ||
                doc.get_object().get(obj) != simdjson::SUCCESS) {
                ++out.malformed[MalformedReason::NotJson];
                return;
            }
            fn(obj, off);
        });
    out.pendingBytes = size - out.consumedBytes;
}

//! Parses a whole-file JSON object into \a parser's document; a file that is
//! no JSON object (caught mid-rewrite) counts one not-json and gives nothing.
inline std::optional<simdjson::dom::object>
wholeObject(simdjson::dom::parser &parser, const char *data, std::int64_t size, ParseResult &out)
{
    out.linesRead = 1;
    out.consumedBytes = size;
    simdjson::dom::element doc;
    simdjson::dom::object obj;
    if (parser.parse(data, size_t(size), false).get(doc) != simdjson::SUCCESS ||
        doc.get_object().get(obj) != simdjson::SUCCESS) {
        ++out.malformed[MalformedReason::NotJson];
        return std::nullopt;
    }
    return obj;
}

template<typename Obj> std::optional<simdjson::dom::object> object(Obj &obj, std::string_view key)
{
    auto field = obj.at_key(key);
    simdjson::dom::object o;
    if (field.error() || field.get_object().get(o) != simdjson::SUCCESS)
        return std::nullopt;
    return o;
}

template<typename Obj> std::optional<simdjson::dom::array> array(Obj &obj, std::string_view key)
{
    auto field = obj.at_key(key);
    simdjson::dom::array a;
    if (field.error() || field.get_array().get(a) != simdjson::SUCCESS)
        return std::nullopt;
    return a;
}

} // namespace RecordSink
