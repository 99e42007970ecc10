#include "quotacommand.h"

#include "cli/clicontext.h"
#include "core/clock.h"
#include "ledger/scanner.h"
#include "quota/quotaformatter.h"
#include "quota/quotastatus.h"
#include "sources/sourceenvironment.h"
#include "store/localstore.h"

using namespace Qt::StringLiterals;

QString QuotaCommand::name() const
{
    return u"quota"_s;
}

QString QuotaCommand::summary() const
{
    return u"show the 5-hour, weekly and other quota windows the agents reported (no network)"_s;
}

QString QuotaCommand::description() const
{
    return u"Reads what the agents already wrote: Codex's rate_limits in its session logs, the "
           "rate_limits Claude Code passes to `tokentally statusline`, and else Claude Code's "
           "cached copy in ~/.claude.json (marked cached, with its age). The newest observation "
           "of each window wins. A window whose reset time has passed is shown as reset. --json "
           "prints {\"quotas\":[{\"agent\",\"window\",\"windowMinutes\",\"usedPercent\","
           "\"lastUsedPercent\",\"resetsAt\",\"observedAt\",\"ageSeconds\",\"source\",\"cached\","
           "\"expired\"}],\"skippedWindows\":N}; usedPercent is null once a window has reset; "
           "skippedWindows counts readings skipped for unreadable or absurd values."_s;
}

QList<QCommandLineOption> QuotaCommand::options() const
{
    return {
        QCommandLineOption(u"json"_s, u"Print JSON."_s),
        QCommandLineOption(u"no-scan"_s, u"Do not scan first."_s),
    };
}

int QuotaCommand::run(CliContext &context)
{
    if (!context.arguments().isEmpty())
        return context.usageError(u"quota takes no arguments"_s);
    if (!context.validateScanOptions())
        return 2;
    const auto env = context.sourceEnvironment();
    if (!env)
        return 2;
    LocalStore store;
    if (!context.openStore(store))
        return 1;
    if (!context.isSet(u"no-scan"_s)) {
        ScanStats stats;
        if (!context.syncOrScan(store, &stats))
            return 1;
    }
    const std::int64_t now = Clock::nowMs();
    const auto entries = QuotaStatus::read(store, *env, now);
    const std::int64_t skipped = store.quotaSkipped();
    if (context.isSet(u"json"_s))
        context.out() << QString::fromUtf8(QuotaFormatter::json(entries, now, skipped)) << Qt::endl;
    else
        context.out() << QuotaFormatter::text(entries, now, QTimeZone::systemTimeZone(), skipped)
                      << Qt::endl;
    return 0;
}
