#pragma once

#include "cli/clicommand.h"

//! \brief `tokentally outbox [--json] [--show ID]`: every body that left the machine.
class OutboxCommand final : public CliCommand
{
public:
    QString name() const override;
    QString summary() const override;
    QList<QCommandLineOption> options() const override;
    int run(CliContext &context) override;
};
