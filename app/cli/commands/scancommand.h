#pragma once

#include "cli/clicommand.h"

//! \brief `tokentally scan [--json]`: reads new usage into the local store.
class ScanCommand final : public CliCommand
{
public:
    QString name() const override;
    QString summary() const override;
    QList<QCommandLineOption> options() const override;
    int run(CliContext &context) override;
};
