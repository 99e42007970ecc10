#include "quotabatch.h"

#include "quota/codexratelimits.h"
#include "store/localstore.h"

#include <vector>

namespace {

template<typename Map, typename Key>
void keepNewest(Map &map, Key &&key, const QuotaObservation &quota)
{
    const auto [it, inserted] = map.try_emplace(std::forward<Key>(key), quota);
    if (!inserted && quota.observedMs >= it->second.observedMs)
        it->second = quota;
}

} // namespace

void QuotaBatch::offer(const QuotaObservation &quota)
{
    keepNewest(m_newest, std::pair {int(quota.agent), quota.window}, quota);
    keepNewest(m_history,
               std::tuple {int(quota.agent), quota.window,
                           quota.observedMs / CodexRateLimits::HistorySlotMs},
               quota);
}

bool QuotaBatch::write(LocalStore &store) const
{
    for (const auto &[key, quota] : m_newest) {
        if (!store.setCurrentQuota(quota))
            return false;
    }
    std::vector<QuotaObservation> history;
    history.reserve(m_history.size());
    for (const auto &[key, quota] : m_history)
        history.push_back(quota);
    return store.addQuotaHistory(history);
}
