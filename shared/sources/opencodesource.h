#pragma once

#include "sources/usagesource.h"

//! \brief OpenCode: `opencode.db` and legacy `storage/message/<session>/*.json`
//! under `$XDG_DATA_HOME/opencode`, read by OpenCodeReader. Database rows win
//! over JSON copies of the same message.
class OpenCodeSource final : public UsageSource
{
public:
    Agent agent() const override { return Agent::OpenCode; }
    QStringList environmentVariables() const override;
    QStringList defaultRoots(const SourceEnvironment &env) const override;
    std::string treeBelow() const override { return "storage/message"; }
    bool hasDatabases() const override { return true; }
    bool acceptsName(std::string_view name) const override;
    bool classify(const std::vector<std::string> &rel, SourceFile &file) const override;
    void parse(const SourceFile &file, const char *data, std::int64_t size, std::int64_t baseOffset,
               const QByteArray &state, ParseResult &out) const override;
    int rankCopies(const StoredRecord &a, const StoredRecord &b) const override;
    DropReason lossReason(const StoredRecord &loser, const StoredRecord &winner) const override;
    bool singleRecordChunks() const override { return true; }
};
