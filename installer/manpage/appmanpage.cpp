#include "manpages.h"

#include "cli/clicommand.h"
#include "cli/cliregistry.h"
#include "gui/guimain.h"
#include "manpagewriter.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace {

//! "print a usage report" -> "Print a usage report."
QString sentence(const QString &text)
{
    QString s = text.trimmed();
    if (s.isEmpty())
        return s;
    s[0] = s.at(0).toUpper();
    if (!s.endsWith(u'.'))
        s += u'.';
    return s;
}

} // namespace

QString ManPages::tokentally(const QString &date)
{
    ManPageWriter man(u"tokentally"_s, u"exact, private usage totals of AI coding agents"_s, date,
                      u"TokenTally "_s + QStringLiteral(TOKENTALLY_VERSION));

    man.section(u"Synopsis"_s);
    man.synopsis(u"tokentally"_s, u"[OPTIONS]"_s);
    for (const auto &command : CliRegistry::commands()) {
        QString args = command->name();
        if (!command->arguments().isEmpty())
            args += u' ' + command->arguments();
        man.synopsis(u"tokentally"_s, args + u" [OPTIONS]"_s);
    }

    man.section(u"Description"_s);
    man.paragraph(
        u"TokenTally reads the local usage files of AI coding agents (Claude Code, Codex CLI, "
        "OpenCode), counts every model call once and keeps exact hourly totals of tokens and "
        "cost in a local SQLite store."_s);
    man.paragraph(u"Without a command, tokentally starts the tray app: an icon with today's, this "
                  "week's and this month's totals, and a dashboard. Only one instance runs per "
                  "user; starting another one opens the first one's dashboard."_s);
    man.paragraph(u"With a command, it runs without a display and prints to the terminal."_s);
    man.paragraph(u"Nothing leaves the machine until you sign in to a TokenTally server "
                  "(tokentally login) and submit; then only hourly aggregates are sent, never "
                  "prompts, responses, code, paths or project names."_s);

    man.section(u"Commands"_s);
    for (const auto &command : CliRegistry::commands()) {
        QString head = u"tokentally "_s + command->name();
        if (!command->arguments().isEmpty())
            head += u' ' + command->arguments();
        man.subsection(head);
        man.paragraph(sentence(command->summary()));
        if (!command->description().isEmpty())
            man.paragraph(command->description());
        man.options(command->options());
    }

    man.section(u"Options"_s);
    man.paragraph(u"Every command takes these options:"_s);
    QList<QCommandLineOption> global = CliRegistry::globalOptions();
    global << QCommandLineOption({u"h"_s, u"help"_s},
                                 u"Print the commands (with a command: its options) and exit."_s)
           << QCommandLineOption({u"v"_s, u"version"_s}, u"Print the version and exit."_s);
    man.options(global);

    man.subsection(u"Tray app"_s);
    QSet<QString> globalNames;
    for (const QCommandLineOption &o : std::as_const(global))
        globalNames.insert(o.names().constFirst());
    QList<QCommandLineOption> trayOnly;
    for (const QCommandLineOption &o : guiOptions()) {
        if (!globalNames.contains(o.names().constFirst()))
            trayOnly << o;
    }
    man.paragraph(u"Without a command, these options apply, and --db, --data-dir and --prices "
                  "as above:"_s);
    man.options(trayOnly);

    man.section(u"Environment"_s);
    man.item(u"TOKENTALLY_DB"_s, u"The local store, when --db is not given."_s);
    man.item(u"CLAUDE_CONFIG_DIR"_s,
             u"Claude Code's data folders (comma-separated); otherwise ~/.claude and "
             "~/.config/claude."_s);
    man.item(u"CODEX_HOME"_s, u"Codex CLI's data folders (comma-separated); otherwise ~/.codex."_s);
    man.item(u"XDG_DATA_HOME"_s,
             u"OpenCode's data (XDG_DATA_HOME/opencode) and the default store "
             "(XDG_DATA_HOME/tokentally); otherwise ~/.local/share."_s);
    man.item(u"XDG_CONFIG_HOME"_s,
             u"Settings and the price override file (XDG_CONFIG_HOME/tokentally), and the "
             "autostart entry; otherwise ~/.config."_s);

    man.section(u"Files"_s);
    man.item(u"~/.local/share/tokentally/usage.db"_s,
             u"The local store: hourly totals, file positions and duplicate keys. Prompts, "
             "responses and code are never stored."_s);
    man.item(u"~/.config/tokentally/tokentally.conf"_s, u"Settings."_s);
    man.item(u"~/.config/tokentally/prices.json"_s,
             u"Price overrides, used by the commands and the tray app when it exists."_s);
    man.item(u"~/.config/autostart/tokentally.desktop"_s,
             u"Written by the Start at login setting; deleting it turns the setting off."_s);

    man.section(u"Exit status"_s);
    man.paragraph(u"0 on success, 1 when the command failed, 2 on bad usage."_s);

    man.section(u"See also"_s);
    man.paragraph(u"tokentally-server(1)"_s);
    return man.text();
}
