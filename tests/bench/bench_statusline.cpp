// Statusline benchmark: Claude Code runs its statusLine command on every
// prompt, with the session's JSON on stdin. On the ~1 GB generated home:
//   - `tokentally statusline` warm (store built), p50/p99 over N calls, and the
//     first call after a line is appended to the session's transcript (which
//     that call must show);
//   - `ccusage statusline --no-cache` (what every uncached answer costs) and
//     `ccusage statusline` answered from its cache (which can be up to its
//     refresh interval stale; here 1 hour so that every call is a hit),
// in the same run. Usage: bench_statusline [--bytes N] [--dir DIR] [--calls N]

#include "benchprocess.h"
#include "testhelpers.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTextStream>

using namespace Qt::StringLiterals;
using BenchProcess::Result;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    BenchProcess::Setup setup;
    if (!BenchProcess::prepare(app.arguments(), u"--calls"_s, 50, out, &setup))
        return 1;
    const int calls = std::max(2, setup.count);
    const QString dir = setup.dir;
    const QString gen = setup.generated;
    const QString home = setup.home;
    const QString bin = QStringLiteral(TOKENTALLY_APP_BINARY);
    // The biggest main session: the one a user is most likely to be in.
    QString transcript;
    qint64 biggest = 0;
    for (QDirIterator it(home + u"/.claude/projects"_s, {u"*.jsonl"_s}, QDir::Files,
                         QDirIterator::Subdirectories);
         it.hasNext();) {
        const QString f = it.next();
        if (!f.contains(u"/subagents/"_s) && QFileInfo(f).size() > biggest) {
            biggest = QFileInfo(f).size();
            transcript = f;
        }
    }
    const QString session = QFileInfo(transcript).completeBaseName();
    const QByteArray input =
        QJsonDocument(
            QJsonObject {
                {u"hook_event_name"_s, u"Status"_s},
                {u"session_id"_s, session},
                {u"transcript_path"_s, transcript},
                {u"cwd"_s, u"/home/tester/src/app"_s},
                {u"model"_s,
                 QJsonObject {{u"id"_s, u"claude-sonnet-4-5-20250929"_s},
                              {u"display_name"_s, u"Sonnet 4.5"_s}}},
                {u"workspace"_s,
                 QJsonObject {{u"current_dir"_s, u"/home/tester/src/app"_s},
                              {u"project_dir"_s, u"/home/tester/src/app"_s}}},
                {u"version"_s, u"2.0.31"_s},
                {u"cost"_s, QJsonObject {{u"total_cost_usd"_s, 1.5}}},
                {u"rate_limits"_s,
                 QJsonObject {
                     {u"five_hour"_s,
                      QJsonObject {{u"used_percentage"_s, 42}, {u"resets_at"_s, 1893456000}}},
                     {u"seven_day"_s,
                      QJsonObject {{u"used_percentage"_s, 13}, {u"resets_at"_s, 1893456000}}}}}})
            .toJson(QJsonDocument::Compact);
    QTemporaryDir runtime(dir + u"/runtime-XXXXXX"_s);
    // "Now" ten minutes after the session's last line, as during a real session,
    // so that the session, today and the 5-hour block all have data.
    QDateTime last;
    for (const QByteArray &line : TestHelpers::readFile(transcript).split('\n')) {
        const QDateTime t = QDateTime::fromString(
            QString::fromUtf8(
                QJsonDocument::fromJson(line).object().value(u"timestamp"_s).toString().toUtf8()),
            Qt::ISODateWithMs);
        if (t.isValid() && (!last.isValid() || t > last))
            last = t;
    }
    const QDateTime now = last.addSecs(600);
    const QStringList env = {u"XDG_RUNTIME_DIR="_s + runtime.path(),
                             u"TOKENTALLY_NOW="_s + now.toUTC().toString(Qt::ISODateWithMs)};
    const QString db = dir + u"/bench-statusline.db"_s;
    for (const QString &s : {u""_s, u"-wal"_s, u"-shm"_s})
        QFile::remove(db + s);
    out << "home: " << gen << "; session " << session << " (" << biggest / 1024
        << " KB transcript); " << calls << " calls each" << Qt::endl;
    BenchProcess::run({bin, u"scan"_s, u"--db"_s, db}, home, {}, false, env);
    const QStringList statusline = {bin, u"statusline"_s, u"--db"_s, db};
    const Result sample = BenchProcess::run(statusline, home, input, true, env);
    out << "tokentally says: " << sample.out;

    std::vector<Result> warm, appended, ccNoCache, ccCached;
    for (int i = 0; i < calls; ++i)
        warm.push_back(BenchProcess::run(statusline, home, input, false, env));
    for (int i = 0; i < std::min(calls, 20); ++i) {
        QFile f(transcript);
        f.open(QIODevice::Append);
        f.write(
            QStringLiteral(
                R"({"type":"assistant","sessionId":"%1","timestamp":"%3","requestId":"req_sl_%2","message":{"id":"msg_sl_%2","model":"claude-sonnet-4-5-20250929","usage":{"input_tokens":10,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":10}}})"
                "\n")
                .arg(session)
                .arg(QDateTime::currentMSecsSinceEpoch() * 100 + i)
                .arg(now.addSecs(-60).toUTC().toString(Qt::ISODateWithMs))
                .toUtf8());
        f.close();
        appended.push_back(BenchProcess::run(statusline, home, input, false, env));
    }
    auto print = [&](const char *name, const std::vector<Result> &r) {
        const BenchProcess::Stats s = BenchProcess::stats(r);
        out << QString::fromLatin1(name).leftJustified(44) << "p50 "
            << QString::number(s.p50 * 1000, 'f', 1) << " ms  p99 "
            << QString::number(s.p99 * 1000, 'f', 1) << " ms  CPU p50 "
            << QString::number(s.cpuP50 * 1000, 'f', 1) << " ms  peak RSS "
            << QString::number(s.peakRssMiB, 'f', 1) << " MiB" << (s.failed ? "  (FAILED)" : "")
            << Qt::endl;
    };
    print("tokentally statusline (warm)", warm);
    print("tokentally statusline (line just appended)", appended);

    const QString ccusage = BenchProcess::ccusage();
    if (ccusage.isEmpty()) {
        out << "ccusage not installed (run tests/peers/ccusage_compare.sh once to install it)"
            << Qt::endl;
        return 0;
    }
    out << "peer: " << ccusage << Qt::endl;
    const int peerCalls = std::min(calls, 10);
    for (int i = 0; i < peerCalls; ++i)
        ccNoCache.push_back(BenchProcess::run(
            {ccusage, u"statusline"_s, u"--offline"_s, u"--no-cache"_s}, home, input, false, env));
    const QStringList cached = {ccusage, u"statusline"_s, u"--offline"_s, u"--refresh-interval"_s,
                                u"3600"_s};
    BenchProcess::run(cached, home, input, false, env); // fills its cache
    for (int i = 0; i < calls; ++i)
        ccCached.push_back(BenchProcess::run(cached, home, input, false, env));
    const Result peerSample = BenchProcess::run(cached, home, input, true, env);
    out << "ccusage says: " << peerSample.out;
    print("ccusage statusline --no-cache", ccNoCache);
    print("ccusage statusline (cache hit, may be stale)", ccCached);
    return 0;
}
