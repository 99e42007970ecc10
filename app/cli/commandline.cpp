#include "commandline.h"

#include "cli/clicommands.h"
#include "gui/guimain.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

int runTokenTally(int argc, char *argv[])
{
    // Subcommands and --help run headless: QCoreApplication, no display needed.
    // A first word that is not an option is a command, known or not: an unknown
    // one gets the CLI's error, never a window.
    bool headless = argc > 1 && argv[1][0] != '-';
    for (int i = 1; i < argc; ++i) {
        const QString a = QString::fromLocal8Bit(argv[i]);
        if (a == QLatin1String("--help") || a == QLatin1String("-h") ||
            a == QLatin1String("--version") || a == QLatin1String("-v") ||
            CliCommands::isSubcommand(a)) {
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
    return CliCommands(out, err).run(QCoreApplication::arguments());
}
