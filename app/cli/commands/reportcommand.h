#pragma once

#include "cli/clicommand.h"

//! \brief `tokentally report daily|weekly|monthly|session|model|agent`.
class ReportCommand final : public CliCommand
{
public:
    QString name() const override;
    QString arguments() const override;
    QString summary() const override;
    QString description() const override;
    QList<QCommandLineOption> options() const override;
    int run(CliContext &context) override;
};
