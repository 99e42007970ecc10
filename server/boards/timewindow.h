#pragma once

#include "store/serverstore.h"

#include <QDate>
#include <QString>
#include <QTimeZone>

#include <optional>

//! \brief A period of local calendar days in a time zone, as UTC hours.
//!
//! Buckets are hourly UTC; day-based views re-bucket them with the zone's
//! offsets over the window (DST included), so no day is split wrongly.
struct TimeWindow
{
    QString period; //!< day, week, month, year, all, custom
    QDate first; //!< First local day.
    QDate last; //!< Last local day (inclusive).
    std::int64_t from = 0;
    std::int64_t to = 0;
    QTimeZone zone;
    QString zoneName;
    QList<OffsetSpan> offsets;

    //! The earliest hour the server accepts and any window starts.
    static std::int64_t epochStart();
    //! Resolves a period at \a nowUtc. Throws ApiError(400) for bad input.
    static TimeWindow resolve(const QString &period, const QString &from, const QString &to,
                              const QString &tz, std::int64_t nowUtc);
    //! The days and offsets of an explicit local date range.
    static TimeWindow forDates(QDate first, QDate last, const QTimeZone &zone,
                               const QString &zoneName);
    //! Local day number (days since 1970-01-01) of a date, and back.
    static std::int64_t dayNumber(QDate date) { return QDate(1970, 1, 1).daysTo(date); }
    static QDate dateOf(std::int64_t day) { return QDate(1970, 1, 1).addDays(day); }
};
