#include "clirunner.h"

#include "cli/clicommand.h"
#include "cli/clicontext.h"
#include "cli/cliregistry.h"

#include <QCommandLineParser>
#include <QSet>

using namespace Qt::StringLiterals;

namespace {

//! Names of every option that takes a value, across all commands, so that a
//! value ("--db report.db") is never taken for the command word.
QSet<QString> valueOptionNames(const CliRegistry::CommandTable &commands)
{
    QSet<QString> names;
    auto add = [&names](const QList<QCommandLineOption> &options) {
        for (const QCommandLineOption &o : options) {
            if (!o.valueName().isEmpty()) {
                for (const QString &n : o.names())
                    names.insert(n);
            }
        }
    };
    add(CliRegistry::globalOptions());
    for (const auto &command : commands)
        add(command->options());
    return names;
}

CliCommand *findIn(const CliRegistry::CommandTable &commands, const QString &name)
{
    for (const auto &command : commands) {
        if (command->name() == name)
            return command.get();
    }
    return nullptr;
}

} // namespace

bool CliRunner::isSubcommand(const QString &name, const CliRegistry::CommandTable &commands)
{
    return findIn(commands, name) != nullptr;
}

CliCommand *CliRunner::find(const QString &name) const
{
    return findIn(m_commands, name);
}

QString CliRunner::commandOf(const QStringList &args, const CliRegistry::CommandTable &commands)
{
    const QSet<QString> takesValue = valueOptionNames(commands);
    for (qsizetype i = 1; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (a == u"--")
            return i + 1 < args.size() ? args.at(i + 1) : QString();
        if (!a.startsWith(u'-') || a == u"-")
            return a;
        if (a.contains(u'='))
            continue;
        const QString name = a.mid(a.startsWith(u"--") ? 2 : 1);
        if (takesValue.contains(name))
            ++i;
    }
    return {};
}

QString CliRunner::overview() const
{
    QString text = u"TokenTally: exact, private usage totals of AI coding agents.\n\n"
                   "Without a command, the tray app starts.\n\nCommands:\n"_s;
    for (const auto &command : m_commands) {
        QString head = command->name();
        if (!command->arguments().isEmpty())
            head += u' ' + command->arguments();
        text += u"  "_s + head.leftJustified(26) + u' ';
        if (head.size() > 26)
            text += u"\n"_s + QString(29, u' ');
        text += command->summary() + u'\n';
    }
    text += u"\n`tokentally COMMAND --help` lists a command's options."_s;
    return text;
}

int CliRunner::run(const QStringList &args)
{
    const QString name = commandOf(args, m_commands);
    CliCommand *command = name.isEmpty() ? nullptr : find(name);
    if (!name.isEmpty() && !command) {
        m_err << "tokentally: unknown command '" << name << "'; see --help" << Qt::endl;
        return 2;
    }
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions(CliRegistry::globalOptions());
    if (command) {
        QString description = u"tokentally "_s + command->name();
        if (!command->arguments().isEmpty())
            description += u' ' + command->arguments();
        description += u": "_s + command->summary() + u'.';
        if (!command->description().isEmpty())
            description += u"\n\n"_s + command->description();
        parser.setApplicationDescription(description);
        parser.addPositionalArgument(command->name(), command->summary());
        if (!command->arguments().isEmpty())
            parser.addPositionalArgument(command->arguments(), {});
        parser.addOptions(command->options());
    } else {
        parser.setApplicationDescription(overview());
        parser.addPositionalArgument(u"command"_s, u"One of the commands above."_s);
    }
    if (!parser.parse(args)) {
        m_err << "tokentally: " << parser.errorText() << Qt::endl;
        return 2;
    }
    if (parser.isSet(u"help"_s)) {
        m_out << parser.helpText();
        return 0;
    }
    if (parser.isSet(u"version"_s)) {
        m_out << "tokentally " << TOKENTALLY_VERSION << Qt::endl;
        return 0;
    }
    if (!command) {
        m_err << "tokentally: no command; see --help" << Qt::endl;
        return 2;
    }
    CliContext context(parser, m_out, m_err);
    return command->run(context);
}
