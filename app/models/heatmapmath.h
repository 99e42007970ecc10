#pragma once

#include <QDate>
#include <QTimeZone>

#include <cstdint>
#include <vector>

// The calendar and intensity arithmetic of the year heatmap, apart from painting.
namespace HeatmapMath {

inline constexpr int DaysPerWeek = 7;
inline constexpr int Levels = 5; // 0 = empty, 1..4 = quartiles of the non-empty days

// The grid has `weeks` columns; the last column holds `end`. Rows follow the locale's
// first day of the week.
struct Grid
{
    QDate start; //!< the date in column 0, row 0
    QDate end; //!< the last day shown (cells after it stay blank)
    int weeks = 0;
    Qt::DayOfWeek firstDayOfWeek = Qt::Monday;

    int rowOf(QDate date) const;
    int columnOf(QDate date) const;
    QDate dateAt(int column, int row) const;
    bool contains(QDate date) const { return date >= start && date <= end; }
};

Grid yearGrid(QDate end, Qt::DayOfWeek firstDayOfWeek, int weeks = 53);

// The local calendar day of a UTC instant in a time zone.
QDate localDate(std::int64_t utcSecs, const QTimeZone &zone);

// Upper bounds of levels 1..3 (the 25th, 50th and 75th percentile, nearest rank) over
// the values above zero. Empty when there is no such value.
std::vector<std::int64_t> quartileThresholds(std::vector<std::int64_t> values);

// 0 for nothing, else 1..4 by the thresholds above.
int level(std::int64_t value, const std::vector<std::int64_t> &thresholds);

// The first column of each month that starts inside the grid, for the month labels.
std::vector<std::pair<int, QDate>> monthStarts(const Grid &grid);

} // namespace HeatmapMath
