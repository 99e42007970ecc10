#pragma once

#include <QStringList>
#include <QTextStream>

//! \brief The headless subcommands (`scan`, `report`): QCoreApplication only,
//! no widget is ever created. Output goes to \a out, errors to \a err.
class CliCommands
{
public:
    CliCommands(QTextStream &out, QTextStream &err)
        : m_out(out)
        , m_err(err)
    {
    }

    //! \brief Runs \a args (the program name first); returns the exit code.
    int run(const QStringList &args);
    static bool isSubcommand(const QString &name);

private:
    QTextStream &m_out;
    QTextStream &m_err;
};
