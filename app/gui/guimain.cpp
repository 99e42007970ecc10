#include "guimain.h"

#include "gui/guiapplication.h"
#include "gui/singleinstance.h"
#include "gui/theme.h"
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

namespace {

// The app's catalogue first, then Qt's own (STYLE.md §24).
void installTranslations(QApplication &app, const QString &language)
{
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    if (!language.isEmpty())
        QLocale::setDefault(locale);
    auto *ours = new QTranslator(&app);
    // The C locale (LC_ALL=C.UTF-8) is English too: it needs the English plural forms.
    if (ours->load(locale, u"tokentally"_s, u"_"_s, u":/i18n"_s) ||
        ours->load(u"tokentally_en"_s, u":/i18n"_s))
        QApplication::installTranslator(ours);
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(qt);
}

} // namespace

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
    parser.addOptions({dbOpt, dataDirOpt, windowedOpt, showOpt});
    parser.process(app);

    GuiOptions options;
    options.dbPath = parser.isSet(dbOpt) ? parser.value(dbOpt) : LocalStore::defaultPath();
    options.windowed = parser.isSet(windowedOpt);
    options.showDashboard = parser.isSet(showOpt);
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
        installTranslations(app, settings.language());
    }
    Theme::apply(app);

    GuiApplication gui(options, &instance);
    gui.start();
    return app.exec();
}
