#pragma once

#include <QStringList>
#include <QTextStream>

//! \brief Runs a headless subcommand (`scan`, `report`, `submit`, ...) from
//! CliRegistry's table: QCoreApplication only, no widget is ever created.
//! Output goes to \a out, errors to \a err.
class CliRunner
{
public:
    CliRunner(QTextStream &out, QTextStream &err)
        : m_out(out)
        , m_err(err)
    {
    }

    //! \brief Runs \a args (the program name first); returns the exit code.
    int run(const QStringList &args);
    //! \brief The command word of \a args (the first argument that is not an
    //! option or an option's value), or empty.
    static QString commandOf(const QStringList &args);
    static bool isSubcommand(const QString &name);

private:
    QString overview() const;

    QTextStream &m_out;
    QTextStream &m_err;
};
