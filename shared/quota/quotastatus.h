#pragma once

#include "quota/quotaobservation.h"

#include <cstdint>
#include <optional>
#include <vector>

class LocalStore;
struct SourceEnvironment;

//! \brief One window as it stands at some instant: the newest observation of
//! it, its length, whether it came from a cache, and whether it has reset
//! since (then its percentage is history, never current).
struct QuotaEntry
{
    QuotaObservation observation;
    std::optional<int> minutes; //!< the window's length, when its name tells it
    bool cached = false; //!< from Claude Code's cache: a snapshot of unknown freshness
    bool expired = false; //!< its reset time has passed since it was observed

    //! The current percentage: nothing once the window has reset.
    std::optional<double> usedPercent() const
    {
        return expired ? std::nullopt : std::optional(observation.usedPercent);
    }
    std::int64_t ageSeconds(std::int64_t nowMs) const
    {
        return std::max<std::int64_t>(0, (nowMs - observation.observedMs) / 1000);
    }
};

//! \brief The quota windows known at an instant (docs/agents/quota.md): the
//! store's newest observations (Codex logs, Claude Code's statusline) and
//! Claude Code's cache, the newest per (agent, window) winning.
class QuotaStatus
{
public:
    //! \brief Merges \a stored and \a cached at \a nowMs, ordered by agent and
    //! window length.
    static std::vector<QuotaEntry> merge(const std::vector<QuotaObservation> &stored,
                                         const std::vector<QuotaObservation> &cached,
                                         std::int64_t nowMs);
    //! \brief merge() of the store's windows and the cache files of \a env.
    static std::vector<QuotaEntry> read(LocalStore &store, const SourceEnvironment &env,
                                        std::int64_t nowMs);
};
