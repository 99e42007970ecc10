#pragma once

#include "core/tokencounts.h"
#include "ledger/dropreason.h"
#include "report/reportquery.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>
#include <vector>

class LocalStore;
struct UsageRow;

//! \brief One row of a report: its grouping keys (those that apply are set) and numbers.
struct ReportRow
{
    QString date; //!< daily: yyyy-MM-dd
    QString week; //!< weekly: ISO week, e.g. 2026-W47
    QString month; //!< monthly: yyyy-MM
    QString session; //!< session report
    QString agent; //!< agent report, session report, or --breakdown
    QString model; //!< model report or --breakdown
    QStringList models; //!< session rows: models used
    QDateTime lastActivity; //!< session rows: UTC start of the last active hour
    TokenCounts tokens;
    std::int64_t messages = 0;
    std::int64_t sessions = 0;
    std::optional<double> cost; //!< nothing when no message of the row is priced
    std::int64_t unpricedMessages = 0;
};

//! \brief What the store skipped on the way in, shown with every report: lines
//! that were malformed (by reason) and records dated in the future.
struct SkippedInput
{
    MalformedCounts malformed;
    std::int64_t futureRecords = 0;

    bool isEmpty() const { return malformed.isZero() && futureRecords == 0; }
};

//! \brief A grouped usage report over the store (DESIGN.md §3).
struct Report
{
    ReportQuery query;
    std::vector<ReportRow> rows;
    ReportRow totals;
    QStringList unpricedModels;
    //! Store-wide; set by build(LocalStore &, ...).
    std::optional<SkippedInput> skipped;

    //! \brief Builds a report from the store's hourly buckets.
    static Report build(LocalStore &store, const ReportQuery &query);
    //! \brief Builds a report from bucket rows (already filtered by hour range).
    static Report build(const std::vector<UsageRow> &rows, const ReportQuery &query);
    //! \brief The UTC hour range [from, to) in seconds that the query's days cover.
    static std::pair<std::int64_t, std::int64_t> hourRange(const ReportQuery &query);
};
