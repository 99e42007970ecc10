#pragma once

#include "cli/cliregistry.h"

#include <QStringList>
#include <QTextStream>

//! \brief Runs a headless subcommand (`scan`, `report`, `submit`, ...) from a
//! table of commands (CliRegistry's by default; the executable's own core table
//! when it runs without the app module, see app/main.cpp): QCoreApplication
//! only, no widget is ever created. Output goes to \a out, errors to \a err.
class CliRunner
{
public:
    CliRunner(QTextStream &out, QTextStream &err,
              const CliRegistry::CommandTable &commands = CliRegistry::commands())
        : m_out(out)
        , m_err(err)
        , m_commands(commands)
    {
    }

    //! \brief Runs \a args (the program name first); returns the exit code.
    int run(const QStringList &args);
    //! \brief The command word of \a args (the first argument that is not an
    //! option or an option's value), or empty.
    static QString commandOf(const QStringList &args,
                             const CliRegistry::CommandTable &commands = CliRegistry::commands());
    static bool isSubcommand(const QString &name,
                             const CliRegistry::CommandTable &commands = CliRegistry::commands());

private:
    QString overview() const;
    CliCommand *find(const QString &name) const;

    QTextStream &m_out;
    QTextStream &m_err;
    const CliRegistry::CommandTable &m_commands;
};
