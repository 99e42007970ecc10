#pragma once

#include <QString>

#include <cstdint>
#include <optional>

//! \brief The coding agents whose usage files TokenTally reads.
enum class Agent : std::uint8_t {
    ClaudeCode = 0,
    Codex = 1,
    OpenCode = 2,
};

inline constexpr int AgentCount = 3;

//! \brief The stable id of an agent as written in reports and on the wire
//! (`claude-code`, `codex`, `opencode`).
QString agentId(Agent agent);
//! \brief The agent for an id, or nothing for an unknown id.
std::optional<Agent> agentFromId(QStringView id);
//! \brief A human name ("Claude Code").
QString agentDisplayName(Agent agent);
