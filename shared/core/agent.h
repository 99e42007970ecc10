#pragma once

#include <QString>

#include <cstdint>
#include <optional>

//! \brief The coding agents whose usage files TokenTally reads. Stored by value
//! in the store and on the wire's closed alphabet: new agents are only ever
//! appended, existing values never renumbered.
enum class Agent : std::uint8_t {
    ClaudeCode = 0,
    Codex = 1,
    OpenCode = 2,
    GeminiCli = 3,
    QwenCode = 4,
    Amp = 5,
    Droid = 6,
    KimiCli = 7,
};

inline constexpr int AgentCount = 8;

//! \brief The stable id of an agent as written in reports and on the wire
//! (`claude-code`, `codex`, `opencode`, `gemini-cli`, `qwen-code`, `amp`,
//! `droid`, `kimi-cli`).
QString agentId(Agent agent);
//! \brief The agent for an id, or nothing for an unknown id.
std::optional<Agent> agentFromId(QStringView id);
//! \brief A human name ("Claude Code").
QString agentDisplayName(Agent agent);
//! \brief The agent's colour in charts, pages and badges ("#D97706").
QString agentColor(Agent agent);
