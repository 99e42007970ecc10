#pragma once

#include <QString>

#include <optional>

//! \brief Names of rate-limit windows by their length, never by the slot an
//! agent wrote them in (docs/agents/quota.md §1.3): 299 or 300 minutes are
//! "5h", 10079 or 10080 "7d", 43200 "30d", any other N "<N>m". A qualified
//! window ("7d-sonnet", "<limit>/5h") keeps the length of its base.
namespace QuotaWindow {

//! The longest window accepted (a year); anything longer is hostile.
inline constexpr int MaxMinutes = 366 * 24 * 60;

//! \brief The name of a window of \a minutes; nothing when out of range.
std::optional<QString> classify(long long minutes);
//! \brief The length in minutes of a named window; nothing when unknown.
std::optional<int> minutes(const QString &window);

} // namespace QuotaWindow
