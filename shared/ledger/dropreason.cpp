#include "dropreason.h"

using namespace Qt::StringLiterals;

QString dropReasonId(DropReason reason)
{
    switch (reason) {
    case DropReason::ClaudeDuplicate:
        return u"claude-duplicate"_s;
    case DropReason::ClaudeSidechainReplay:
        return u"claude-sidechain-replay"_s;
    case DropReason::ClaudeProgressMirror:
        return u"claude-progress-mirror"_s;
    case DropReason::CodexReemit:
        return u"codex-reemit"_s;
    case DropReason::CodexStale:
        return u"codex-stale"_s;
    case DropReason::CodexCopied:
        return u"codex-copied"_s;
    case DropReason::CodexSubagentReplay:
        return u"codex-subagent-replay"_s;
    case DropReason::OpenCodeDuplicate:
        return u"opencode-duplicate"_s;
    case DropReason::ZeroUsage:
        return u"zero-usage"_s;
    }
    return {};
}
