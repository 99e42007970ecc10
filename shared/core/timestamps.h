#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

//! \brief Parses an ISO-8601 timestamp ("2025-10-21T02:23:19.767Z", also with an
//! offset such as "+02:00", or without fraction) into milliseconds since the Unix
//! epoch (UTC). Fast path for the agents' logs; no allocation.
std::optional<std::int64_t> parseIsoTimestampMs(std::string_view text);

//! \brief Days since 1970-01-01 of a civil date (proleptic Gregorian).
constexpr std::int64_t daysFromCivil(std::int64_t y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

inline constexpr std::int64_t MsPerHour = 3600 * 1000;

//! \brief The start of the UTC hour containing \a ms, in seconds since the epoch.
constexpr std::int64_t hourStartSeconds(std::int64_t ms)
{
    const std::int64_t s = ms >= 0 ? ms / 1000 : (ms - 999) / 1000;
    return s - ((s % 3600) + 3600) % 3600;
}
