#include "corecommands.h"

#include "cli/clicommand.h"
#include "cli/commands/quotacommand.h"
#include "cli/commands/reportcommand.h"
#include "cli/commands/scancommand.h"
#include "cli/commands/statuslinecommand.h"

namespace CoreCommands {

const CliRegistry::CommandTable &commands()
{
    static const CliRegistry::CommandTable table = [] {
        CliRegistry::CommandTable t;
        t.push_back(std::make_unique<ScanCommand>());
        t.push_back(std::make_unique<ReportCommand>());
        t.push_back(std::make_unique<StatuslineCommand>());
        t.push_back(std::make_unique<QuotaCommand>());
        return t;
    }();
    return table;
}

} // namespace CoreCommands
