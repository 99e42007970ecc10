// Sync benchmark (issue 7): on the ~1 GB generated home, scanned into a store,
//   1. first backfill: every body built, signed and sent to a real
//      tokentally-server on loopback (wall seconds, CPU, bodies, bytes);
//   2. a no-change auto-submit cycle as the app runs it, in process: requests
//      made and CPU milliseconds (median of N);
//   3. bytes sent per active day.
// The keyring is a private gnome-keyring (TestKeyring), the server a temp DB.
// Usage: bench_sync [--bytes N] [--dir DIR] [--cycles N]

#include "ledger/scanner.h"
#include "store/localstore.h"
#include "sync/keychainsecretstore.h"
#include "sync/networktransport.h"
#include "sync/syncclient.h"
#include "testhelpers.h"
#include "testkeyring.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

#include <algorithm>
#include <sys/resource.h>

using namespace Qt::StringLiterals;

namespace {

double cpuMs()
{
    struct rusage ru
    {
    };
    getrusage(RUSAGE_SELF, &ru);
    return (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3 +
        (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3;
}

SubmitResult submit(SyncClient &client)
{
    SubmitResult result;
    QEventLoop loop;
    bool done = false;
    client.submit(false, [&](const SubmitResult &r) {
        result = r;
        done = true;
        loop.quit();
    });
    if (!done)
        loop.exec();
    return result;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const QStringList args = app.arguments();
    qint64 bytes = 1000000000;
    QString dir = QDir::tempPath() + u"/tokentally-bench"_s;
    int cycles = 20;
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == u"--bytes")
            bytes = args[i + 1].toLongLong();
        else if (args[i] == u"--dir")
            dir = args[i + 1];
        else if (args[i] == u"--cycles")
            cycles = args[i + 1].toInt();
    }
    const QString gen = dir + u"/gen-"_s + QString::number(bytes);
    if (!QFile::exists(gen + u"/expected.json"_s)) {
        out << "generating " << bytes << " bytes into " << gen << " ..." << Qt::endl;
        QDir(gen).removeRecursively();
        QString error;
        if (!TestHelpers::generateHome(gen, {u"--target-bytes"_s, QString::number(bytes)},
                                       &error)) {
            out << "generator failed: " << error << Qt::endl;
            return 1;
        }
    }
    QTemporaryDir work;
    TestKeyring keyring;
    QString error;
    if (!keyring.start(true, &error)) {
        out << "keyring: " << error << Qt::endl;
        return 1;
    }
    qputenv("DBUS_SESSION_BUS_ADDRESS", keyring.busAddress().toUtf8());

    // The store, scanned once (not measured here: bench_engine does that).
    LocalStore store;
    if (!store.open(work.filePath(u"usage.db"_s), &error)) {
        out << error << Qt::endl;
        return 1;
    }
    SourceEnvironment env;
    env.home = gen + u"/home"_s;
    ScanStats stats;
    if (!Scanner(store).scan(env, &stats, &error)) {
        out << "scan: " << error << Qt::endl;
        return 1;
    }
    out << "store: " << stats.records << " records from " << stats.filesSeen << " files"
        << Qt::endl;

    QProcess server;
    server.start(QStringLiteral(TOKENTALLY_SERVER_BINARY),
                 {u"--listen"_s, u"127.0.0.1:0"_s, u"--db"_s, work.filePath(u"server.db"_s),
                  u"--port-file"_s, work.filePath(u"port"_s), u"--quiet"_s});
    int port = 0;
    for (int i = 0; i < 500 && port <= 0; ++i) {
        QThread::msleep(20);
        QFile f(work.filePath(u"port"_s));
        if (f.open(QIODevice::ReadOnly))
            port = f.readAll().trimmed().toInt();
    }
    if (port <= 0) {
        out << "server did not start" << Qt::endl;
        return 1;
    }

    NetworkTransport transport;
    KeychainSecretStore secrets;
    SyncClient client(store, transport, secrets);
    AccountResult login;
    {
        QEventLoop loop;
        LoginRequest request;
        request.server = u"http://127.0.0.1:%1"_s.arg(port);
        request.username = u"bench"_s;
        client.account().login(request, [&](const AccountResult &r) {
            login = r;
            loop.quit();
        });
        loop.exec();
    }
    if (!login.ok) {
        out << "login: " << login.error << Qt::endl;
        return 1;
    }

    QElapsedTimer wall;
    wall.start();
    double cpu0 = cpuMs();
    const SubmitResult first = submit(client);
    const double firstWall = wall.nsecsElapsed() / 1e9;
    const double firstCpu = cpuMs() - cpu0;
    qint64 bodyBytes = 0;
    for (const OutboxEntry &e : SyncStore(store).outbox())
        bodyBytes += e.body.size();
    out << "first backfill: " << SubmitResult::outcomeName(first.outcome) << ", "
        << first.bodiesSent << " bodies, " << first.bucketsSent << " buckets, " << first.daysSent
        << " days, " << bodyBytes << " bytes, " << first.requests << " requests in "
        << QString::number(firstWall, 'f', 3) << " s wall (client CPU "
        << QString::number(firstCpu, 'f', 0) << " ms)" << Qt::endl;
    if (first.daysSent > 0)
        out << "bytes per active day: " << bodyBytes / first.daysSent << Qt::endl;

    std::vector<double> cpu, walls;
    int requests = 0;
    for (int i = 0; i < cycles; ++i) {
        wall.restart();
        cpu0 = cpuMs();
        const SubmitResult r = submit(client);
        cpu.push_back(cpuMs() - cpu0);
        walls.push_back(wall.nsecsElapsed() / 1e6);
        requests = std::max(requests, r.requests);
        if (r.outcome != SubmitResult::Outcome::NothingToSend)
            out << "cycle " << i << ": " << SubmitResult::outcomeName(r.outcome) << Qt::endl;
    }
    std::sort(cpu.begin(), cpu.end());
    std::sort(walls.begin(), walls.end());
    out << "no-change cycle: " << requests << " request(s), CPU p50 "
        << QString::number(cpu[cpu.size() / 2], 'f', 1) << " ms, max "
        << QString::number(cpu.back(), 'f', 1) << " ms; wall p50 "
        << QString::number(walls[walls.size() / 2], 'f', 1) << " ms (" << cycles << " cycles)"
        << Qt::endl;
    server.terminate();
    server.waitForFinished(5000);
    return 0;
}
