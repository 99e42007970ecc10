#pragma once

#include <QCommandLineOption>
#include <QList>
#include <QString>

//! \brief tokentally-server's command-line options: the one table that the
//! parser, `--help` and the man page (installer/manpage) read.
struct ServerOptions
{
    ServerOptions();

    //! Every option, in the order `--help` lists them.
    QList<QCommandLineOption> all() const;
    //! The text `--help` prints above the options.
    static QString description();
    //! `$XDG_DATA_HOME/tokentally-server/server.db` (`~/.local/share/...`).
    static QString defaultDatabase();

    QCommandLineOption listen;
    QCommandLineOption db;
    QCommandLineOption portFile;
    QCommandLineOption tlsCert;
    QCommandLineOption tlsKey;
    QCommandLineOption publicUrl;
    QCommandLineOption openRegistration;
    QCommandLineOption threads;
    QCommandLineOption ipLimit;
    QCommandLineOption tokenLimit;
    QCommandLineOption registerLimit;
    QCommandLineOption authFailures;
    QCommandLineOption quiet;
};
