#include "timewindow.h"

#include "core/timezones.h"
#include "http/apierror.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

std::int64_t TimeWindow::epochStart()
{
    return QDateTime(QDate(2020, 1, 1), QTime(0, 0), QTimeZone::utc()).toSecsSinceEpoch();
}

TimeWindow TimeWindow::forDates(QDate first, QDate last, const QTimeZone &zone,
                                const QString &zoneName)
{
    TimeWindow w;
    w.first = first;
    w.last = last;
    w.zone = zone;
    w.zoneName = zoneName;
    w.from = std::max<std::int64_t>(epochStart(),
                                    QDateTime(first, QTime(0, 0), zone).toSecsSinceEpoch());
    w.to = QDateTime(last.addDays(1), QTime(0, 0), zone).toSecsSinceEpoch();
    const QDateTime start = QDateTime::fromSecsSinceEpoch(w.from, QTimeZone::utc());
    const QDateTime end = QDateTime::fromSecsSinceEpoch(w.to, QTimeZone::utc());
    w.offsets.append({w.from, zone.offsetFromUtc(start)});
    if (zone.hasTransitions()) {
        for (const auto &t : zone.transitions(start, end)) {
            const std::int64_t at = t.atUtc.toSecsSinceEpoch();
            if (at > w.from && t.offsetFromUtc != w.offsets.last().offset)
                w.offsets.append({at, t.offsetFromUtc});
        }
    }
    return w;
}

TimeWindow TimeWindow::resolve(const QString &periodIn, const QString &from, const QString &to,
                               const QString &tz, std::int64_t nowUtc)
{
    const auto zone = TimeZones::parse(tz, TimeZones::Context::Server);
    if (!zone)
        throw ApiError(ApiError::BadRequest, u"unknown time zone"_s);
    const QString period = periodIn.isEmpty() ? u"month"_s : periodIn;
    const QDate today = QDateTime::fromSecsSinceEpoch(nowUtc, *zone).date();
    QDate first;
    QDate last;
    if (period == u"day") {
        first = last = today;
    } else if (period == u"week") {
        first = today.addDays(1 - today.dayOfWeek());
        last = first.addDays(6);
    } else if (period == u"month") {
        first = QDate(today.year(), today.month(), 1);
        last = first.addMonths(1).addDays(-1);
    } else if (period == u"year") {
        first = QDate(today.year(), 1, 1);
        last = QDate(today.year(), 12, 31);
    } else if (period == u"all") {
        first = QDateTime::fromSecsSinceEpoch(epochStart(), *zone).date();
        last = today.addDays(1);
    } else if (period == u"custom") {
        first = QDate::fromString(from, Qt::ISODate);
        last = QDate::fromString(to, Qt::ISODate);
        if (!first.isValid() || !last.isValid() || last < first)
            throw ApiError(ApiError::BadRequest, u"custom period needs from <= to (YYYY-MM-DD)"_s);
        if (first.daysTo(last) > 3700)
            throw ApiError(ApiError::BadRequest, u"custom period too long"_s);
    } else {
        throw ApiError(ApiError::BadRequest, u"unknown period"_s);
    }
    TimeWindow w = forDates(first, last, *zone, tz.isEmpty() ? u"UTC"_s : tz);
    w.period = period;
    return w;
}
