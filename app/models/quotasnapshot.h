#pragma once

#include "quota/quotastatus.h"

#include <QMetaType>

#include <cstdint>
#include <vector>

// The quota windows as the usage worker read them, for the tray and the
// dashboard (docs/agents/quota.md); copied across threads.
struct QuotaSnapshot
{
    std::vector<QuotaEntry> entries; //!< newest per (agent, window), expiry as of nowMs
    std::vector<QuotaObservation> history; //!< the last HistoryDays, by agent, window, time
    std::int64_t nowMs = 0;

    static constexpr int HistoryDays = 7;

    // Same windows, readings and expiry (the time it was read aside).
    bool sameAs(const QuotaSnapshot &other) const
    {
        auto same = [](const QuotaEntry &a, const QuotaEntry &b) {
            const QuotaObservation &x = a.observation, &y = b.observation;
            return x.agent == y.agent && x.window == y.window && x.usedPercent == y.usedPercent &&
                x.resetsAt == y.resetsAt && x.observedMs == y.observedMs && x.source == y.source &&
                a.expired == b.expired;
        };
        return std::equal(entries.begin(), entries.end(), other.entries.begin(),
                          other.entries.end(), same) &&
            history.size() == other.history.size();
    }
};

Q_DECLARE_METATYPE(QuotaSnapshot)
