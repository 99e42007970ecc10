#pragma once

#include "cli/clicommand.h"

//! \brief `tokentally statusline`: Claude Code's `statusLine` command. Reads
//! Claude Code's JSON on stdin and prints one line: this session, today, the
//! current 5-hour block and the quota windows Claude Code reported (which it
//! also keeps in the store for the tray). Fresh: the session's transcript is
//! read before answering. Always one short line and exit 0, even on bad input.
class StatuslineCommand final : public CliCommand
{
public:
    QString name() const override;
    QString summary() const override;
    QString description() const override;
    int run(CliContext &context) override;
};
