#include "quotaseries.h"

std::vector<QuotaSeries> QuotaSeries::fromHistory(const std::vector<QuotaObservation> &history)
{
    std::vector<QuotaSeries> out;
    for (const QuotaObservation &q : history) {
        if (out.empty() || out.back().agent != q.agent || out.back().window != q.window)
            out.push_back({q.agent, q.window, {}});
        out.back().points.emplace_back(double(q.observedMs), q.usedPercent);
    }
    return out;
}
