#pragma once

#include "quota/quotastatus.h"

#include <QByteArray>
#include <QString>
#include <QTimeZone>

//! \brief `tokentally quota` output: JSON for scripts, a table for people.
class QuotaFormatter
{
public:
    //! \brief `{"quotas":[{"agent","window","windowMinutes","usedPercent",
    //! "lastUsedPercent","resetsAt","observedAt","ageSeconds","source","cached",
    //! "expired"}],"skippedWindows":N}`; usedPercent is null once the window has
    //! reset; \a skipped counts readings skipped for absurd values.
    static QByteArray json(const std::vector<QuotaEntry> &entries, std::int64_t nowMs,
                           std::int64_t skipped = 0);
    //! \brief One line per window, times local to \a zone.
    static QString text(const std::vector<QuotaEntry> &entries, std::int64_t nowMs,
                        const QTimeZone &zone, std::int64_t skipped = 0);
    //! \brief "3h 5m", "2d 4h", "40s": how long ago or how long until.
    static QString duration(std::int64_t seconds);
};
