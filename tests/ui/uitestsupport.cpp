#include "uitestsupport.h"

#include "testhelpers.h"

#include <QDate>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLocalSocket>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;

namespace UiTest {

Proc::~Proc()
{
    if (p->state() != QProcess::NotRunning) {
        p->terminate();
        if (!p->waitForFinished(3000)) {
            p->kill();
            p->waitForFinished(3000);
        }
    }
}

bool waitUntil(const std::function<bool()> &pred, int timeoutMs, int stepMs)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < timeoutMs) {
        if (pred())
            return true;
        QTest::qWait(stepMs);
    }
    return pred();
}

QStringList missingTools(const QStringList &tools)
{
    QStringList missing;
    for (const QString &tool : tools) {
        if (QStandardPaths::findExecutable(tool).isEmpty())
            missing << tool;
    }
    return missing;
}

QProcessEnvironment displayEnv(const QString &display)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"DISPLAY"_s, display);
    return env;
}

QProcessEnvironment appEnv(const QString &display, const QString &root, const QString &home,
                           const QString &instanceId)
{
    QProcessEnvironment env = displayEnv(display);
    for (const QString &k : {u"CLAUDE_CONFIG_DIR"_s, u"CODEX_HOME"_s, u"TOKENTALLY_DB"_s,
                             u"TOKENTALLY_CONFIG"_s, u"TOKENTALLY_THEME"_s})
        env.remove(k);
    QDir().mkpath(root + u"/config"_s);
    QDir().mkpath(root + u"/runtime"_s);
    QFile::setPermissions(root + u"/runtime"_s,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    env.insert(u"HOME"_s, home);
    env.insert(u"XDG_CONFIG_HOME"_s, root + u"/config"_s);
    env.insert(u"XDG_DATA_HOME"_s, home + u"/.local/share"_s);
    env.insert(u"XDG_RUNTIME_DIR"_s, root + u"/runtime"_s);
    env.insert(u"QT_QPA_PLATFORM"_s, u"xcb"_s);
    env.insert(u"TOKENTALLY_INSTANCE_ID"_s, instanceId);
    return env;
}

QString generateRecentHome(const QString &dir, int days, qint64 bytes, QString *error)
{
    const QString start = QDate::currentDate().addDays(1 - days).toString(Qt::ISODate);
    if (!TestHelpers::generateHome(dir,
                                   {u"--days"_s, QString::number(days), u"--start"_s, start,
                                    u"--target-bytes"_s, QString::number(bytes)},
                                   error))
        return {};
    return dir + u"/home"_s;
}

bool startApp(Proc &app, QProcessEnvironment env, const QHash<QString, QString> &extraEnv,
              const QString &dbPath, const QStringList &args)
{
    for (auto it = extraEnv.cbegin(); it != extraEnv.cend(); ++it)
        env.insert(it.key(), it.value());
    app.p->setProcessEnvironment(env);
    app.p->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    app.p->start(TestHelpers::programPath(u"tokentally"_s), QStringList {u"--db"_s, dbPath} + args);
    return app.p->waitForStarted(5000);
}

void markFirstRunDone(const QString &root)
{
    QDir().mkpath(root + u"/config/tokentally"_s);
    QFile f(root + u"/config/tokentally/tokentally.conf"_s);
    if (f.open(QIODevice::WriteOnly))
        f.write("[General]\nsettingsVersion=3\n\n[firstRun]\ndone=true\n");
}

QString startXvfb(Proc &xvfb)
{
    // -displayfd makes Xvfb pick a free display and print its number.
    xvfb.p->start(u"Xvfb"_s,
                  {u"-displayfd"_s, u"1"_s, u"-screen"_s, u"0"_s, u"1400x900x24"_s, u"-nolisten"_s,
                   u"tcp"_s});
    if (!xvfb.p->waitForStarted(5000))
        return {};
    QByteArray out;
    waitUntil(
        [&] {
            out += xvfb.p->readAllStandardOutput();
            return out.contains('\n');
        },
        10000);
    const QString n = QString::fromLatin1(out).trimmed();
    return n.isEmpty() ? QString() : u":"_s + n;
}

bool startTrayer(Proc &trayer, const QString &display, QString *error)
{
    const QProcessEnvironment env = displayEnv(display);
    auto panelExists = [&] {
        QProcess x;
        x.setProcessEnvironment(env);
        x.start(u"xwininfo"_s, {u"-root"_s, u"-tree"_s});
        x.waitForFinished(3000);
        return x.readAllStandardOutput().contains("\"panel\"");
    };
    // Now and then (under load, ~1 run in 20 here) trayer exits at once with
    // status 1 and no message; a second start works.
    for (int attempt = 1; attempt <= 3; ++attempt) {
        trayer.p->setProcessEnvironment(env);
        trayer.p->start(u"trayer"_s,
                        {u"--edge"_s, u"top"_s, u"--align"_s, u"right"_s, u"--widthtype"_s,
                         u"request"_s, u"--height"_s, u"24"_s, u"--SetDockType"_s, u"true"_s});
        if (!trayer.p->waitForStarted(5000)) {
            *error = u"trayer did not start"_s;
            return false;
        }
        // trayer owns the _NET_SYSTEM_TRAY selection once its panel window exists.
        if (waitUntil([&] { return panelExists() || trayer.p->state() == QProcess::NotRunning; },
                      10000, 100) &&
            panelExists())
            return true;
        *error = u"trayer's panel never appeared (trayer %1, exit %2, attempt %3): %4"_s
                     .arg(trayer.p->state() == QProcess::Running ? u"running"_s : u"stopped"_s)
                     .arg(trayer.p->exitCode())
                     .arg(attempt)
                     .arg(QString::fromUtf8(trayer.p->readAllStandardError() +
                                            trayer.p->readAllStandardOutput()));
        if (trayer.p->state() == QProcess::Running)
            return false; // running but no panel: another start would not help
        qWarning("%s; starting it again", qPrintable(*error));
    }
    return false;
}

QByteArray request(const QString &instanceId, const QByteArray &line)
{
    QLocalSocket s;
    s.connectToServer(instanceId);
    if (!s.waitForConnected(1000))
        return {};
    s.write(line + '\n');
    s.waitForBytesWritten(1000);
    QByteArray reply;
    while (!reply.endsWith('\n') && s.waitForReadyRead(2000))
        reply += s.readAll();
    reply += s.readAll();
    return reply.trimmed();
}

QJsonObject status(const QString &instanceId)
{
    return QJsonDocument::fromJson(request(instanceId, "status")).object();
}

bool xdotool(const QString &display, const QStringList &args)
{
    QProcess x;
    x.setProcessEnvironment(displayEnv(display));
    x.start(u"xdotool"_s, args);
    return x.waitForFinished(10000) && x.exitStatus() == QProcess::NormalExit && x.exitCode() == 0;
}

bool clickNamed(const QString &display, const QString &instanceId, const QString &name, int button,
                QString *error)
{
    const QByteArray reply = request(instanceId, "geometry " + name.toUtf8());
    const QJsonObject g = QJsonDocument::fromJson(reply).object();
    if (g.isEmpty()) {
        if (error)
            *error = u"no visible %1 (%2)"_s.arg(name, QString::fromUtf8(reply));
        return false;
    }
    const int x = g.value(u"x"_s).toInt() + g.value(u"width"_s).toInt() / 2;
    const int y = g.value(u"y"_s).toInt() + g.value(u"height"_s).toInt() / 2;
    const bool ok = xdotool(display,
                            {u"mousemove"_s, QString::number(x), QString::number(y), u"click"_s,
                             QString::number(button)});
    if (!ok && error)
        *error = u"xdotool failed"_s;
    return ok;
}

QString screenshot(const QString &display, const QString &dir, const QString &name, QString *error)
{
    QTest::qWait(400); // let the last paint reach the server
    QDir().mkpath(dir);
    QProcess p;
    p.setProcessEnvironment(displayEnv(display));
    const QString path = dir + u"/"_s + name + u".png"_s;
    p.start(u"import"_s, {u"-window"_s, u"root"_s, path});
    if (!p.waitForFinished(20000) || p.exitCode() != 0 || QFileInfo(path).size() <= 10000) {
        *error = u"import failed for %1"_s.arg(path);
        return {};
    }
    return path;
}

} // namespace UiTest
