#pragma once

#include "quota/quotastatus.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QTimeZone>

// Quota windows in words for the tray and the dashboard: one line per agent
// ("Codex · 5 h 42% · resets 14:05 · week 61%"), and details per window. A
// window that has reset says so instead of showing its last percentage as
// current; a cached reading says how old it is.
class QuotaText
{
    Q_DECLARE_TR_FUNCTIONS(QuotaText)

public:
    // The agents with any window, in the order of \a entries.
    static QList<Agent> agents(const std::vector<QuotaEntry> &entries);
    // The tray line of \a agent's windows at \a nowMs; times local to \a zone.
    static QString agentLine(Agent agent, const std::vector<QuotaEntry> &entries,
                             std::int64_t nowMs, const QTimeZone &zone);
    // One line per window of \a agent with its reset, age and source (a tooltip).
    static QStringList details(Agent agent, const std::vector<QuotaEntry> &entries,
                               std::int64_t nowMs, const QTimeZone &zone);
    // "5 h", "week", "month", "60 min", "Sonnet week".
    static QString windowName(const QString &window);
    // "14:05" today, else "Mon 14:05".
    static QString resetTime(std::int64_t resetsAtSeconds, std::int64_t nowMs,
                             const QTimeZone &zone);
    // "42%", "42.5%".
    static QString percent(double value);
    // "5 min", "3 h", "2 d".
    static QString age(std::int64_t seconds);
};
