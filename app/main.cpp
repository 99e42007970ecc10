// The tokentally executable. The engine's headless commands (scan, report,
// statusline: CoreCommands) run right here with QtCore only; anything else (the
// tray app, the dashboard, sync commands, --help for all) runs from the app
// module, loaded on demand. Claude Code runs `tokentally statusline` on every
// prompt: loading Qt Widgets, Gui, Charts, Svg, Network and the keyring costs
// about 10 ms of a ~15 ms budget, for nothing a statusline shows.

#include "cli/clirunner.h"
#include "cli/corecommands.h"

#include <QCoreApplication>
#include <QFile>
#include <QLibrary>
#include <QTextStream>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

bool isCoreCommand(const QStringList &args)
{
    const QString name = CliRunner::commandOf(args, CoreCommands::commands());
    if (!CliRunner::isSubcommand(name, CoreCommands::commands()))
        return false;
    // --version is the app's; --help of one command is the same from either side.
    return !args.contains(u"--version"_s) && !args.contains(u"-v"_s);
}

// Next to the executable in the build tree; in LIBDIR/tokentally once installed.
QString modulePath(const char *argv0)
{
    QString dir = QString::fromLocal8Bit(argv0);
    if (QFile::exists(u"/proc/self/exe"_s))
        dir = QFile::symLinkTarget(u"/proc/self/exe"_s);
    dir = dir.section(u'/', 0, -2);
    const QString local = dir + u"/" TOKENTALLY_APP_MODULE_NAME ""_s;
    if (QFile::exists(local))
        return local;
    return dir + u"/" TOKENTALLY_APP_MODULE_RELATIVE_DIR "/" TOKENTALLY_APP_MODULE_NAME ""_s;
}

} // namespace

int main(int argc, char *argv[])
{
    QStringList args;
    for (int i = 0; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);
    if (isCoreCommand(args)) {
        QCoreApplication app(argc, argv);
        QCoreApplication::setApplicationName(u"tokentally"_s);
        QCoreApplication::setApplicationVersion(QStringLiteral(TOKENTALLY_VERSION));
        QTextStream out(stdout);
        QTextStream err(stderr);
        return CliRunner(out, err, CoreCommands::commands()).run(QCoreApplication::arguments());
    }
    QLibrary module(modulePath(argv[0]));
    using Entry = int (*)(int, char **);
    const auto entry = reinterpret_cast<Entry>(module.resolve("tokentallyAppMain"));
    if (!entry) {
        std::fprintf(stderr, "tokentally: cannot load the app module: %s\n",
                     qPrintable(module.errorString()));
        return 1;
    }
    return entry(argc, argv);
}
