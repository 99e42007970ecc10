#pragma once

#include "serverconfig.h"

#include <QCommandLineOption>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

//! \brief tokentally-server's command line, parsed strictly: a number, an
//! address or a switch that does not parse is an error, never a default.
struct ServerOptions
{
    enum class Command {
        Serve,
        Users, //!< users list|hide|unhide|delete (arguments in commandArgs)
        Migrate, //!< migrate --from sqlite:PATH --to postgresql://...
    };
    Command command = Command::Serve;
    QStringList commandArgs;
    ServerConfig config;
    QString migrateFrom; //!< SQLite path of migrate --from.
    QString migrateTo; //!< PostgreSQL URI of migrate --to.

    //! Parses \a arguments (argv, program name first). Nothing with \a error
    //! set on bad input; \a error empty and nothing after --help/--version
    //! (printed already).
    static std::optional<ServerOptions> parse(const QStringList &arguments, QString *error);
    //! The text `--help` prints above the options.
    static QString description();
    //! Every option parse() takes, in `--help`'s order: the one table that
    //! `--help` and the man page (installer/manpage) read.
    static QList<QCommandLineOption> commandLineOptions();
    //! Strict non-negative integer in [min, max]: digits only.
    static std::optional<int> parseNumber(const QString &text, int min, int max);
    //! HOST:PORT, [IPv6]:PORT; the host must not be empty.
    static bool parseListen(const QString &text, QString *host, int *port);
};
