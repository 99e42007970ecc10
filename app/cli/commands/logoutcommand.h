#pragma once

#include "cli/clicommand.h"

//! \brief `tokentally logout`: forgets the account and device locally.
class LogoutCommand final : public CliCommand
{
public:
    QString name() const override;
    QString summary() const override;
    int run(CliContext &context) override;
};
