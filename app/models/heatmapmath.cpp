#include "heatmapmath.h"

#include <QDateTime>

#include <algorithm>

namespace HeatmapMath {

int Grid::rowOf(QDate date) const
{
    return (date.dayOfWeek() - int(firstDayOfWeek) + DaysPerWeek) % DaysPerWeek;
}

int Grid::columnOf(QDate date) const
{
    return int(start.daysTo(date) / DaysPerWeek);
}

QDate Grid::dateAt(int column, int row) const
{
    return start.addDays(qint64(column) * DaysPerWeek + row);
}

Grid yearGrid(QDate end, Qt::DayOfWeek firstDayOfWeek, int weeks)
{
    Grid g;
    g.end = end;
    g.weeks = std::max(1, weeks);
    g.firstDayOfWeek = firstDayOfWeek;
    const int back = (end.dayOfWeek() - int(firstDayOfWeek) + DaysPerWeek) % DaysPerWeek;
    g.start = end.addDays(-back - qint64(g.weeks - 1) * DaysPerWeek);
    return g;
}

QDate localDate(std::int64_t utcSecs, const QTimeZone &zone)
{
    return QDateTime::fromSecsSinceEpoch(utcSecs, zone).date();
}

std::vector<std::int64_t> quartileThresholds(std::vector<std::int64_t> values)
{
    std::erase_if(values, [](std::int64_t v) { return v <= 0; });
    if (values.empty())
        return {};
    std::sort(values.begin(), values.end());
    std::vector<std::int64_t> t;
    for (int q = 1; q <= 3; ++q) {
        // Nearest rank: the smallest value with at least q/4 of the values at or below it.
        const size_t rank = (values.size() * size_t(q) + 3) / 4;
        t.push_back(values[std::max<size_t>(rank, 1) - 1]);
    }
    return t;
}

int level(std::int64_t value, const std::vector<std::int64_t> &thresholds)
{
    if (value <= 0)
        return 0;
    int l = 1;
    for (std::int64_t t : thresholds) {
        if (value > t)
            ++l;
    }
    return std::min(l, Levels - 1);
}

std::vector<std::pair<int, QDate>> monthStarts(const Grid &grid)
{
    std::vector<std::pair<int, QDate>> out;
    QDate first(grid.start.year(), grid.start.month(), 1);
    if (first < grid.start)
        first = first.addMonths(1);
    for (QDate d = first; d <= grid.end; d = d.addMonths(1))
        out.emplace_back(grid.columnOf(d), d);
    return out;
}

} // namespace HeatmapMath
