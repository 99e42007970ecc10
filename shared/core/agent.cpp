#include "agent.h"

#include <array>

using namespace Qt::StringLiterals;

namespace {

struct AgentInfo
{
    QStringView id;
    QStringView name;
    QStringView color;
};

// Indexed by Agent. Colours are the agents' own brand hues where they have one,
// kept apart enough to tell eight agents apart in one chart.
constexpr std::array<AgentInfo, AgentCount> Agents {{
    {u"claude-code", u"Claude Code", u"#D97706"},
    {u"codex", u"Codex", u"#10A37F"},
    {u"opencode", u"OpenCode", u"#6366F1"},
    {u"gemini-cli", u"Gemini CLI", u"#1A73E8"},
    {u"qwen-code", u"Qwen Code", u"#7C3AED"},
    {u"amp", u"Amp", u"#E11D48"},
    {u"droid", u"Droid", u"#EA580C"},
    {u"kimi-cli", u"Kimi CLI", u"#0F766E"},
}};

const AgentInfo *info(Agent agent)
{
    const auto i = size_t(agent);
    return i < Agents.size() ? &Agents[i] : nullptr;
}

} // namespace

QString agentId(Agent agent)
{
    const AgentInfo *a = info(agent);
    return a ? a->id.toString() : QString();
}

std::optional<Agent> agentFromId(QStringView id)
{
    if (id == u"claude")
        return Agent::ClaudeCode;
    for (size_t i = 0; i < Agents.size(); ++i) {
        if (Agents[i].id == id)
            return Agent(i);
    }
    return std::nullopt;
}

QString agentDisplayName(Agent agent)
{
    const AgentInfo *a = info(agent);
    return a ? a->name.toString() : QString();
}

QString agentColor(Agent agent)
{
    const AgentInfo *a = info(agent);
    return a ? a->color.toString() : QString();
}
