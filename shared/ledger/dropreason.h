#pragma once

#include <QString>

#include <array>
#include <cstdint>

//! \brief Why a usage record was not counted (spec/usage-formats.md §2.3, §3.3, §4.3).
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
};

inline constexpr int DropReasonCount = 9;

//! \brief The stable id used in reports ("claude-duplicate", ...).
QString dropReasonId(DropReason reason);

//! \brief Counts per reason, plus malformed lines.
struct DropCounts
{
    std::array<std::int64_t, DropReasonCount> byReason {};
    std::int64_t &operator[](DropReason r) { return byReason[size_t(r)]; }
    std::int64_t operator[](DropReason r) const { return byReason[size_t(r)]; }
    DropCounts &operator+=(const DropCounts &o)
    {
        for (size_t i = 0; i < byReason.size(); ++i)
            byReason[i] += o.byReason[i];
        return *this;
    }
};
