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
    case DropReason::FutureTimestamp:
        return u"future-timestamp"_s;
    case DropReason::GeminiDuplicate:
        return u"gemini-duplicate"_s;
    case DropReason::QwenBranchCopy:
        return u"qwen-branch-copy"_s;
    case DropReason::QwenDuplicate:
        return u"qwen-duplicate"_s;
    case DropReason::AmpLedgerDuplicate:
        return u"amp-ledger-duplicate"_s;
    case DropReason::AmpCopied:
        return u"amp-copied"_s;
    case DropReason::DroidStaleCopy:
        return u"droid-stale-copy"_s;
    case DropReason::DroidCounterRegress:
        return u"droid-counter-regress"_s;
    case DropReason::KimiSubagentMirror:
        return u"kimi-subagent-mirror"_s;
    case DropReason::KimiForkCopy:
        return u"kimi-fork-copy"_s;
    }
    return {};
}

QString malformedReasonId(MalformedReason reason)
{
    switch (reason) {
    case MalformedReason::NotJson:
        return u"not-json"_s;
    case MalformedReason::BadTimestamp:
        return u"bad-timestamp"_s;
    case MalformedReason::NegativeCount:
        return u"negative-count"_s;
    case MalformedReason::FractionalCount:
        return u"fractional-count"_s;
    case MalformedReason::CountTooLarge:
        return u"count-too-large"_s;
    case MalformedReason::NonNumericCount:
        return u"non-numeric-count"_s;
    case MalformedReason::NullCount:
        return u"null-count"_s;
    }
    return {};
}
