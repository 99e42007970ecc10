#include "cliregistry.h"

#include "cli/clicontext.h"
#include "store/localstore.h"

using namespace Qt::StringLiterals;

namespace CliRegistry {

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
