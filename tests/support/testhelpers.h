#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

//! Helpers shared by the tests: paths of the build, running programs.
namespace TestHelpers {
//! The source tree (for fixtures and scripts).
QString sourceDir();
//! The build tree (for built programs).
QString binaryDir();
//! Path of a built program such as "tokentally" or "tokentally-server".
QString programPath(const QString &name);
//! Runs the fixture generator (tests/fixtures/generate_home.py) into \a outDir
//! with extra \a args; returns false and fills \a error on failure.
bool generateHome(const QString &outDir, const QStringList &args, QString *error);
//! One Claude Code assistant line with usage, as the agent writes it (newline
//! included): message \a id in session \a session at \a timestamp (ISO 8601, UTC).
QByteArray claudeAssistantLine(const QString &session, const QString &id, const QString &timestamp,
                               qint64 inputTokens, qint64 outputTokens);
//! Reads a whole file (empty on error).
QByteArray readFile(const QString &path);

//! What a program run said: its exit code (-1 if it crashed or hung), stdout, stderr.
struct Run
{
    int code = -1;
    QByteArray out, err;
};
//! Runs \a program with \a args in \a env, \a stdinData on its stdin (closed
//! after), and waits for it.
Run run(const QString &program, const QStringList &args, const QProcessEnvironment &env,
        const QByteArray &stdinData = {});
} // namespace TestHelpers
