#include "reportcommand.h"

#include "cli/clicontext.h"
#include "ledger/scanner.h"
#include "report/report.h"
#include "report/reportformatter.h"
#include "report/reportquery.h"
#include "store/localstore.h"

using namespace Qt::StringLiterals;

QString ReportCommand::name() const
{
    return u"report"_s;
}

QString ReportCommand::arguments() const
{
    return u"daily|weekly|monthly|session|model|agent"_s;
}

QString ReportCommand::summary() const
{
    return u"print a usage report (scans first unless --no-scan)"_s;
}

QString ReportCommand::description() const
{
    return u"Days are local calendar days in --timezone (default: the system's). --json prints "
           "{\"rows\":[...],\"totals\":{...},\"unpricedModels\":[...]}."_s;
}

QList<QCommandLineOption> ReportCommand::options() const
{
    return {
        QCommandLineOption(u"since"_s, u"First day (YYYY-MM-DD), inclusive."_s, u"date"_s),
        QCommandLineOption(u"until"_s, u"Last day (YYYY-MM-DD), inclusive."_s, u"date"_s),
        QCommandLineOption(u"agent"_s, u"Only this agent (%1)."_s.arg(CliContext::agentList()),
                           u"agent"_s),
        QCommandLineOption(u"timezone"_s,
                           u"Time zone for days: IANA name, UTC or +HH:MM (default: system)."_s,
                           u"tz"_s),
        QCommandLineOption(u"breakdown"_s, u"Split rows by agent and model."_s),
        QCommandLineOption(u"json"_s, u"Print JSON."_s),
        QCommandLineOption(u"csv"_s, u"Print CSV."_s),
        QCommandLineOption(u"no-scan"_s, u"Do not scan first."_s),
    };
}

int ReportCommand::run(CliContext &context)
{
    const QStringList args = context.arguments();
    if (args.size() != 1)
        return context.usageError(
            u"report needs one of daily, weekly, monthly, session, model, agent"_s);
    ReportQuery query;
    const auto kind = ReportQuery::kindFromName(args.first());
    if (!kind)
        return context.usageError(u"unknown report '"_s + args.first() + u"'"_s);
    query.kind = *kind;
    for (const auto &[opt, target] :
         {std::pair {u"since"_s, &query.since}, std::pair {u"until"_s, &query.until}}) {
        if (context.isSet(opt)) {
            *target = ReportQuery::parseDate(context.value(opt));
            if (!*target)
                return context.usageError(u"bad date '"_s + context.value(opt) +
                                          u"' (want YYYY-MM-DD)"_s);
        }
    }
    if (context.isSet(u"agent"_s)) {
        query.agent = agentFromId(context.value(u"agent"_s));
        if (!query.agent)
            return context.usageError(u"unknown agent '"_s + context.value(u"agent"_s) + u"' ("_s +
                                      CliContext::agentList() + u")"_s);
    }
    if (context.isSet(u"timezone"_s)) {
        const auto tz = ReportQuery::parseTimeZone(context.value(u"timezone"_s));
        if (!tz)
            return context.usageError(u"unknown time zone '"_s + context.value(u"timezone"_s) +
                                      u"'"_s);
        query.timeZone = *tz;
    }
    query.breakdown = context.isSet(u"breakdown"_s);
    if (context.isSet(u"json"_s) && context.isSet(u"csv"_s))
        return context.usageError(u"--json and --csv exclude each other"_s);
    if (!context.validateScanOptions())
        return 2;

    LocalStore store;
    if (!context.openStore(store))
        return 1;
    if (!context.isSet(u"no-scan"_s)) {
        ScanStats stats;
        if (!context.syncOrScan(store, &stats))
            return 1;
    }
    const Report report = Report::build(store, query);
    if (context.isSet(u"json"_s))
        context.out() << QString::fromUtf8(ReportFormatter::json(report));
    else if (context.isSet(u"csv"_s))
        context.out() << QString::fromUtf8(ReportFormatter::csv(report));
    else
        context.out() << ReportFormatter::table(report);
    return 0;
}
