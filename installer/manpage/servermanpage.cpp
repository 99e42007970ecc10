#include "manpages.h"

#include "manpagewriter.h"
#include "serveroptions.h"

using namespace Qt::StringLiterals;

QString ManPages::tokentallyServer(const QString &date)
{
    ManPageWriter man(u"tokentally-server"_s, u"TokenTally leaderboard server"_s, date,
                      u"TokenTally "_s + QStringLiteral(TOKENTALLY_VERSION));

    man.section(u"Synopsis"_s);
    man.synopsis(u"tokentally-server"_s, u"[OPTIONS]"_s);
    man.synopsis(u"tokentally-server"_s, u"[--db PATH | --database URI] users list"_s);
    man.synopsis(u"tokentally-server"_s,
                 u"[--db PATH | --database URI] users hide|unhide|delete NAME"_s);
    man.synopsis(u"tokentally-server"_s, u"migrate --from sqlite:PATH --to URI"_s);

    man.section(u"Description"_s);
    // The first line of --help's text (the rest is the admin synopsis above).
    man.paragraph(ServerOptions::description().section(u'\n', 0, 0));
    man.paragraph(
        u"The server keeps everything in one SQLite file. It listens on 127.0.0.1 by "
        "default; put a reverse proxy with TLS in front of it and give it --public-url."_s);

    man.section(u"Options"_s);
    QList<QCommandLineOption> options = ServerOptions::commandLineOptions();
    options << QCommandLineOption({u"h"_s, u"help"_s}, u"Print the options and exit."_s)
            << QCommandLineOption({u"v"_s, u"version"_s}, u"Print the version and exit."_s);
    man.options(options);

    man.section(u"Admin commands"_s);
    man.paragraph(
        u"They open the same --db; a running server notices changes within 60 seconds."_s);
    man.item(u"users list"_s, u"One line per user: name, visibility, hidden or visible, reason."_s);
    man.item(u"users hide NAME [REASON]"_s, u"Hide a user from the boards."_s);
    man.item(u"users unhide NAME"_s,
             u"Show a hidden user again and mark them reviewed, so automatic flags leave them "
             "alone."_s);
    man.item(u"users delete NAME"_s, u"Delete a user, their devices and all their data."_s);
    man.item(u"migrate --from sqlite:PATH --to URI"_s,
             u"Copy a SQLite database into an empty PostgreSQL database."_s);

    man.section(u"Signals"_s);
    man.paragraph(u"SIGTERM and SIGINT stop accepting connections, finish the requests in "
                  "flight and exit with status 0."_s);

    man.section(u"Files"_s);
    man.item(u"/usr/lib/systemd/system/tokentally-server.service"_s,
             u"The systemd unit (installed disabled). It runs the server as a dynamic user "
             "with its database in /var/lib/tokentally-server/server.db."_s);
    man.item(u"/usr/share/doc/tokentally-server/"_s,
             u"The guide (install, enable, back up, upgrade) and reverse proxy examples."_s);

    man.section(u"See also"_s);
    man.paragraph(u"tokentally(1), systemctl(1), systemd.exec(5)"_s);
    return man.text();
}
