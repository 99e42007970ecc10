// Build-time tool: writes the man pages from the programs' option tables.
//   tokentally-manpage tokentally|tokentally-server DATE OUTPUT
#include "manpages.h"

#include <QCoreApplication>
#include <QSaveFile>

#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() != 4) {
        std::fprintf(stderr,
                     "usage: tokentally-manpage tokentally|tokentally-server DATE OUTPUT\n");
        return 2;
    }
    QString page;
#ifdef TOKENTALLY_MAN_APP
    if (args.at(1) == u"tokentally")
        page = ManPages::tokentally(args.at(2));
#endif
#ifdef TOKENTALLY_MAN_SERVER
    if (args.at(1) == u"tokentally-server")
        page = ManPages::tokentallyServer(args.at(2));
#endif
    if (page.isEmpty()) {
        std::fprintf(stderr, "tokentally-manpage: no page '%s' in this build\n",
                     qPrintable(args.at(1)));
        return 2;
    }
    QSaveFile out(args.at(3));
    if (!out.open(QIODevice::WriteOnly) || out.write(page.toUtf8()) < 0 || !out.commit()) {
        std::fprintf(stderr, "tokentally-manpage: cannot write %s\n", qPrintable(args.at(3)));
        return 1;
    }
    return 0;
}
