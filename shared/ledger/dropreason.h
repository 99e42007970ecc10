#pragma once

#include <QString>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <string_view>

//! \brief Why a usage record was not counted (spec/usage-formats.md §2.3, §3.3, §4.3).
//! Stored by value: new reasons are only ever appended.
enum class DropReason : std::uint8_t {
    ClaudeDuplicate = 0, //!< same message as a counted line (content blocks, resumed copies)
    ClaudeSidechainReplay, //!< a sub-agent file replaying a parent message
    ClaudeProgressMirror, //!< a `progress` line mirroring a sub-agent line that exists
    CodexReemit, //!< token_count re-emitted with an unchanged total
    CodexStale, //!< total went down to a stale snapshot
    CodexCopied, //!< same (timestamp, model, delta) as a counted event: fork or archive copy
    CodexSubagentReplay, //!< leading same-second burst replaying the parent's history
    OpenCodeDuplicate, //!< message id already counted (JSON copy of a db row)
    ZeroUsage, //!< all token counts zero: not a message
    FutureTimestamp, //!< dated more than a day after the scan: a broken clock or a forgery
    GeminiDuplicate, //!< same message (id, timestamp) as a counted one: re-appended, resumed copy
    QwenBranchCopy, //!< a record `/branch` copied into another session (same uuid)
    QwenDuplicate, //!< the same uuid again in one session
    AmpLedgerDuplicate, //!< a usage-ledger event describing a message that carries usage
    AmpCopied, //!< the same thread and message in another thread file
    DroidStaleCopy, //!< a copy of a session whose counters are below another copy's
    DroidCounterRegress, //!< counters below what was already counted: restore or reset
    KimiSubagentMirror, //!< a sub-agent step mirrored in the parent's wire
    KimiForkCopy, //!< a step a fork copied verbatim from its source session
};

inline constexpr int DropReasonCount = 19;

//! \brief Why a line (or an OpenCode message) was malformed: nothing of it is counted.
//! Stored by value: new reasons are only ever appended.
enum class MalformedReason : std::uint8_t {
    NotJson = 0, //!< not a JSON object (truncated, garbage bytes, `{not json}`)
    BadTimestamp, //!< a usage record without a readable timestamp
    NegativeCount, //!< a token count below zero
    FractionalCount, //!< a token count with a fraction (12.5)
    CountTooLarge, //!< a token count above 2^53 (1e300, 18446744073709551615)
    NonNumericCount, //!< a token count that is a string, boolean, array or object ("7")
    NullCount, //!< a token count that is null
};

inline constexpr int MalformedReasonCount = 7;

//! \brief The stable id used in reports ("claude-duplicate", ...).
QString dropReasonId(DropReason reason);
//! \brief The stable id used in reports ("not-json", "negative-count", ...).
QString malformedReasonId(MalformedReason reason);

//! \brief Counts per reason, stored as a blob of host-order
//! int64s; a shorter blob (written before reasons were appended) reads as a
//! prefix, the missing reasons as zero.
template<typename Reason, int Count> struct ReasonCounts
{
    std::array<std::int64_t, Count> byReason {};
    std::int64_t &operator[](Reason r) { return byReason[size_t(r)]; }
    std::int64_t operator[](Reason r) const { return byReason[size_t(r)]; }
    ReasonCounts &operator+=(const ReasonCounts &o)
    {
        for (size_t i = 0; i < byReason.size(); ++i)
            byReason[i] += o.byReason[i];
        return *this;
    }
    ReasonCounts &operator-=(const ReasonCounts &o)
    {
        for (size_t i = 0; i < byReason.size(); ++i)
            byReason[i] -= o.byReason[i];
        return *this;
    }
    std::int64_t total() const
    {
        std::int64_t n = 0;
        for (const std::int64_t v : byReason)
            n += v;
        return n;
    }
    bool isZero() const { return byReason == std::array<std::int64_t, Count> {}; }
    std::string_view blob() const
    {
        return {reinterpret_cast<const char *>(byReason.data()), sizeof(byReason)};
    }
    static ReasonCounts fromBlob(std::string_view blob)
    {
        ReasonCounts c;
        std::memcpy(c.byReason.data(), blob.data(),
                    std::min(blob.size() / sizeof(std::int64_t) * sizeof(std::int64_t),
                             sizeof(c.byReason)));
        return c;
    }
};

using DropCounts = ReasonCounts<DropReason, DropReasonCount>;
using MalformedCounts = ReasonCounts<MalformedReason, MalformedReasonCount>;
