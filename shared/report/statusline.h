#pragma once

#include "store/localstore.h"

#include <QByteArray>
#include <QJsonValue>
#include <QString>
#include <QTimeZone>

#include <cstdint>
#include <optional>
#include <vector>

//! \brief What Claude Code pipes into its `statusLine` command (one JSON
//! object), read liberally: every field may be missing.
struct StatuslineInput
{
    //! A rate-limit window as Claude Code reported it (docs/agents/quota.md §2.1).
    struct Limit
    {
        double usedPercent = 0;
        std::optional<std::int64_t> resetsAt; //!< seconds since the epoch, UTC
    };

    QString sessionId;
    QString transcriptPath;
    QString model; //!< model.display_name, else model.id
    std::optional<Limit> fiveHour;
    std::optional<Limit> sevenDay;

    //! \brief Parses the JSON; nothing (and \a error) when it is not a JSON object.
    static std::optional<StatuslineInput> parse(const QByteArray &json, QString *error);
    //! \brief Epoch seconds (or milliseconds above 10^12) as a number, or an
    //! ISO-8601 string with `Z` or an offset.
    static std::optional<std::int64_t> parseResetTime(const QJsonValue &value);
};

//! \brief The numbers of one statusline, from the store at one instant.
struct StatuslineFigures
{
    //! The current 5-hour block of Claude Code usage (as ccusage's blocks: it
    //! starts at the hour of the first call after the previous block ended, and
    //! lasts five hours).
    struct Block
    {
        std::int64_t startSeconds = 0;
        std::int64_t endSeconds = 0;
        BucketTotals totals;
        //! Cost per hour since the block started (at least five minutes counted).
        std::optional<double> burnPerHour;
    };

    std::optional<BucketTotals> session; //!< nothing when the store has no such session
    BucketTotals today; //!< the local day of \a zone, every agent
    std::optional<Block> block;

    static constexpr std::int64_t BlockSeconds = 5 * 3600;

    //! \brief Reads the figures for \a input at \a nowMs; days are local to \a zone.
    static StatuslineFigures compute(LocalStore &store, const StatuslineInput &input,
                                     std::int64_t nowMs, const QTimeZone &zone);
    //! \brief The start of the block that contains \a nowSeconds, given the hours
    //! (ascending) with Claude Code usage; nothing when no block is running.
    static std::optional<std::int64_t> currentBlockStart(const std::vector<std::int64_t> &hours,
                                                         std::int64_t nowSeconds);
    //! \brief Cost in USD of priced messages, nothing when none is priced.
    static std::optional<double> cost(const BucketTotals &totals);
};
