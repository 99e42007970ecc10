#pragma once

#include "cli/clicommand.h"

//! \brief `tokentally visibility private|unlisted|public`.
class VisibilityCommand final : public CliCommand
{
public:
    QString name() const override;
    QString arguments() const override;
    QString summary() const override;
    QString description() const override;
    int run(CliContext &context) override;
};
