#pragma once

#include "cli/clicommand.h"

//! \brief `tokentally delete-server-data [--yes]`: deletes the account on the server.
class DeleteServerDataCommand final : public CliCommand
{
public:
    QString name() const override;
    QString summary() const override;
    QList<QCommandLineOption> options() const override;
    int run(CliContext &context) override;
};
