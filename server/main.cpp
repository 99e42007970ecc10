#include "apiserver.h"
#include "serverconfig.h"
#include "serveroptions.h"
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
    parser.setApplicationDescription(ServerOptions::description());
    parser.addHelpOption();
    parser.addVersionOption();
    const ServerOptions o;
    parser.addOptions(o.all());
    parser.addPositionalArgument(u"command"_s, u"Optional admin command: users ..."_s,
                                 u"[users ...]"_s);
    parser.process(app);

    const QString dbPath = parser.value(o.db);
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
    const QString address = parser.value(o.listen);
    const qsizetype colon = address.lastIndexOf(u':');
    bool ok = colon > 0;
    config.host = address.left(colon);
    config.port = address.mid(colon + 1).toInt(&ok);
    if (!ok || config.port < 0 || config.port > 65535)
        return fail(u"--listen needs HOST:PORT"_s);
    config.databasePath = dbPath;
    config.portFile = parser.value(o.portFile);
    config.tlsCert = parser.value(o.tlsCert);
    config.tlsKey = parser.value(o.tlsKey);
    if (config.tlsCert.isEmpty() != config.tlsKey.isEmpty())
        return fail(u"--tls-cert and --tls-key go together"_s);
    if (parser.isSet(o.publicUrl)) {
        const QUrl url(parser.value(o.publicUrl), QUrl::StrictMode);
        if (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https") ||
            url.host().isEmpty() || url.hasQuery() || url.hasFragment() ||
            !url.userInfo().isEmpty())
            return fail(u"--public-url needs http(s)://HOST[:PORT][/PATH]"_s);
        config.publicUrl = url.toString(QUrl::FullyEncoded);
        while (config.publicUrl.endsWith(u'/')) // paths are appended to it
            config.publicUrl.chop(1);
    }
    config.openRegistration = parser.value(o.openRegistration) != u"off";
    config.threads = std::max(2, parser.value(o.threads).toInt());
    config.ipRequestsPerMinute = parser.value(o.ipLimit).toInt();
    config.tokenWritesPerMinute = parser.value(o.tokenLimit).toInt();
    config.registrationsPerHour = parser.value(o.registerLimit).toInt();
    config.authFailuresBeforeDelay = std::max(1, parser.value(o.authFailures).toInt());
    config.quiet = parser.isSet(o.quiet);

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
