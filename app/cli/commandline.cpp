#include "commandline.h"

#include "cli/clirunner.h"
#include "gui/guimain.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

int runTokenTally(int argc, char *argv[])
{
    // Subcommands and --help run headless: QCoreApplication, no display needed.
    // A first word that is not an option is a command, known or not: an unknown
    // one gets the CLI's error, never a window.
    QStringList args;
    for (int i = 0; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);
    bool headless = !CliRunner::commandOf(args).isEmpty();
    for (const QString &a : args.mid(1)) {
        if (a == QLatin1String("--help") || a == QLatin1String("-h") ||
            a == QLatin1String("--version") || a == QLatin1String("-v")) {
            headless = true;
            break;
        }
    }
    if (!headless)
        return runGui(argc, argv);
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("tokentally"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TOKENTALLY_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);
    return CliRunner(out, err).run(QCoreApplication::arguments());
}
