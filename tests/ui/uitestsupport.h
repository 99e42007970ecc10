#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

// What the UI tests share: child processes that die with the test, an X
// server with a tray host, the app's single-instance socket, xdotool and
// screenshots.
namespace UiTest {

// A child process, terminated (then killed) when it goes out of scope.
struct Proc
{
    std::unique_ptr<QProcess> p = std::make_unique<QProcess>();
    ~Proc();
};

// Polls \a pred (running the event loop) until it is true or \a timeoutMs pass.
bool waitUntil(const std::function<bool()> &pred, int timeoutMs, int stepMs = 25);

// The tools a UI test needs that are missing from PATH.
QStringList missingTools(const QStringList &tools);

// The system environment with DISPLAY set.
QProcessEnvironment displayEnv(const QString &display);

// The app's environment on \a display: HOME is \a home, config and runtime
// dirs under \a root, its own single-instance id; no agent or TokenTally
// variables leak in from outside.
QProcessEnvironment appEnv(const QString &display, const QString &root, const QString &home,
                           const QString &instanceId);

// Generates a HOME (tests/fixtures/generate_home.py) into \a dir with \a days
// of usage up to today and about \a bytes of files; returns DIR/home, or empty
// (with \a error).
QString generateRecentHome(const QString &dir, int days, qint64 bytes, QString *error);

// Starts the tokentally binary with \a env plus \a extraEnv, the store \a dbPath
// and \a args; its stderr goes to the test's.
bool startApp(Proc &app, QProcessEnvironment env, const QHash<QString, QString> &extraEnv,
              const QString &dbPath, const QStringList &args);

// Writes the settings of an install whose first-run wizard was done, into the
// config dir appEnv() gives \a root: tests of other things start without it.
void markFirstRunDone(const QString &root);

// Starts Xvfb on a free display (1400x900); returns ":N", or empty on failure.
QString startXvfb(Proc &xvfb);
// Starts trayer on \a display and waits until its panel (the tray) exists.
bool startTrayer(Proc &trayer, const QString &display, QString *error);

// One request line to the app's single-instance socket; its one-line reply.
QByteArray request(const QString &instanceId, const QByteArray &line);
QJsonObject status(const QString &instanceId);

// Runs xdotool with \a args on \a display; false on failure.
bool xdotool(const QString &display, const QStringList &args);
// Moves the pointer to the middle of the widget (or tray item) the app names
// by \a name (the socket's "geometry" request) and clicks \a button there.
bool clickNamed(const QString &display, const QString &instanceId, const QString &name,
                int button = 1, QString *error = nullptr);

// Saves the whole screen of \a display as DIR/NAME.png; returns the path, or
// empty (with \a error) on failure.
QString screenshot(const QString &display, const QString &dir, const QString &name, QString *error);

} // namespace UiTest
