#pragma once

#include "core/agent.h"
#include "core/tokencounts.h"
#include "models/sourceoverview.h"
#include "store/localstore.h"

#include <QDate>
#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>
#include <vector>

// Plain values the worker builds and the UI thread reads; copied across threads.

struct UsageTotals
{
    TokenCounts tokens;
    std::int64_t costNanoUsd = 0;
    std::int64_t messages = 0;
    std::int64_t unpricedMessages = 0;
    std::int64_t sessions = 0;

    // No price for any message means "unpriced", which is not $0.
    std::optional<double> cost() const
    {
        if (messages > 0 && unpricedMessages >= messages)
            return std::nullopt;
        return double(costNanoUsd) / 1e9;
    }
    double cacheEfficiency() const
    {
        const std::int64_t prompt = tokens.input + tokens.cacheWrite + tokens.cacheRead;
        return prompt > 0 ? double(tokens.cacheRead) / double(prompt) : 0.0;
    }
};

struct DayStat
{
    QDate date;
    std::int64_t tokens = 0;
    std::int64_t costNanoUsd = 0;
    std::int64_t messages = 0;
    std::int64_t unpricedMessages = 0;
    std::int64_t sessions = 0;
};

struct ModelStat
{
    QString model;
    UsageTotals totals;
};

struct AgentStat
{
    Agent agent = Agent::ClaudeCode;
    UsageTotals totals;
};

struct SessionStat
{
    QString session;
    Agent agent = Agent::ClaudeCode;
    QStringList models;
    QDateTime firstActive; //!< UTC start of the first active hour
    QDateTime lastActive; //!< UTC start of the last active hour
    UsageTotals totals;
};

struct UsageSnapshot
{
    std::int64_t generation = 0;
    QDate today;
    QString timeZoneId;
    Qt::DayOfWeek firstDayOfWeek = Qt::Monday;

    UsageTotals todayTotals;
    UsageTotals weekTotals;
    UsageTotals monthTotals;
    QString topModelToday;
    QString topModelMonth;

    // One entry per calendar day from firstDay to today, for the heatmap and cost chart.
    QDate firstDay;
    std::vector<DayStat> days;
    // Cost per (day, model): costModels names the columns, costByDay[day][model].
    QStringList costModels;
    std::vector<std::vector<std::int64_t>> costByDay;

    // The "view": everything below follows the day filter (none = the whole year).
    std::optional<QDate> filterDay;
    UsageTotals viewTotals;
    int activeDays = 0;
    int currentStreak = 0;
    int longestStreak = 0;
    std::vector<ModelStat> models; //!< by tokens, descending
    std::vector<AgentStat> agents; //!< by tokens, descending
    std::vector<SessionStat> sessions; //!< by last activity, newest first

    AccountingStats accounting;
    QString priceFile; //!< the user's price file in use (or failing), empty without one
    QString priceFileError; //!< why it could not be used; bundled prices apply meanwhile
    bool hasData = false;
    // Nothing counted in the whole store, after at least one scan: the dashboard
    // shows where it looked (sources) instead of zeros.
    bool storeEmpty = false;
    bool scanned = false; //!< a scan has finished since start
    SourceOverview sources; //!< inspected only when the store is empty
};

struct ScanProgress
{
    int done = 0;
    int total = 0;
    bool firstIndex = false;
    int percent() const { return total > 0 ? int(std::int64_t(done) * 100 / total) : 0; }
};

Q_DECLARE_METATYPE(UsageSnapshot)
Q_DECLARE_METATYPE(ScanProgress)
