#include "cliregistry.h"

#include "cli/clicommand.h"
#include "cli/clicontext.h"
#include "cli/commands/deleteserverdatacommand.h"
#include "cli/commands/logincommand.h"
#include "cli/commands/logoutcommand.h"
#include "cli/commands/outboxcommand.h"
#include "cli/commands/reportcommand.h"
#include "cli/commands/scancommand.h"
#include "cli/commands/statuscommand.h"
#include "cli/commands/statuslinecommand.h"
#include "cli/commands/submitcommand.h"
#include "cli/commands/visibilitycommand.h"
#include "store/localstore.h"

using namespace Qt::StringLiterals;

namespace CliRegistry {

const std::vector<std::unique_ptr<CliCommand>> &commands()
{
    static const std::vector<std::unique_ptr<CliCommand>> table = [] {
        std::vector<std::unique_ptr<CliCommand>> t;
        t.push_back(std::make_unique<ScanCommand>());
        t.push_back(std::make_unique<ReportCommand>());
        t.push_back(std::make_unique<StatuslineCommand>());
        t.push_back(std::make_unique<LoginCommand>());
        t.push_back(std::make_unique<SubmitCommand>());
        t.push_back(std::make_unique<StatusCommand>());
        t.push_back(std::make_unique<OutboxCommand>());
        t.push_back(std::make_unique<VisibilityCommand>());
        t.push_back(std::make_unique<DeleteServerDataCommand>());
        t.push_back(std::make_unique<LogoutCommand>());
        return t;
    }();
    return table;
}

CliCommand *find(const QString &name)
{
    for (const auto &command : commands()) {
        if (command->name() == name)
            return command.get();
    }
    return nullptr;
}

QList<QCommandLineOption> globalOptions()
{
    return {
        QCommandLineOption(
            u"db"_s, u"The local store (default: %1)."_s.arg(LocalStore::defaultPath()), u"path"_s),
        QCommandLineOption(
            u"data-dir"_s,
            u"Extra source dir, AGENT=PATH (%1); repeatable."_s.arg(CliContext::agentList()),
            u"agent=path"_s),
        QCommandLineOption(u"prices"_s,
                           u"Price overrides (JSON; default: %1 when it exists)."_s.arg(
                               CliContext::defaultPriceOverridePath()),
                           u"file"_s),
        QCommandLineOption(u"threads"_s, u"Parser threads (default: all cores)."_s, u"n"_s),
    };
}

} // namespace CliRegistry
