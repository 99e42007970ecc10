#pragma once

// Checks every parser harness applies to a ParseResult, and a comparable
// form of its records for the "read in two parts = read whole" property.

#include "fuzzsupport.h"
#include "sources/parseresult.h"

#include <string>
#include <tuple>
#include <vector>

namespace RecordCheck {

//! One record with its model and session names resolved (indexes differ
//! between two reads).
using Flat = std::tuple<std::int64_t, std::int64_t, std::uint64_t, std::uint64_t, std::int64_t,
                        std::int64_t, std::int64_t, std::int64_t, std::int64_t, std::int64_t,
                        std::string, std::string, int, int>;

inline std::vector<Flat> flatten(const ParseResult &r)
{
    std::vector<Flat> out;
    out.reserve(r.records.size());
    for (const UsageRecord &u : r.records)
        out.emplace_back(u.ordinal, u.timestampMs, u.groupKey, u.subKey, u.tokens.input,
                         u.tokens.cacheWrite, u.tokens.cacheRead, u.tokens.output,
                         u.tokens.reasoning, u.cacheWrite1h, r.models.at(u.model),
                         r.sessions.at(u.session), int(u.agent), int(u.flags));
    return out;
}

//! What must hold for any input: counts are non-negative, add up without
//! overflow, and reasoning stays within output; indexes resolve; consumed and
//! pending bytes partition a line-based read, which ends at a line boundary.
inline void basic(const ParseResult &r, const char *data, std::int64_t size, bool lineBased)
{
    for (const UsageRecord &u : r.records) {
        FUZZ_CHECK(u.model < r.models.size());
        FUZZ_CHECK(u.session < r.sessions.size());
        const TokenCounts &t = u.tokens;
        for (std::int64_t n : {t.input, t.cacheWrite, t.cacheRead, t.output, t.reasoning})
            FUZZ_CHECK(n >= 0);
        std::int64_t sum = 0;
        for (std::int64_t n : {t.input, t.cacheWrite, t.cacheRead, t.output})
            FUZZ_CHECK(!__builtin_add_overflow(sum, n, &sum));
        FUZZ_CHECK(!t.isZero());
        FUZZ_CHECK(t.reasoning <= t.output);
        FUZZ_CHECK(u.cacheWrite1h >= 0 && u.cacheWrite1h <= t.cacheWrite);
        FUZZ_CHECK(u.ordinal >= 0);
    }
    if (!lineBased)
        return;
    FUZZ_CHECK(r.consumedBytes >= 0 && r.consumedBytes <= size);
    FUZZ_CHECK(r.consumedBytes + r.pendingBytes == size);
    FUZZ_CHECK(r.consumedBytes == 0 || data[r.consumedBytes - 1] == '\n');
    // Nothing after the last newline was consumed: a half-written line waits.
    for (std::int64_t i = r.consumedBytes; i < size; ++i)
        FUZZ_CHECK(data[i] != '\n');
}

} // namespace RecordCheck
