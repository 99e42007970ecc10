#pragma once

#include "sources/usagesource.h"

//! \brief Amp (docs/agents/amp.md): `threads/T-*.json` under AMP_DATA_DIR, else
//! `$XDG_DATA_HOME/amp`, else `~/.local/share/amp`; each thread is one JSON file
//! rewritten in place.
//!
//! Assistant messages carry `usage` (input, cache write, cache read and output
//! map one to one; `totalInputTokens` is a running figure and never read).
//! Older threads' `usageLedger.events` describe the same calls: an event whose
//! message carries usage is a duplicate, the others count on their own.
class AmpSource final : public UsageSource
{
public:
    Agent agent() const override { return Agent::Amp; }
    QStringList environmentVariables() const override;
    QStringList defaultRoots(const SourceEnvironment &env) const override;
    bool acceptsName(std::string_view name) const override;
    bool classify(const std::vector<std::string> &rel, SourceFile &file) const override;
    void parse(const SourceFile &file, const char *data, std::int64_t size, std::int64_t baseOffset,
               const QByteArray &state, ParseResult &out) const override;
    DropReason lossReason(const StoredRecord &loser, const StoredRecord &winner) const override;
    bool singleRecordChunks() const override { return true; }
};
