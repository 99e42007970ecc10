#pragma once

#include <QString>

#include <cstdint>

//! \brief Numbers as pages and badges show them (DESIGN.md §7), in the C
//! locale with grouping: the server's output does not depend on its host.
namespace Format {
//! 1.2K, 3.4M, 5.6B.
QString compact(double value);
//! $12.30, $47,953.58, <$0.01; $1.2M from a hundred thousand on.
QString money(double usd);
//! 12,345.
QString integer(std::int64_t value);
//! 42%.
QString percent(double fraction);
//! A stable colour per model family.
QString modelColor(const QString &model);
} // namespace Format
