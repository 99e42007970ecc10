// Engine benchmark: a ~1 GB generated home, each step as the real `tokentally`
// process, next to ccusage (when tests/peers has installed it) in the same run:
//   1. cold full scan into an empty store (wall, MB/s, peak RSS), alternating with
//      `ccusage daily`,
//   2. warm `report daily` with nothing changed: walking every file, and asking a
//      running `scan --watch`,
//   3. one appended line, then `scan`, and `report` through `scan --watch`.
// Usage: bench_engine [--bytes N] [--dir DIR] [--runs N]

#include "benchprocess.h"
#include "testhelpers.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTextStream>

using namespace Qt::StringLiterals;
using BenchProcess::Result;

namespace {

qint64 treeBytes(const QString &dir)
{
    qint64 n = 0;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        n += QFileInfo(it.next()).size();
    return n;
}

QByteArray claudeLine(int i)
{
    return QStringLiteral(
               R"({"type":"assistant","sessionId":"bench","timestamp":"2026-10-10T10:00:00.000Z","requestId":"req_bench_%1","message":{"id":"msg_bench_%1","model":"claude-sonnet-4-5-20250929","usage":{"input_tokens":1,"cache_creation_input_tokens":2,"cache_read_input_tokens":3,"output_tokens":4}}})"
               "\n")
        .arg(i)
        .toUtf8();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    BenchProcess::Setup setup;
    if (!BenchProcess::prepare(app.arguments(), u"--runs"_s, 3, out, &setup))
        return 1;
    const int runs = setup.count;
    const QString dir = setup.dir;
    const QString home = setup.home;
    const QString bin = QStringLiteral(TOKENTALLY_APP_BINARY);
    const double mb = double(treeBytes(home)) / 1e6;
    out << "home: " << QString::number(mb, 'f', 1) << " MB; " << runs
        << " runs of each step (20 of the warm ones); best, median" << Qt::endl;
    // Warm the page cache so that every run reads from memory, as the targets assume.
    BenchProcess::run({u"/bin/sh"_s, u"-c"_s, u"find . -type f -exec cat {} + > /dev/null"_s},
                      home);
    // The service's socket lives here, private to this run.
    QTemporaryDir runtime(dir + u"/runtime-XXXXXX"_s);
    const QStringList env = {u"XDG_RUNTIME_DIR="_s + runtime.path()};

    const QString db = dir + u"/bench.db"_s;
    auto fresh = [&] {
        for (const QString &s : {u""_s, u"-wal"_s, u"-shm"_s})
            QFile::remove(db + s);
    };
    std::vector<Result> cold, walk, served, append, appendServed;
    const QString target = [&] {
        QDirIterator it(home + u"/.claude/projects"_s, {u"*.jsonl"_s}, QDir::Files,
                        QDirIterator::Subdirectories);
        return it.next();
    }();
    int line = 0;
    // ccusage runs alternate with the cold scans, so that the machine's drift
    // (this VM's speed moves by a third within an hour) hits both alike.
    const QString ccusage = BenchProcess::ccusage();
    std::vector<Result> peer;
    for (int i = 0; i < runs; ++i) {
        fresh();
        cold.push_back(BenchProcess::run({bin, u"scan"_s, u"--db"_s, db}, home, {}, false, env));
        if (!ccusage.isEmpty())
            peer.push_back(BenchProcess::run({ccusage, u"daily"_s, u"--offline"_s, u"--json"_s},
                                             home, {}, false, env));
        QFile f(target);
        f.open(QIODevice::Append);
        f.write(claudeLine(line++));
        f.close();
        append.push_back(BenchProcess::run({bin, u"scan"_s, u"--db"_s, db}, home, {}, false, env));
    }
    for (int i = 0; i < 20; ++i)
        walk.push_back(
            BenchProcess::run({bin, u"report"_s, u"daily"_s, u"--db"_s, db}, home, {}, false, env));
    BenchProcess::Background service;
    const QString serviceLog = runtime.filePath(u"service.log"_s);
    if (!service.start({bin, u"scan"_s, u"--watch"_s, u"--db"_s, db}, home, serviceLog, "Watching ",
                       env)) {
        out << "scan --watch did not start: " << TestHelpers::readFile(serviceLog) << Qt::endl;
        return 1;
    }
    for (int i = 0; i < 20; ++i)
        served.push_back(
            BenchProcess::run({bin, u"report"_s, u"daily"_s, u"--db"_s, db}, home, {}, false, env));
    for (int i = 0; i < runs; ++i) {
        QFile f(target);
        f.open(QIODevice::Append);
        f.write(claudeLine(line++));
        f.close();
        appendServed.push_back(
            BenchProcess::run({bin, u"report"_s, u"daily"_s, u"--db"_s, db}, home, {}, false, env));
    }
    service.stop();

    auto print = [&](const char *name, const std::vector<Result> &r, bool rate) {
        const BenchProcess::Stats s = BenchProcess::stats(r);
        out << QString::fromLatin1(name).leftJustified(40) << QString::number(s.best, 'f', 4)
            << " s  (median " << QString::number(s.p50, 'f', 4) << " s, CPU "
            << QString::number(s.cpuP50, 'f', 4) << " s)";
        if (rate)
            out << "  " << QString::number(mb / s.best, 'f', 0) << " MB/s";
        out << "  peak RSS " << QString::number(s.peakRssMiB, 'f', 1) << " MiB"
            << (s.failed ? "  (FAILED)" : "") << Qt::endl;
        return s;
    };
    const auto c = print("cold full scan", cold, true);
    print("warm report daily (walks every file)", walk, false);
    print("warm report daily (scan --watch runs)", served, false);
    print("append 1 line + scan", append, false);
    print("append 1 line + report (scan --watch)", appendServed, false);

    if (!ccusage.isEmpty()) {
        out << "peer: " << ccusage << Qt::endl;
        const auto p = print("ccusage daily --offline --json", peer, true);
        out << "ratio ccusage/tokentally (cold scan, runs alternating): best of each "
            << QString::number(p.best / c.best, 'f', 2) << "x, medians "
            << QString::number(p.p50 / c.p50, 'f', 2) << "x" << Qt::endl;
    } else {
        out << "ccusage not installed (run tests/peers/ccusage_compare.sh once to install it)"
            << Qt::endl;
    }
    return 0;
}
