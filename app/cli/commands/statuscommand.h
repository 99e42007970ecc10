#pragma once

#include "cli/clicommand.h"

//! \brief `tokentally status [--json]`: the sync account and how the last submit went.
class StatusCommand final : public CliCommand
{
public:
    QString name() const override;
    QString summary() const override;
    QList<QCommandLineOption> options() const override;
    int run(CliContext &context) override;
};
