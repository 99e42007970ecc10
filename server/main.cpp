#include "admincommands.h"
#include "http/apiserver.h"
#include "http/memorytrimmer.h"
#include "serveroptions.h"
#include "store/migration.h"
#include "store/storefactory.h"

#include <QCoreApplication>
#include <QFile>

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

bool writePortFile(const QString &path, int port)
{
    QFile file(path + u".tmp"_s);
    if (!file.open(QIODevice::WriteOnly) || file.write(QByteArray::number(port) + '\n') < 0)
        return false;
    file.close();
    QFile::remove(path);
    return file.rename(path);
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

    QString error;
    const auto options = ServerOptions::parse(QCoreApplication::arguments(), &error);
    if (!options)
        return error.isEmpty() ? 0 : fail(error);
    const ServerConfig &config = options->config;
    if (options->command == ServerOptions::Command::Migrate)
        return Migration::run(options->migrateFrom, options->migrateTo.toStdString());

    const auto role = options->command == ServerOptions::Command::Serve ? StoreFactory::Role::Server
                                                                        : StoreFactory::Role::Admin;
    const auto store = StoreFactory::open(config, role, &error);
    if (!store)
        return fail(error);
    if (options->command == ServerOptions::Command::Users)
        return AdminCommands::users(*store, options->commandArgs);

    ApiServer server(config, *store);
    const int port = server.bind();
    if (port < 0)
        return fail(u"cannot listen on "_s + config.host + u':' + QString::number(config.port));
    if (!config.portFile.isEmpty() && !writePortFile(config.portFile, port))
        return fail(u"cannot write "_s + config.portFile);
    std::printf("listening on %s:%d (%s)\n", config.host.toUtf8().constData(), port,
                store->backendName().toUtf8().constData());
    std::fflush(stdout);

    const MemoryTrimmer trimmer;
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
