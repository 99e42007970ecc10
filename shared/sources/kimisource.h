#pragma once

#include "sources/usagesource.h"

//! \brief Kimi CLI (docs/agents/kimi-cli.md): `$KIMI_SHARE_DIR` or `~/.kimi`,
//! `sessions/<md5 of workdir>/<session>/wire.jsonl` and
//! `…/<session>/subagents/<agent>/wire.jsonl`.
//!
//! `StatusUpdate` payloads carry one step's `token_usage` (the four fields are
//! disjoint). The model is not in the wire: it comes from `config.toml`
//! (`default_model` → `[models.<alias>] model`), or a sub-agent's `meta.json`.
//! Steps are keyed by `message_id` across files: a fork's verbatim copies lose
//! to the session that sorts first (`kimi-fork-copy`), a sub-agent step mirrored
//! in the parent's wire loses to the sub-agent's own line (`kimi-subagent-mirror`).
class KimiSource final : public UsageSource
{
public:
    Agent agent() const override { return Agent::KimiCli; }
    QStringList environmentVariables() const override;
    QStringList defaultRoots(const SourceEnvironment &env) const override;
    bool acceptsName(std::string_view name) const override;
    bool classify(const std::vector<std::string> &rel, SourceFile &file) const override;
    void parse(const SourceFile &file, const char *data, std::int64_t size, std::int64_t baseOffset,
               const QByteArray &state, ParseResult &out) const override;
    int rankCopies(const StoredRecord &a, const StoredRecord &b) const override;
    DropReason lossReason(const StoredRecord &loser, const StoredRecord &winner) const override;

    //! The model an alias (or Kimi's default_model when \a alias is empty)
    //! names in the config.toml text \a config; the alias itself when it names none.
    static std::string modelFromConfig(const QByteArray &config, const std::string &alias);
};
