// Engine benchmark (issue 2): a ~1 GB generated home, then
//   1. cold full scan into an empty store,
//   2. warm `report daily` with nothing changed,
//   3. one appended line plus rescan,
// each as the real `tokentally` process, printing wall seconds, MB/s and peak
// RSS; then the same home through ccusage (when tests/peers has it installed)
// for a ratio. Usage: bench_engine [--bytes N] [--dir DIR] [--runs N]

#include "testhelpers.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QTextStream>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <vector>

extern char **environ;

using namespace Qt::StringLiterals;

namespace {

struct RunResult
{
    double seconds = 0;
    double peakRssMiB = 0;
    int exitCode = -1;
};

RunResult runProcess(const QStringList &argv, const QString &home, bool quiet = true)
{
    std::vector<QByteArray> storage;
    for (const QString &a : argv)
        storage.push_back(a.toLocal8Bit());
    std::vector<char *> args;
    for (auto &s : storage)
        args.push_back(s.data());
    args.push_back(nullptr);
    std::vector<QByteArray> envStorage;
    for (char **e = environ; *e; ++e) {
        const QByteArray kv(*e);
        if (!kv.startsWith("HOME=") && !kv.startsWith("CLAUDE_CONFIG_DIR=") &&
            !kv.startsWith("CODEX_HOME=") && !kv.startsWith("XDG_"))
            envStorage.push_back(kv);
    }
    envStorage.push_back("HOME=" + home.toLocal8Bit());
    std::vector<char *> env;
    for (auto &s : envStorage)
        env.push_back(s.data());
    env.push_back(nullptr);

    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    if (quiet)
        posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
    const auto start = std::chrono::steady_clock::now();
    pid_t pid;
    RunResult r;
    if (posix_spawn(&pid, args[0], &fa, nullptr, args.data(), env.data()) != 0) {
        posix_spawn_file_actions_destroy(&fa);
        return r;
    }
    int status = 0;
    struct rusage ru
    {
    };
    wait4(pid, &status, 0, &ru);
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    r.peakRssMiB = double(ru.ru_maxrss) / 1024.0;
    r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    posix_spawn_file_actions_destroy(&fa);
    return r;
}

qint64 treeBytes(const QString &dir)
{
    qint64 n = 0;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        n += QFileInfo(it.next()).size();
    return n;
}

RunResult best(const std::vector<RunResult> &runs)
{
    return *std::min_element(runs.begin(), runs.end(), [](const RunResult &a, const RunResult &b) {
        return a.seconds < b.seconds;
    });
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const QStringList args = app.arguments();
    qint64 bytes = 1000000000;
    QString dir = QDir::tempPath() + u"/tokentally-bench"_s;
    int runs = 3;
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == u"--bytes")
            bytes = args[i + 1].toLongLong();
        else if (args[i] == u"--dir")
            dir = args[i + 1];
        else if (args[i] == u"--runs")
            runs = args[i + 1].toInt();
    }
    const QString bin = QStringLiteral(TOKENTALLY_APP_BINARY);
    const QString gen = dir + u"/gen-"_s + QString::number(bytes);
    const QString home = gen + u"/home"_s;
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
    const qint64 size = treeBytes(home);
    const double mb = double(size) / 1e6;
    out << "home: " << QString::number(mb, 'f', 1) << " MB; " << runs << " runs each, best shown"
        << Qt::endl;
    // Warm the page cache so that every run reads from memory, as the targets assume.
    runProcess({u"/bin/sh"_s, u"-c"_s, u"cat $(find "_s + home + u" -type f) > /dev/null"_s}, home);

    std::vector<RunResult> cold, warm, append;
    for (int i = 0; i < runs; ++i) {
        const QString db = dir + u"/bench.db"_s;
        for (const QString &s : {u""_s, u"-wal"_s, u"-shm"_s})
            QFile::remove(db + s);
        cold.push_back(runProcess({bin, u"scan"_s, u"--db"_s, db}, home));
        warm.push_back(runProcess({bin, u"report"_s, u"daily"_s, u"--db"_s, db}, home));
        // One more usage line in some Claude file.
        QDirIterator it(home + u"/.claude/projects"_s, {u"*.jsonl"_s}, QDir::Files,
                        QDirIterator::Subdirectories);
        const QString target = it.next();
        QFile f(target);
        f.open(QIODevice::Append);
        f.write(
            QStringLiteral(
                R"({"type":"assistant","sessionId":"bench","timestamp":"2026-10-10T10:00:00.000Z","requestId":"req_bench_%1","message":{"id":"msg_bench_%1","model":"claude-sonnet-4-5-20250929","usage":{"input_tokens":1,"cache_creation_input_tokens":2,"cache_read_input_tokens":3,"output_tokens":4}}})"
                "\n")
                .arg(i)
                .toUtf8());
        f.close();
        append.push_back(runProcess({bin, u"scan"_s, u"--db"_s, db}, home));
    }
    const RunResult c = best(cold), w = best(warm), a = best(append);
    auto line = [&](const char *name, const RunResult &r, bool rate) {
        out << QString::fromLatin1(name).leftJustified(28) << QString::number(r.seconds, 'f', 4)
            << " s";
        if (rate)
            out << "  " << QString::number(mb / r.seconds, 'f', 0) << " MB/s";
        out << "  peak RSS " << QString::number(r.peakRssMiB, 'f', 1) << " MiB"
            << (r.exitCode != 0 ? "  (FAILED)" : "") << Qt::endl;
    };
    line("cold full scan", c, true);
    line("warm report (no change)", w, false);
    line("append 1 line + rescan", a, false);

    const QString ccusage = TestHelpers::sourceDir() + u"/tests/peers/node_modules/.bin/ccusage"_s;
    if (QFile::exists(ccusage)) {
        std::vector<RunResult> peer;
        for (int i = 0; i < runs; ++i)
            peer.push_back(runProcess({ccusage, u"daily"_s, u"--offline"_s, u"--json"_s}, home));
        const RunResult p = best(peer);
        line("ccusage daily --offline", p, true);
        out << "ratio ccusage/tokentally (cold scan): "
            << QString::number(p.seconds / c.seconds, 'f', 2) << "x" << Qt::endl;
    } else {
        out << "ccusage not installed (run tests/peers/ccusage_compare.sh once to install it)"
            << Qt::endl;
    }
    return 0;
}
