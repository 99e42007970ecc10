#include "sourceregistry.h"

#include "sources/ampsource.h"
#include "sources/claudesource.h"
#include "sources/codexsource.h"
#include "sources/droidsource.h"
#include "sources/geminisource.h"
#include "sources/kimisource.h"
#include "sources/opencodesource.h"
#include "sources/qwensource.h"

#include <array>

namespace {

const ClaudeSource claude;
const CodexSource codex;
const OpenCodeSource openCode;
const GeminiSource gemini;
const QwenSource qwen;
const AmpSource amp;
const DroidSource droid;
const KimiSource kimi;

// The one table of agents' sources, indexed by Agent.
constexpr std::array<const UsageSource *, AgentCount> Sources {&claude, &codex, &openCode, &gemini,
                                                               &qwen,   &amp,   &droid,    &kimi};

} // namespace

std::span<const UsageSource *const> SourceRegistry::all()
{
    return Sources;
}

const UsageSource &SourceRegistry::of(Agent agent)
{
    return *Sources[size_t(agent)];
}
