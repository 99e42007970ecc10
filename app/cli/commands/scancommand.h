#pragma once

#include "cli/clicommand.h"

//! \brief `tokentally scan [--json] [--watch]`: reads new usage into the local store;
//! with --watch keeps it current and serves other commands (ScanService).
class ScanCommand final : public CliCommand
{
public:
    QString name() const override;
    QString summary() const override;
    QString description() const override;
    QList<QCommandLineOption> options() const override;
    int run(CliContext &context) override;
};
