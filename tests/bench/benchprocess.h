#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QTextStream>

#include <vector>

// Runs programs for the engine benchmarks the way a shell does: a fresh process
// per run, HOME set to the generated home, the agents' own variables removed,
// output discarded; wall time from spawn to exit, peak RSS from wait4.
namespace BenchProcess {

struct Result
{
    double seconds = 0;
    double cpuSeconds = 0; //!< user + system, children included
    double peakRssMiB = 0;
    int exitCode = -1;
    QByteArray out; //!< stdout, when asked for
};

Result run(const QStringList &argv, const QString &home, const QByteArray &stdinData = {},
           bool keepOutput = false, const QStringList &extraEnv = {});

//! A background process (a server), stopped with SIGTERM by stop().
struct Background
{
    int pid = -1;
    bool start(const QStringList &argv, const QString &home, const QString &readyFile,
               const QByteArray &readyText, const QStringList &extraEnv = {});
    int stop();
};

//! The options every engine benchmark takes (--bytes N, --dir DIR, and one
//! count such as --runs), and the generated home they name, made when missing.
struct Setup
{
    qint64 bytes = 1000000000;
    QString dir;
    int count = 0;
    QString generated; //!< DIR/gen-BYTES
    QString home; //!< DIR/gen-BYTES/home
};
//! Parses \a args; \a countOption ("--runs") sets Setup::count, \a count its
//! default. Generates the home when it is missing; false (and a message on
//! \a out) on failure.
bool prepare(const QStringList &args, const QString &countOption, int count, QTextStream &out,
             Setup *setup);

//! ccusage's native binary as tests/peers/ccusage_compare.sh installs it (its
//! npm wrapper starts Node first: 60-80 ms that are not ccusage's), or the
//! wrapper, or empty when it is not installed.
QString ccusage();

//! Best, median and 99th percentile of the wall times.
struct Stats
{
    double best = 0, p50 = 0, p99 = 0, peakRssMiB = 0;
    double cpuP50 = 0; //!< median CPU time: what the run costs whatever else runs
    bool failed = false;
};
Stats stats(const std::vector<Result> &runs);

} // namespace BenchProcess
