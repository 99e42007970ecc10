#pragma once

#include "quota/quotaobservation.h"

#include <simdjson.h>

#include <cstdint>
#include <optional>
#include <vector>

//! \brief Reads `rate_limits.{primary,secondary}` of Codex `token_count` events
//! (docs/agents/quota.md §1). Windows are named by length (QuotaWindow), a
//! `resets_at` (epoch seconds) wins over the older `resets_in_seconds`
//! (counted from the event's timestamp), and `rate_limits: null` or a null slot
//! is no observation. Hostile values are skipped and counted.
class CodexRateLimits
{
public:
    //! Observations closer than this share one history point (the newest wins).
    static constexpr std::int64_t HistorySlotMs = 15 * 60 * 1000;

    //! \brief Adds the windows of one event's \a payload, seen at \a eventMs
    //! (nothing when the line's timestamp is unreadable), to \a out; events
    //! after \a notAfterMs are skipped as absurd.
    static void collect(simdjson::dom::object &payload, std::optional<std::int64_t> eventMs,
                        std::int64_t notAfterMs, QuotaReadings &out);
};
