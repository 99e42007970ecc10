#pragma once

#include "sources/usagesource.h"

//! \brief Gemini CLI (docs/agents/gemini-cli.md): `$GEMINI_CLI_HOME/.gemini`
//! or `~/.gemini`, `tmp/<project>/chats/session-*.json` (whole file, older),
//! `session-*.jsonl` (appended) and `chats/<parent>/<id>.jsonl` (sub-agents).
//!
//! `cached` is inside `input`, `thoughts` outside `output`, `tool` outside
//! `input`. A message is keyed by id and timestamp across all files, so the
//! lines a `.jsonl` repeats and the copies a resumed `.json` leaves behind
//! count once (the largest total wins).
class GeminiSource final : public UsageSource
{
public:
    Agent agent() const override { return Agent::GeminiCli; }
    QStringList environmentVariables() const override;
    QStringList defaultRoots(const SourceEnvironment &env) const override;
    bool acceptsName(std::string_view name) const override;
    bool classify(const std::vector<std::string> &rel, SourceFile &file) const override;
    void parse(const SourceFile &file, const char *data, std::int64_t size, std::int64_t baseOffset,
               const QByteArray &state, ParseResult &out) const override;
    int rankCopies(const StoredRecord &a, const StoredRecord &b) const override;
    DropReason lossReason(const StoredRecord &loser, const StoredRecord &winner) const override;
    bool singleRecordChunks() const override { return true; }
};
