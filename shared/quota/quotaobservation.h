#pragma once

#include "core/agent.h"

#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

//! \brief One reading of a rate-limit window an agent reported
//! (docs/agents/quota.md): how much of it was used, when it resets, when it
//! was seen and where.
struct QuotaObservation
{
    Agent agent = Agent::ClaudeCode;
    QString window; //!< "5h", "7d", "30d", "<N>m", "7d-sonnet" (QuotaWindow)
    double usedPercent = 0;
    std::optional<std::int64_t> resetsAt; //!< seconds since the epoch, UTC
    std::int64_t observedMs = 0; //!< when the agent reported it
    QString source; //!< one of the Source* names below

    //! A Codex rollout's `token_count` event.
    static constexpr QStringView SourceCodexLog = u"codex-log";
    //! The `rate_limits` Claude Code passed to `tokentally statusline`.
    static constexpr QStringView SourceClaudeStatusline = u"claude-statusline";
    //! `~/.claude.json`'s cachedUsageUtilization: a snapshot of unknown freshness.
    static constexpr QStringView SourceClaudeCache = u"claude-cache";
};

//! \brief What the rate limits of one read of a Codex rollout gave.
struct QuotaReadings
{
    //! The newest observation per window and history slot (CodexRateLimits::HistorySlotMs), in
    //! the order first seen; the newest per window is always among them.
    std::vector<QuotaObservation> observations;
    //! Windows skipped: no or absurd length, percentage or times.
    std::int64_t skipped = 0;
};
