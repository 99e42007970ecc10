#pragma once

#include "cli/clicommand.h"

//! \brief `tokentally quota [--json]`: the rate-limit windows Codex and Claude
//! Code reported locally (docs/agents/quota.md), newest per window; a window
//! whose reset time has passed is shown as reset, never as current.
class QuotaCommand final : public CliCommand
{
public:
    QString name() const override;
    QString summary() const override;
    QString description() const override;
    QList<QCommandLineOption> options() const override;
    int run(CliContext &context) override;
};
