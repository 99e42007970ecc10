#pragma once

#include "store/serverstore.h"

#include <QElapsedTimer>

#include <cstdint>
#include <mutex>
#include <optional>

class ChangeLog;

//! \brief The store-wide numbers (/api/v1/stats, /badge/stats.svg, /metrics),
//! computed at most once per MaxAgeMs while writes keep coming.
//!
//! They sum every bucket: 64 ms on 1,000 users x 365 days, idle. Every write
//! changes them, so under steady ingest each request computed them again, and
//! in the soak they took 580 ms on average and pushed boards behind them past
//! wrk's 10 s timeout. Store-wide totals a few seconds old are fine; a user's
//! own numbers (boards, profiles, badges) stay exact.
class SiteStats
{
public:
    static constexpr std::int64_t MaxAgeMs = 5000;

    SiteStats(ServerStore &store, const ChangeLog &changes);

    //! \brief The numbers as of the last change, or at most MaxAgeMs older
    //! than the newest. While one thread computes them, others get the last
    //! ones. Throws what ServerStore::stats() throws when there are none yet.
    StoreStats get();

private:
    bool fresh(std::int64_t sequence) const;

    ServerStore &m_store;
    const ChangeLog &m_changes;
    std::mutex m_computing; //!< one computes at a time
    mutable std::mutex m_mutex; //!< guards the members below
    std::optional<StoreStats> m_value;
    std::int64_t m_sequence = -1; //!< the change sequence m_value includes
    QElapsedTimer m_age;
};
