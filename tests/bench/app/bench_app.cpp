// Tray app benchmark: a generated home (1 GB by default) indexed by `tokentally scan`,
// then the real app under Xvfb with trayer: start to first painted dashboard with data,
// idle CPU over 60 s, RSS, and append-to-tray latency. Prints numbers; asserts nothing.
//
//   bench_app [--size-mb 1024] [--idle-seconds 60] [--work DIR]
#include "testhelpers.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalSocket>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace Qt::StringLiterals;

namespace {

QString g_id;

QJsonObject status()
{
    QLocalSocket s;
    s.connectToServer(g_id);
    if (!s.waitForConnected(1000))
        return {};
    s.write("status\n");
    s.waitForBytesWritten(1000);
    QByteArray reply;
    while (!reply.endsWith('\n') && s.waitForReadyRead(2000))
        reply += s.readAll();
    return QJsonDocument::fromJson(reply.trimmed()).object();
}

bool waitUntil(const std::function<bool()> &pred, int timeoutMs, int stepMs = 5)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < timeoutMs) {
        if (pred())
            return true;
        QThread::msleep(stepMs);
    }
    return pred();
}

double cpuSeconds(qint64 pid)
{
    QFile f(u"/proc/%1/stat"_s.arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray text = f.readAll();
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    // Fields after the command: state is [0], utime [11], stime [12].
    return double(fields.at(11).toLongLong() + fields.at(12).toLongLong()) /
        double(sysconf(_SC_CLK_TCK));
}

qint64 rssKiB(qint64 pid)
{
    QFile f(u"/proc/%1/status"_s.arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    auto opt = [&](const QString &name, const QString &fallback) {
        const qsizetype i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? args.at(i + 1) : fallback;
    };
    const qint64 sizeMb = opt(u"--size-mb"_s, u"1024"_s).toLongLong();
    const int idleSeconds = opt(u"--idle-seconds"_s, u"60"_s).toInt();
    QTemporaryDir tmp;
    const QString work = opt(u"--work"_s, tmp.path());
    QDir().mkpath(work);
    const QString tokentally = TestHelpers::programPath(u"tokentally"_s);
    const QString home = work + u"/gen/home"_s;
    const QString db = work + u"/usage.db"_s;
    QElapsedTimer t;

    if (!QFileInfo::exists(home)) {
        t.start();
        QString error;
        const QString start = QDate::currentDate().addDays(-364).toString(Qt::ISODate);
        if (!TestHelpers::generateHome(work + u"/gen"_s,
                                       {u"--days"_s, u"365"_s, u"--start"_s, start,
                                        u"--target-bytes"_s, QString::number(sizeMb << 20)},
                                       &error)) {
            std::fprintf(stderr, "generate: %s\n", qPrintable(error));
            return 1;
        }
        std::printf("generated %lld MB home in %.1f s\n", sizeMb, double(t.elapsed()) / 1000);
    }
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &k : {u"CLAUDE_CONFIG_DIR"_s, u"CODEX_HOME"_s, u"TOKENTALLY_DB"_s})
        env.remove(k);
    env.insert(u"HOME"_s, home);
    env.insert(u"XDG_DATA_HOME"_s, home + u"/.local/share"_s);
    env.insert(u"XDG_CONFIG_HOME"_s, work + u"/config"_s);
    {
        // A returning user's start: without this the first-run wizard opens.
        QDir().mkpath(work + u"/config/tokentally"_s);
        QFile conf(work + u"/config/tokentally/tokentally.conf"_s);
        if (conf.open(QIODevice::WriteOnly))
            conf.write("[General]\nsettingsVersion=3\n\n[firstRun]\ndone=true\n");
    }
    g_id = u"tt-bench-%1"_s.arg(QCoreApplication::applicationPid());
    env.insert(u"TOKENTALLY_INSTANCE_ID"_s, g_id);

    {
        QProcess scan;
        scan.setProcessEnvironment(env);
        t.start();
        scan.start(tokentally, {u"scan"_s, u"--db"_s, db});
        scan.waitForFinished(-1);
        std::printf("index (tokentally scan): %.2f s, exit %d\n", double(t.elapsed()) / 1000,
                    scan.exitCode());
    }

    QProcess xvfb;
    xvfb.start(u"Xvfb"_s,
               {u"-displayfd"_s, u"1"_s, u"-screen"_s, u"0"_s, u"1400x900x24"_s, u"-nolisten"_s,
                u"tcp"_s});
    QByteArray out;
    waitUntil(
        [&] {
            xvfb.waitForReadyRead(100);
            out += xvfb.readAllStandardOutput();
            return out.contains('\n');
        },
        10000);
    const QString display = u":"_s + QString::fromLatin1(out).trimmed();
    env.insert(u"DISPLAY"_s, display);
    env.insert(u"QT_QPA_PLATFORM"_s, u"xcb"_s);
    QProcess trayer;
    trayer.setProcessEnvironment(env);
    trayer.start(u"trayer"_s, {u"--edge"_s, u"top"_s, u"--align"_s, u"right"_s});
    QThread::msleep(1000);

    QProcess gui;
    gui.setProcessEnvironment(env);
    gui.setProcessChannelMode(QProcess::ForwardedChannels);
    t.start();
    gui.start(tokentally, {u"--db"_s, db, u"--show-dashboard"_s});
    gui.waitForStarted();
    QJsonObject s;
    waitUntil(
        [&] {
            s = status();
            return s.value(u"firstPaintMs"_s).toInt() >= 0 &&
                s.value(u"generation"_s).toInt() >= 1 &&
                !s.value(u"tokensCard"_s).toString().isEmpty();
        },
        30000);
    const qint64 firstPaint = t.elapsed();
    std::printf("start to first painted dashboard with data: %lld ms (in-app: snapshot %d ms, "
                "paint %d ms)\n",
                firstPaint, s.value(u"firstSnapshotMs"_s).toInt(),
                s.value(u"firstPaintMs"_s).toInt());
    std::printf("tray active: %s; tooltip: %s\n", s.value(u"trayActive"_s).toBool() ? "yes" : "no",
                qPrintable(s.value(u"toolTip"_s).toString().replace(u'\n', u" | "_s)));

    QThread::msleep(3000); // let the start-up scan and first sweep settle
    const qint64 pid = gui.processId();
    const double cpu0 = cpuSeconds(pid);
    QElapsedTimer idle;
    idle.start();
    QThread::msleep(quint64(idleSeconds) * 1000);
    const double cpu1 = cpuSeconds(pid);
    std::printf("idle CPU over %d s: %.3f%% (%.0f ms CPU)\n", idleSeconds,
                100.0 * (cpu1 - cpu0) / (double(idle.elapsed()) / 1000), (cpu1 - cpu0) * 1000);
    std::printf("RSS: %.1f MiB\n", double(rssKiB(pid)) / 1024);

    // An agent appends to its live session: the most recently written session file.
    QString target;
    QDateTime newest;
    QDirIterator it(home + u"/.claude/projects"_s, {u"*.jsonl"_s}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString f = it.next();
        const QDateTime m = QFileInfo(f).lastModified();
        if (!f.contains(u"/subagents/"_s) && (target.isEmpty() || m > newest)) {
            target = f;
            newest = m;
        }
    }
    std::vector<qint64> latencies;
    for (int i = 0; i < 5; ++i) {
        const qint64 before = status().value(u"todayTokens"_s).toInteger();
        const QByteArray line =
            u"{\"type\":\"assistant\",\"sessionId\":\"%1\",\"requestId\":\"req_bench_%2_%3\","
            "\"timestamp\":\"%4\",\"message\":{\"model\":\"claude-sonnet-4-5-20250929\","
            "\"id\":\"msg_bench_%2_%3\",\"role\":\"assistant\",\"usage\":{\"input_tokens\":1000,"
            "\"cache_creation_input_tokens\":0,\"cache_read_input_tokens\":0,"
            "\"output_tokens\":100}}}\n"_s.arg(QFileInfo(target).completeBaseName())
                .arg(QCoreApplication::applicationPid())
                .arg(i)
                .arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs))
                .toUtf8();
        QFile f(target);
        f.open(QIODevice::Append);
        f.write(line);
        f.close();
        t.start();
        waitUntil([&] { return status().value(u"todayTokens"_s).toInteger() != before; }, 10000, 2);
        latencies.push_back(t.elapsed());
        QThread::msleep(1500);
    }
    std::sort(latencies.begin(), latencies.end());
    std::printf("append-to-tray latency: median %lld ms, max %lld ms (5 appends)\n", latencies[2],
                latencies.back());
    std::printf("RSS after appends: %.1f MiB\n", double(rssKiB(pid)) / 1024);

    QLocalSocket q;
    q.connectToServer(g_id);
    q.waitForConnected(1000);
    q.write("quit\n");
    q.waitForBytesWritten(1000);
    gui.waitForFinished(10000);
    trayer.terminate();
    trayer.waitForFinished(3000);
    xvfb.terminate();
    xvfb.waitForFinished(3000);
    return 0;
}
