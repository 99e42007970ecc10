#include "agent.h"

using namespace Qt::StringLiterals;

QString agentId(Agent agent)
{
    switch (agent) {
    case Agent::ClaudeCode:
        return u"claude-code"_s;
    case Agent::Codex:
        return u"codex"_s;
    case Agent::OpenCode:
        return u"opencode"_s;
    }
    return {};
}

std::optional<Agent> agentFromId(QStringView id)
{
    if (id == u"claude-code" || id == u"claude")
        return Agent::ClaudeCode;
    if (id == u"codex")
        return Agent::Codex;
    if (id == u"opencode")
        return Agent::OpenCode;
    return std::nullopt;
}

QString agentDisplayName(Agent agent)
{
    switch (agent) {
    case Agent::ClaudeCode:
        return u"Claude Code"_s;
    case Agent::Codex:
        return u"Codex"_s;
    case Agent::OpenCode:
        return u"OpenCode"_s;
    }
    return {};
}
