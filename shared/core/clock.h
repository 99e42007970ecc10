#pragma once

#include <cstdint>
#include <optional>

//! \brief The current time for everything that compares records with "now"
//! (future-dated records, today's totals, the 5-hour block), so that tests and
//! benchmarks can pin it (STYLE.md §8).
//!
//! `TOKENTALLY_NOW` (epoch milliseconds or ISO-8601 UTC) pins it for a whole
//! process; tests inside one process use setForTesting().
namespace Clock {

//! \brief Milliseconds since the Unix epoch (UTC).
std::int64_t nowMs();
//! \brief Pins nowMs() to \a ms; nothing (std::nullopt) restores the real clock.
void setForTesting(std::optional<std::int64_t> ms);

} // namespace Clock
