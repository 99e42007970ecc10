#pragma once

#include "cli/clicommand.h"

//! \brief `tokentally submit [--dry-run] [--json]`.
class SubmitCommand final : public CliCommand
{
public:
    QString name() const override;
    QString summary() const override;
    QString description() const override;
    QList<QCommandLineOption> options() const override;
    int run(CliContext &context) override;
};
