#include "quotabatch.h"

#include "store/localstore.h"

void QuotaBatch::offer(const QuotaObservation &quota)
{
    const auto [it, inserted] = m_newest.try_emplace({int(quota.agent), quota.window}, quota);
    if (!inserted && quota.observedMs >= it->second.observedMs)
        it->second = quota;
}

bool QuotaBatch::write(LocalStore &store) const
{
    for (const auto &[key, quota] : m_newest) {
        if (!store.setCurrentQuota(quota))
            return false;
    }
    return true;
}
