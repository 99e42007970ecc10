#pragma once

#include "sources/usagesource.h"

//! \brief Qwen Code (docs/agents/qwen-code.md): `<runtime>/projects/<cwd>/chats/<session>.jsonl`
//! with the runtime folder from QWEN_RUNTIME_DIR, else QWEN_HOME, else `~/.qwen`.
//!
//! `assistant` records carry Gemini-style `usageMetadata` converted from an
//! OpenAI-style response: the prompt count includes the cached tokens, the
//! candidates count includes the thoughts (unless the total shows them outside,
//! the Gemini-native path). Records are keyed by uuid across files: `/branch`
//! copies (marked `forkedFrom`) lose to the original; telemetry never counts.
class QwenSource final : public UsageSource
{
public:
    Agent agent() const override { return Agent::QwenCode; }
    QStringList environmentVariables() const override;
    QStringList defaultRoots(const SourceEnvironment &env) const override;
    bool acceptsName(std::string_view name) const override;
    bool classify(const std::vector<std::string> &rel, SourceFile &file) const override;
    void parse(const SourceFile &file, const char *data, std::int64_t size, std::int64_t baseOffset,
               const QByteArray &state, ParseResult &out) const override;
    int rankCopies(const StoredRecord &a, const StoredRecord &b) const override;
    DropReason lossReason(const StoredRecord &loser, const StoredRecord &winner) const override;
};
