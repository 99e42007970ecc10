#include "guimain.h"

#include "gui/guiapplication.h"
#include "gui/singleinstance.h"
#include "gui/theme.h"
#include "gui/translations.h"
#include "settings/autostart.h"
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

QList<QCommandLineOption> guiOptions()
{
    return {
        QCommandLineOption(u"db"_s, u"The local store."_s, u"path"_s),
        QCommandLineOption(u"data-dir"_s, u"Extra source dir, AGENT=PATH."_s, u"agent=path"_s),
        QCommandLineOption(u"windowed"_s, u"Run as a window, without a tray icon."_s),
        QCommandLineOption(u"show-dashboard"_s, u"Open the dashboard at start."_s),
        QCommandLineOption(u"show-first-run"_s,
                           u"Show the first-run wizard, even if it was shown."_s),
        QCommandLineOption(
            u"prices"_s,
            u"Price overrides (JSON; default: the CLI's prices.json when it exists)."_s, u"file"_s),
    };
}

int runGui(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"tokentally"_s);
    QApplication::setApplicationDisplayName(u"TokenTally"_s);
    QApplication::setOrganizationName(u"TokenTally"_s);
    QApplication::setApplicationVersion(QStringLiteral(TOKENTALLY_VERSION));
    // The installed menu entry (resources/linux): Wayland shells match windows to it.
    QApplication::setDesktopFileName(Autostart::DesktopFileId);
    QApplication::setWindowIcon(QIcon(u":/icons/tokentally.svg"_s));

    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOptions(guiOptions());
    parser.process(app);

    GuiOptions options;
    options.dbPath = parser.isSet(u"db"_s) ? parser.value(u"db"_s) : LocalStore::defaultPath();
    options.windowed = parser.isSet(u"windowed"_s);
    options.showDashboard = parser.isSet(u"show-dashboard"_s);
    options.showFirstRun = parser.isSet(u"show-first-run"_s);
    options.pricesPath = parser.value(u"prices"_s);
    for (const QString &spec : parser.values(u"data-dir"_s)) {
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
