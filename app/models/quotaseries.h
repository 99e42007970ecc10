#pragma once

#include "quota/quotaobservation.h"

#include <QPointF>
#include <QString>

#include <vector>

// The quota history as lines for a chart: one per (agent, window), points of
// (observed time in ms since the epoch, percent) in time order.
struct QuotaSeries
{
    Agent agent = Agent::Codex;
    QString window;
    std::vector<QPointF> points;

    // \a history ordered by agent, window and time (LocalStore::quotaHistory()).
    static std::vector<QuotaSeries> fromHistory(const std::vector<QuotaObservation> &history);
};
