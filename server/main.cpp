#include "apiserver.h"
#include "serverconfig.h"
#include "sqliteserverstore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QUrl>

#include <csignal>
#include <cstdio>
#include <pthread.h>
#include <thread>

using namespace Qt::StringLiterals;

namespace {

int fail(const QString &message)
{
    std::fprintf(stderr, "tokentally-server: %s\n", message.toLocal8Bit().constData());
    return 1;
}

QString defaultDatabase()
{
    QString base = qEnvironmentVariable("XDG_DATA_HOME");
    if (base.isEmpty())
        base = QDir::homePath() + u"/.local/share"_s;
    return base + u"/tokentally-server/server.db"_s;
}

int usersCommand(SqliteServerStore &store, const QStringList &args)
{
    const QString action = args.value(0);
    if (action == u"list") {
        static const char *const names[] = {"private", "unlisted", "public"};
        for (const UserRecord &u : store.users()) {
            std::printf("%s\t%s\t%s\t%s\n", u.name.toUtf8().constData(), names[int(u.visibility)],
                        u.hidden ? "hidden" : "visible", u.flagReason.toUtf8().constData());
        }
        return 0;
    }
    if ((action == u"hide" || action == u"unhide" || action == u"delete") && args.size() >= 2) {
        const auto user = store.userByName(args.at(1));
        if (!user)
            return fail(u"no such user: "_s + args.at(1));
        if (action == u"hide")
            store.setHidden(user->id, true,
                            args.size() > 2 ? args.mid(2).join(u' ') : u"hidden by admin"_s, true);
        else if (action == u"unhide")
            store.setHidden(user->id, false, u"cleared by admin"_s, true);
        else
            store.deleteUser(user->id);
        std::printf("%s: %s\n", action.toUtf8().constData(), user->name.toUtf8().constData());
        return 0;
    }
    return fail(u"usage: tokentally-server [--db PATH] users list|hide NAME [REASON]|unhide "
                "NAME|delete NAME"_s);
}

} // namespace

int main(int argc, char *argv[])
{
    // Block the stop signals in every thread; one thread waits for them and
    // stops the server, which then drains in-flight requests.
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGTERM);
    sigaddset(&stopSignals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);
    std::signal(SIGPIPE, SIG_IGN);

    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"tokentally-server"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(TOKENTALLY_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"TokenTally leaderboard server: signed ingest, boards, profiles and badges.\n"
        "Admin: tokentally-server [--db PATH] users list|hide NAME|unhide NAME|delete NAME"_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption listen(u"listen"_s, u"Address to serve on (port 0: any free port)."_s,
                                    u"HOST:PORT"_s, u"127.0.0.1:8787"_s);
    const QCommandLineOption db(u"db"_s, u"SQLite database file."_s, u"PATH"_s, defaultDatabase());
    const QCommandLineOption portFile(u"port-file"_s, u"Write the bound port to this file."_s,
                                      u"PATH"_s);
    const QCommandLineOption tlsCert(u"tls-cert"_s, u"TLS certificate (PEM)."_s, u"PATH"_s);
    const QCommandLineOption tlsKey(u"tls-key"_s, u"TLS private key (PEM)."_s, u"PATH"_s);
    const QCommandLineOption publicUrl(
        u"public-url"_s,
        u"URL the server is reached at: absolute links, and the only Host accepted."_s, u"URL"_s);
    const QCommandLineOption openRegistration(
        u"open-registration"_s, u"Allow anyone to register (default on)."_s, u"on|off"_s, u"on"_s);
    const QCommandLineOption threads(
        u"threads"_s, u"Request threads; each keep-alive connection holds one (default 32)."_s,
        u"N"_s, u"32"_s);
    const QCommandLineOption ipLimit(u"rate-limit-ip"_s,
                                     u"API requests per minute per IP (0: off, default 600)."_s,
                                     u"N"_s, u"600"_s);
    const QCommandLineOption tokenLimit(u"rate-limit-token"_s,
                                        u"Writes per minute per token (0: off, default 120)."_s,
                                        u"N"_s, u"120"_s);
    const QCommandLineOption registerLimit(u"register-limit"_s,
                                           u"Registrations per hour per IP (0: off, default 20)."_s,
                                           u"N"_s, u"20"_s);
    const QCommandLineOption authFailures(
        u"auth-failures"_s, u"Failed logins per IP before growing delays (default 5)."_s, u"N"_s,
        u"5"_s);
    const QCommandLineOption quiet(u"quiet"_s, u"No per-request log lines."_s);
    parser.addOptions({listen, db, portFile, tlsCert, tlsKey, publicUrl, openRegistration, threads,
                       ipLimit, tokenLimit, registerLimit, authFailures, quiet});
    parser.addPositionalArgument(u"command"_s, u"Optional admin command: users ..."_s,
                                 u"[users ...]"_s);
    parser.process(app);

    const QString dbPath = parser.value(db);
    QDir().mkpath(QFileInfo(dbPath).absolutePath());
    SqliteServerStore store(dbPath);
    if (!store.isOpen())
        return fail(u"cannot open "_s + dbPath + u": "_s + store.errorString());

    const QStringList positional = parser.positionalArguments();
    if (!positional.isEmpty()) {
        if (positional.first() == u"users")
            return usersCommand(store, positional.mid(1));
        return fail(u"unknown command: "_s + positional.first());
    }

    ServerConfig config;
    const QString address = parser.value(listen);
    const qsizetype colon = address.lastIndexOf(u':');
    bool ok = colon > 0;
    config.host = address.left(colon);
    config.port = address.mid(colon + 1).toInt(&ok);
    if (!ok || config.port < 0 || config.port > 65535)
        return fail(u"--listen needs HOST:PORT"_s);
    config.databasePath = dbPath;
    config.portFile = parser.value(portFile);
    config.tlsCert = parser.value(tlsCert);
    config.tlsKey = parser.value(tlsKey);
    if (config.tlsCert.isEmpty() != config.tlsKey.isEmpty())
        return fail(u"--tls-cert and --tls-key go together"_s);
    if (parser.isSet(publicUrl)) {
        const QUrl url(parser.value(publicUrl), QUrl::StrictMode);
        if (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https") ||
            url.host().isEmpty() || url.hasQuery() || url.hasFragment() ||
            !url.userInfo().isEmpty())
            return fail(u"--public-url needs http(s)://HOST[:PORT][/PATH]"_s);
        config.publicUrl = url.toString(QUrl::FullyEncoded);
        while (config.publicUrl.endsWith(u'/')) // paths are appended to it
            config.publicUrl.chop(1);
    }
    config.openRegistration = parser.value(openRegistration) != u"off";
    config.threads = std::max(2, parser.value(threads).toInt());
    config.ipRequestsPerMinute = parser.value(ipLimit).toInt();
    config.tokenWritesPerMinute = parser.value(tokenLimit).toInt();
    config.registrationsPerHour = parser.value(registerLimit).toInt();
    config.authFailuresBeforeDelay = std::max(1, parser.value(authFailures).toInt());
    config.quiet = parser.isSet(quiet);

    ApiServer server(config, store);
    const int port = server.bind();
    if (port < 0)
        return fail(u"cannot listen on "_s + address);
    if (!config.portFile.isEmpty()) {
        QFile file(config.portFile + u".tmp"_s);
        if (!file.open(QIODevice::WriteOnly) || file.write(QByteArray::number(port) + '\n') < 0)
            return fail(u"cannot write "_s + config.portFile);
        file.close();
        QFile::remove(config.portFile);
        file.rename(config.portFile);
    }
    std::printf("listening on %s:%d\n", config.host.toUtf8().constData(), port);
    std::fflush(stdout);

    std::thread signalThread([&server, stopSignals] {
        int signal = 0;
        sigwait(&stopSignals, &signal);
        std::fprintf(stderr, "tokentally-server: signal %d, draining\n", signal);
        server.stop();
    });
    const bool served = server.listen();
    // listen() returned on its own (error): wake the signal thread so it can end.
    pthread_kill(signalThread.native_handle(), SIGTERM);
    signalThread.join();
    std::fprintf(stderr, "tokentally-server: stopped\n");
    return served ? 0 : 1;
}
