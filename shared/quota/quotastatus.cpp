#include "quotastatus.h"

#include "quota/claudeusagecache.h"
#include "quota/quotawindow.h"
#include "store/localstore.h"

#include <algorithm>

std::vector<QuotaEntry> QuotaStatus::merge(const std::vector<QuotaObservation> &stored,
                                           const std::vector<QuotaObservation> &cached,
                                           std::int64_t nowMs)
{
    std::vector<QuotaEntry> out;
    auto add = [&](const QuotaObservation &q) {
        auto same = std::find_if(out.begin(), out.end(), [&](const QuotaEntry &e) {
            return e.observation.agent == q.agent && e.observation.window == q.window;
        });
        if (same != out.end() && same->observation.observedMs >= q.observedMs)
            return;
        QuotaEntry e;
        e.observation = q;
        e.minutes = QuotaWindow::minutes(q.window);
        e.cached = q.source == QuotaObservation::SourceClaudeCache;
        e.expired = q.resetsAt && *q.resetsAt * 1000 <= nowMs;
        if (same != out.end())
            *same = std::move(e);
        else
            out.push_back(std::move(e));
    };
    for (const QuotaObservation &q : stored)
        add(q);
    for (const QuotaObservation &q : cached)
        add(q);
    std::sort(out.begin(), out.end(), [](const QuotaEntry &a, const QuotaEntry &b) {
        if (a.observation.agent != b.observation.agent)
            return a.observation.agent < b.observation.agent;
        const int ma = a.minutes.value_or(QuotaWindow::MaxMinutes + 1);
        const int mb = b.minutes.value_or(QuotaWindow::MaxMinutes + 1);
        if (ma != mb)
            return ma < mb;
        return a.observation.window < b.observation.window;
    });
    return out;
}

std::vector<QuotaEntry> QuotaStatus::read(LocalStore &store, const SourceEnvironment &env,
                                          std::int64_t nowMs)
{
    return merge(store.quotas(), ClaudeUsageCache::read(env), nowMs);
}
