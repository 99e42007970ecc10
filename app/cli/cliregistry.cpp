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

} // namespace CliRegistry
