#include "benchprocess.h"

#include "testhelpers.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QThread>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdlib>

#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

namespace BenchProcess {

namespace {

std::vector<QByteArray> environment(const QString &home, const QStringList &extra)
{
    std::vector<QByteArray> env;
    for (char **e = environ; *e; ++e) {
        const QByteArray kv(*e);
        if (!kv.startsWith("HOME=") && !kv.startsWith("CLAUDE_CONFIG_DIR=") &&
            !kv.startsWith("CODEX_HOME=") && !kv.startsWith("XDG_DATA_HOME=") &&
            !kv.startsWith("XDG_CONFIG_HOME="))
            env.push_back(kv);
    }
    env.push_back("HOME=" + home.toLocal8Bit());
    for (const QString &kv : extra)
        env.push_back(kv.toLocal8Bit());
    return env;
}

std::vector<char *> pointers(std::vector<QByteArray> &storage)
{
    std::vector<char *> p;
    for (QByteArray &s : storage)
        p.push_back(s.data());
    p.push_back(nullptr);
    return p;
}

} // namespace

Result run(const QStringList &argv, const QString &home, const QByteArray &stdinData,
           bool keepOutput, const QStringList &extraEnv)
{
    std::vector<QByteArray> args;
    for (const QString &a : argv)
        args.push_back(a.toLocal8Bit());
    std::vector<QByteArray> env = environment(home, extraEnv);
    std::vector<char *> argp = pointers(args), envp = pointers(env);
    int in[2] = {-1, -1}, out[2] = {-1, -1};
    if (::pipe2(in, O_CLOEXEC) != 0 || ::pipe2(out, O_CLOEXEC) != 0)
        return {};
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, in[0], 0);
    if (keepOutput)
        posix_spawn_file_actions_adddup2(&fa, out[1], 1);
    else
        posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
    Result r;
    const auto start = std::chrono::steady_clock::now();
    pid_t pid;
    const bool spawned = posix_spawn(&pid, argp[0], &fa, nullptr, argp.data(), envp.data()) == 0;
    posix_spawn_file_actions_destroy(&fa);
    ::close(in[0]);
    ::close(out[1]);
    if (spawned && !stdinData.isEmpty())
        (void)!::write(in[1], stdinData.constData(), size_t(stdinData.size()));
    ::close(in[1]);
    if (spawned && keepOutput) {
        char buf[4096];
        for (ssize_t n; (n = ::read(out[0], buf, sizeof(buf))) > 0;)
            r.out.append(buf, n);
    }
    ::close(out[0]);
    if (!spawned)
        return r;
    int status = 0;
    struct rusage ru
    {
    };
    wait4(pid, &status, 0, &ru);
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    r.peakRssMiB = double(ru.ru_maxrss) / 1024.0;
    r.cpuSeconds = double(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
        double(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
    r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

bool Background::start(const QStringList &argv, const QString &home, const QString &readyFile,
                       const QByteArray &readyText, const QStringList &extraEnv)
{
    std::vector<QByteArray> args;
    for (const QString &a : argv)
        args.push_back(a.toLocal8Bit());
    std::vector<QByteArray> env = environment(home, extraEnv);
    std::vector<char *> argp = pointers(args), envp = pointers(env);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    const QByteArray log = readyFile.toLocal8Bit();
    posix_spawn_file_actions_addopen(&fa, 2, log.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    pid_t p;
    const bool ok = posix_spawn(&p, argp[0], &fa, nullptr, argp.data(), envp.data()) == 0;
    posix_spawn_file_actions_destroy(&fa);
    if (!ok)
        return false;
    pid = p;
    for (int i = 0; i < 1200; ++i) {
        QFile f(readyFile);
        if (f.open(QIODevice::ReadOnly) && f.readAll().contains(readyText))
            return true;
        QThread::msleep(100);
    }
    return false;
}

int Background::stop()
{
    if (pid <= 0)
        return -1;
    ::kill(pid, SIGTERM);
    int status = 0;
    ::waitpid(pid, &status, 0);
    pid = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

bool prepare(const QStringList &args, const QString &countOption, int count, QTextStream &out,
             Setup *setup)
{
    Setup &s = *setup;
    s.dir = QDir::tempPath() + QStringLiteral("/tokentally-bench");
    s.count = count;
    for (qsizetype i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == QLatin1String("--bytes"))
            s.bytes = args[i + 1].toLongLong();
        else if (args[i] == QLatin1String("--dir"))
            s.dir = args[i + 1];
        else if (args[i] == countOption)
            s.count = std::max(1, args[i + 1].toInt());
    }
    s.generated = s.dir + QStringLiteral("/gen-") + QString::number(s.bytes);
    s.home = s.generated + QStringLiteral("/home");
    if (QFile::exists(s.generated + QStringLiteral("/expected.json")))
        return true;
    out << "generating " << s.bytes << " bytes into " << s.generated << " ..." << Qt::endl;
    QDir(s.generated).removeRecursively();
    QString error;
    if (TestHelpers::generateHome(
            s.generated, {QStringLiteral("--target-bytes"), QString::number(s.bytes)}, &error))
        return true;
    out << "generator failed: " << error << Qt::endl;
    return false;
}

QString ccusage()
{
    const QString peers = QStringLiteral(TOKENTALLY_SOURCE_DIR "/tests/peers/node_modules");
    const QStringList candidates = {
        QString(peers + QStringLiteral("/@ccusage/ccusage-linux-x64/bin/ccusage")),
        QString(peers + QStringLiteral("/.bin/ccusage"))};
    // npm may leave the native binary without its execute bit: then the launcher.
    for (const QString &p : candidates) {
        if (QFileInfo(p).isExecutable())
            return p;
    }
    return {};
}

Stats stats(const std::vector<Result> &runs)
{
    Stats s;
    if (runs.empty())
        return s;
    std::vector<double> t, cpu;
    for (const Result &r : runs) {
        t.push_back(r.seconds);
        cpu.push_back(r.cpuSeconds);
        s.peakRssMiB = std::max(s.peakRssMiB, r.peakRssMiB);
        s.failed = s.failed || r.exitCode != 0;
    }
    std::sort(t.begin(), t.end());
    s.best = t.front();
    s.p50 = t[t.size() / 2];
    s.p99 = t[std::min(t.size() - 1, size_t(double(t.size()) * 0.99))];
    std::sort(cpu.begin(), cpu.end());
    s.cpuP50 = cpu[cpu.size() / 2];
    return s;
}

} // namespace BenchProcess
