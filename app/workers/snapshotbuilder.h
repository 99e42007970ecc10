#pragma once

#include "models/usagesnapshot.h"

#include <QTimeZone>

#include <optional>
#include <vector>

struct UsageRow;

// Turns the store's hourly bucket rows into what the tray and dashboard show. Pure:
// no store, no clock (today is a parameter), so tests drive it with hand-made rows.
class SnapshotBuilder
{
public:
    struct Options
    {
        QDate today;
        QTimeZone timeZone = QTimeZone::utc();
        Qt::DayOfWeek firstDayOfWeek = Qt::Monday;
        int historyDays = 371; // 53 weeks: the heatmap's full grid
        std::optional<QDate> filterDay;
    };

    // The UTC hour range [from, to) whose rows build() needs.
    static std::pair<std::int64_t, std::int64_t> hourRange(const Options &options);
    static UsageSnapshot build(const std::vector<UsageRow> &rows, const Options &options);
    // Consecutive active days ending today (or yesterday, when today is still empty),
    // and the longest run, over a day series in date order.
    static std::pair<int, int> streaks(const std::vector<DayStat> &days, QDate today);
};
