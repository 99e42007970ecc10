#pragma once

#include <QLocale>
#include <QString>

#include <cstdint>
#include <optional>

// Numbers as the dashboard and tray show them (DESIGN.md §7), in the given locale.
namespace NumberFormat {

// 950, 1.2K, 3.4M, 5.6B, 7.8T.
QString compact(std::int64_t value, const QLocale &locale = QLocale());
// 1,234,567 with the locale's grouping.
QString full(std::int64_t value, const QLocale &locale = QLocale());
// $3.45, <$0.01, $0.00 for nothing spent, or "unpriced" when no price is known.
QString money(const std::optional<double> &usd, const QLocale &locale = QLocale());
// $8, $2.5, $0.25: an amount with a fixed number of decimals (axis labels).
QString money(double usd, int decimals, const QLocale &locale = QLocale());
// 42.3%
QString percent(double fraction, const QLocale &locale = QLocale());

} // namespace NumberFormat
