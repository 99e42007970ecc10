#include "sitestats.h"

#include "changelog.h"

SiteStats::SiteStats(ServerStore &store, const ChangeLog &changes)
    : m_store(store)
    , m_changes(changes)
{
}

bool SiteStats::fresh(std::int64_t sequence) const
{
    return m_value && (m_sequence == sequence || m_age.elapsed() < MaxAgeMs);
}

StoreStats SiteStats::get()
{
    {
        std::lock_guard lock(m_mutex);
        if (fresh(m_changes.sequence()))
            return *m_value;
    }
    std::unique_lock computing(m_computing, std::try_to_lock);
    if (!computing.owns_lock()) {
        {
            std::lock_guard lock(m_mutex);
            if (m_value)
                return *m_value;
        }
        computing.lock();
        std::lock_guard lock(m_mutex);
        if (fresh(m_changes.sequence()))
            return *m_value;
    }
    // Read the sequence first: a write landing meanwhile is then not counted
    // as included, and the next request computes again.
    const std::int64_t sequence = m_changes.sequence();
    const StoreStats stats = m_store.stats();
    std::lock_guard lock(m_mutex);
    m_value = stats;
    m_sequence = sequence;
    m_age.start();
    return stats;
}
