#pragma once

#include <QCommandLineOption>
#include <QList>
#include <QString>

class CliContext;

//! \brief One headless subcommand of `tokentally` (`scan`, `report`, `submit`, ...).
//!
//! Each command is one class registered in CliRegistry's table. Its option
//! table is the single source for `--help` and the man page.
class CliCommand
{
public:
    virtual ~CliCommand() = default;

    //! The word that selects it: `tokentally NAME ...`.
    virtual QString name() const = 0;
    //! Positional arguments after the name, for help ("daily|weekly|..."); may be empty.
    virtual QString arguments() const { return {}; }
    //! One line for the command list.
    virtual QString summary() const = 0;
    //! Longer text for `tokentally NAME --help` and the man page; may be empty.
    virtual QString description() const { return {}; }
    //! Options of this command (the global ones are added by the runner).
    virtual QList<QCommandLineOption> options() const { return {}; }
    //! Runs with the parsed command line; returns the exit code (0 ok, 1 failure,
    //! 2 bad usage).
    virtual int run(CliContext &context) = 0;
};
