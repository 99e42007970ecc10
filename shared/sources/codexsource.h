#pragma once

#include "sources/usagesource.h"

//! \brief Codex CLI: `~/.codex/sessions` and `archived_sessions` (or
//! CODEX_HOME), read by CodexParser.
class CodexSource final : public UsageSource
{
public:
    Agent agent() const override { return Agent::Codex; }
    QStringList environmentVariables() const override;
    QStringList defaultRoots(const SourceEnvironment &env) const override;
    bool acceptsName(std::string_view name) const override;
    bool classify(const std::vector<std::string> &rel, SourceFile &file) const override;
    void parse(const SourceFile &file, const char *data, std::int64_t size, std::int64_t baseOffset,
               const QByteArray &state, ParseResult &out) const override;
    DropReason lossReason(const StoredRecord &loser, const StoredRecord &winner) const override;
};
