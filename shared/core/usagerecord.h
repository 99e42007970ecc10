#pragma once

#include "core/agent.h"
#include "core/tokencounts.h"

#include <cstdint>
#include <limits>

//! \brief Flags of a UsageRecord that the dedup rules look at.
enum UsageRecordFlag : std::uint8_t {
    RecordSidechain = 0x01, //!< Claude: isSidechain (a sub-agent or /btw file)
    RecordMirror = 0x02, //!< Claude: a `progress` line mirroring a sub-agent's line
    RecordHasSpeed = 0x04, //!< Claude: usage.speed present (preferred on ties)
    RecordFromDatabase = 0x08, //!< OpenCode: a row of opencode.db (wins over JSON copies)
    RecordCopy =
        0x10, //!< a copy another session or file made (Qwen /branch, Kimi sub-agent mirror)
};

//! \brief One model call as a parser saw it, before dedup. Raw text never gets
//! here: only ids (hashed), the model name, the session id and counts.
struct UsageRecord
{
    std::int64_t timestampMs = 0; //!< UTC
    std::uint64_t groupKey = 0; //!< records with the same key are one call (0: never deduped)
    std::uint64_t subKey = 0; //!< Claude: hash of requestId (to name the drop reason)
    std::int64_t ordinal = 0; //!< byte offset in the file (tie-break)
    TokenCounts tokens;
    std::int64_t cacheWrite1h = 0; //!< part of tokens.cacheWrite with a 1 h TTL (pricing only)
    //! USD; NaN until the scanner prices it, and for unpriced models
    double cost = std::numeric_limits<double>::quiet_NaN();
    std::uint32_t model = 0; //!< index into the parse result's model names
    std::uint32_t session = 0; //!< index into the parse result's session ids
    Agent agent = Agent::ClaudeCode;
    std::uint8_t flags = 0;
};
