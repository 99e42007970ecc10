#pragma once

#include "cli/clicommand.h"

//! \brief `tokentally login --server URL (--username NAME | --token TOKEN)`.
class LoginCommand final : public CliCommand
{
public:
    QString name() const override;
    QString summary() const override;
    QString description() const override;
    QList<QCommandLineOption> options() const override;
    int run(CliContext &context) override;
};
