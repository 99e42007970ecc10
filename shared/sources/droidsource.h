#pragma once

#include "sources/usagesource.h"

//! \brief Factory's Droid (docs/agents/droid.md): `~/.factory/sessions/**/<id>.settings.json`
//! (FACTORY_DIR replaces `~/.factory`), one cumulative `tokenUsage` per session,
//! rewritten in place.
//!
//! Counters become deltas against the session's high-water mark, kept in the
//! file's state with every delta booked so far (a rewrite replaces the file's
//! records, so the booked ones are given again with the new one). Counters
//! below the mark count nothing (`droid-counter-regress`). Copies of a session
//! in two files share keys (session, delta number); the copy with the larger
//! counters wins (`droid-stale-copy`). Droid writes no per-call time: a delta is
//! dated at max(file mtime, providerLockTimestamp) and counts as one message.
class DroidSource final : public UsageSource
{
public:
    Agent agent() const override { return Agent::Droid; }
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
