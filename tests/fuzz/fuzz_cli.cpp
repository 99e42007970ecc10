// `tokentally` command lines into CliRunner: the command word, every
// command's options and their values (dates, zones, agents, ids, numbers,
// --data-dir specs). Input: arguments separated by NUL bytes.
//
// Nothing outside a private scratch directory is touched: HOME, the XDG dirs,
// the agents' dirs and TOKENTALLY_DB point into it (with a small Claude and
// Codex home to scan), every '/' in an argument becomes '_' and ".." is
// defused, so a path argument names a file in the scratch directory. The
// commands that reach the keyring or the network (login, logout) are only
// parsed (--help appended); the others run whole. The D-Bus session address
// points nowhere.

#include "cli/clirunner.h"
#include "fuzzsupport.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace {

QString g_home;

void writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(path.section(u'/', 0, -2));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        FuzzSupport::fail("cannot write the scratch home", __FILE__, __LINE__);
    f.write(bytes);
}

//! Removes what a run created in the working directory (stores named by --db).
void cleanWorkingDirectory()
{
    QDir work(g_home + u"/work"_s);
    for (const QString &name :
         work.entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden))
        QDir(work.filePath(name)).removeRecursively() || QFile::remove(work.filePath(name));
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    g_home = FuzzSupport::scratchDir() + u"/home"_s;
    const QByteArray home = g_home.toUtf8();
    qputenv("HOME", home);
    qputenv("XDG_DATA_HOME", home + "/.local/share");
    qputenv("XDG_CONFIG_HOME", home + "/.config");
    qputenv("XDG_CACHE_HOME", home + "/.cache");
    qputenv("XDG_RUNTIME_DIR", home + "/run");
    qputenv("TOKENTALLY_DB", home + "/usage.db");
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=" + home + "/no-bus");
    qunsetenv("CLAUDE_CONFIG_DIR");
    qunsetenv("CODEX_HOME");
    qunsetenv("DISPLAY");
    qunsetenv("WAYLAND_DISPLAY");
    writeFile(
        g_home + u"/.claude/projects/-home-fuzz-app/5f0c2a9e-1b2c-4d3e-8f90-123456789abc.jsonl"_s,
        R"({"type":"assistant","sessionId":"5f0c2a9e-1b2c-4d3e-8f90-123456789abc","timestamp":"2026-01-05T10:00:00.000Z","requestId":"req_1","message":{"id":"msg_1","model":"claude-sonnet-4-5-20250929","usage":{"input_tokens":9,"cache_creation_input_tokens":4233,"cache_read_input_tokens":12005,"output_tokens":200}}}
{"type":"assistant","sessionId":"5f0c2a9e-1b2c-4d3e-8f90-123456789abc","timestamp":"2026-01-06T23:30:00.000Z","requestId":"req_2","message":{"id":"msg_2","model":"claude-opus-4-1","usage":{"input_tokens":5,"cache_creation_input_tokens":0,"cache_read_input_tokens":30000,"output_tokens":900}}}
)");
    writeFile(
        g_home +
            u"/.codex/sessions/2026/01/05/rollout-2026-01-05T14-02-11-019a0f3e-6c1d-7b2a-9e8f-0123456789ab.jsonl"_s,
        R"({"timestamp":"2026-01-05T14:02:11.000Z","type":"session_meta","payload":{"id":"019a0f3e-6c1d-7b2a-9e8f-0123456789ab","cwd":"/x","source":"cli"}}
{"timestamp":"2026-01-05T14:02:12.000Z","type":"turn_context","payload":{"model":"gpt-5.2-codex"}}
{"timestamp":"2026-01-05T14:02:15.870Z","type":"event_msg","payload":{"type":"token_count","info":{"total_token_usage":{"input_tokens":16020,"cached_input_tokens":15360,"output_tokens":410,"reasoning_output_tokens":256,"total_tokens":16430},"last_token_usage":{"input_tokens":16020,"cached_input_tokens":15360,"output_tokens":410,"reasoning_output_tokens":256,"total_tokens":16430}}}}
)");
    QDir().mkpath(g_home + u"/work"_s);
    FuzzSupport::ensureCoreApplication();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (g_home.isEmpty()) // the replay driver calls LLVMFuzzerInitialize too
        LLVMFuzzerInitialize(nullptr, nullptr);
    QStringList args {u"tokentally"_s};
    for (std::string_view a :
         FuzzSupport::split(std::string_view(reinterpret_cast<const char *>(data), size),
                            std::string_view("\0", 1), 16)) {
        if (a.size() > 256)
            a = a.substr(0, 256);
        QString arg = QString::fromUtf8(a.data(), qsizetype(a.size()));
        arg.replace(u'/', u'_');
        arg.replace(u".."_s, u"__"_s);
        args << arg;
    }
    const QString command = CliRunner::commandOf(args);
    if (command == u"login" || command == u"logout")
        args << u"--help"_s;

    // Relative paths land in the scratch directory (libFuzzer's own paths are
    // relative to where it started, so only while the command runs).
    const QString startDir = QDir::currentPath();
    QDir::setCurrent(g_home + u"/work"_s);
    QString out, err;
    QTextStream outStream(&out), errStream(&err);
    const int code = CliRunner(outStream, errStream).run(args);
    outStream.flush();
    errStream.flush();
    cleanWorkingDirectory();
    QDir::setCurrent(startDir);
    FUZZ_CHECK(code >= 0 && code <= 2);
    if (!command.isEmpty() && !CliRunner::isSubcommand(command))
        FUZZ_CHECK(code == 2);
    if (code == 2)
        FUZZ_CHECK(err.startsWith(u"tokentally: "_s));
    // A report asked for as JSON is JSON (unless help or the version was asked for).
    if (code == 0 && command == u"report" && args.contains(u"--json"_s) &&
        !out.startsWith(u"Usage:"_s) && !out.startsWith(u"tokentally "_s)) {
        QJsonParseError error;
        const QJsonObject o = QJsonDocument::fromJson(out.toUtf8(), &error).object();
        FUZZ_CHECK(error.error == QJsonParseError::NoError);
        FUZZ_CHECK(o.contains(u"rows"_s) && o.contains(u"totals"_s));
    }
    return 0;
}
