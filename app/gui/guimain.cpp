#include "guimain.h"

#include "gui/guiapplication.h"
#include "gui/singleinstance.h"
#include "gui/theme.h"
#include "gui/translations.h"
#include "settings/settings.h"
#include "store/localstore.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <cstdio>

using namespace Qt::StringLiterals;

int runGui(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"tokentally"_s);
    QApplication::setApplicationDisplayName(u"TokenTally"_s);
    QApplication::setOrganizationName(u"TokenTally"_s);
    QApplication::setApplicationVersion(QStringLiteral(TOKENTALLY_VERSION));
    QApplication::setDesktopFileName(u"tokentally"_s);
    QApplication::setWindowIcon(QIcon(u":/icons/tokentally.svg"_s));

    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption dbOpt(u"db"_s, u"The local store."_s, u"path"_s);
    const QCommandLineOption dataDirOpt(u"data-dir"_s, u"Extra source dir, AGENT=PATH."_s,
                                        u"agent=path"_s);
    const QCommandLineOption windowedOpt(u"windowed"_s, u"Run as a window, without a tray icon."_s);
    const QCommandLineOption showOpt(u"show-dashboard"_s, u"Open the dashboard at start."_s);
    const QCommandLineOption firstRunOpt(u"show-first-run"_s,
                                         u"Show the first-run wizard, even if it was shown."_s);
    const QCommandLineOption pricesOpt(
        u"prices"_s, u"Price overrides (JSON; default: the CLI's prices.json when it exists)."_s,
        u"file"_s);
    parser.addOptions({dbOpt, dataDirOpt, windowedOpt, showOpt, firstRunOpt, pricesOpt});
    parser.process(app);

    GuiOptions options;
    options.dbPath = parser.isSet(dbOpt) ? parser.value(dbOpt) : LocalStore::defaultPath();
    options.windowed = parser.isSet(windowedOpt);
    options.showDashboard = parser.isSet(showOpt);
    options.showFirstRun = parser.isSet(firstRunOpt);
    options.pricesPath = parser.value(pricesOpt);
    for (const QString &spec : parser.values(dataDirOpt)) {
        const qsizetype eq = spec.indexOf(u'=');
        const auto agent = eq > 0 ? agentFromId(spec.left(eq)) : std::nullopt;
        if (!agent) {
            std::fprintf(stderr, "tokentally: --data-dir wants AGENT=PATH, got %s\n",
                         qPrintable(spec));
            return 2;
        }
        options.extraDirs[*agent] << spec.mid(eq + 1);
    }

    SingleInstance instance;
    if (!instance.claim()) {
        // Another TokenTally runs: ask it to show its dashboard and leave.
        if (SingleInstance::send(SingleInstance::instanceId(), "show-dashboard"))
            return 0;
        std::fprintf(stderr, "tokentally: another instance holds the lock but does not answer\n");
        return 1;
    }

    {
        Settings settings;
        Translations::apply(settings.language());
    }
    Theme::apply(app);

    GuiApplication gui(options, &instance);
    gui.start();
    return app.exec();
}
