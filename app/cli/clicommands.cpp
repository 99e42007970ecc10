#include "clicommands.h"

#include "ledger/scanner.h"
#include "pricing/pricetable.h"
#include "report/report.h"
#include "report/reportformatter.h"
#include "store/localstore.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace {

const QStringList Subcommands = {u"scan"_s, u"report"_s};

QString defaultPriceOverridePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
        u"/tokentally/prices.json"_s;
}

QJsonObject accountingJson(const AccountingStats &a)
{
    QJsonObject drops;
    for (int i = 0; i < DropReasonCount; ++i)
        drops.insert(dropReasonId(DropReason(i)), qint64(a.drops.byReason[size_t(i)]));
    QJsonObject o;
    o.insert(u"files"_s, qint64(a.files));
    o.insert(u"deletedFiles"_s, qint64(a.deletedFiles));
    o.insert(u"bytesRead"_s, qint64(a.bytesRead));
    o.insert(u"linesRead"_s, qint64(a.linesRead));
    o.insert(u"malformedLines"_s, qint64(a.malformedLines));
    o.insert(u"pendingBytes"_s, qint64(a.pendingBytes));
    o.insert(u"records"_s, qint64(a.records));
    o.insert(u"messages"_s, qint64(a.messages));
    o.insert(u"dropped"_s, drops);
    o.insert(u"unpricedModels"_s, QJsonArray::fromStringList(a.unpricedModels));
    o.insert(u"priceTableVersion"_s, a.priceTableVersion);
    return o;
}

} // namespace

bool CliCommands::isSubcommand(const QString &name)
{
    return Subcommands.contains(name);
}

int CliCommands::run(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"TokenTally: exact, private usage totals of AI coding agents.\n\n"
        "Commands:\n"
        "  scan                      read new usage from the agents' files into the store\n"
        "  report daily|weekly|monthly|session|model|agent\n"
        "                            print a usage report (scans first unless --no-scan)"_s);
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(u"command"_s, u"scan or report"_s);
    const QCommandLineOption dbOpt(
        u"db"_s, u"The local store (default: %1)."_s.arg(LocalStore::defaultPath()), u"path"_s);
    const QCommandLineOption dataDirOpt(
        u"data-dir"_s,
        u"Extra source dir, AGENT=PATH (claude-code, codex, opencode); repeatable."_s,
        u"agent=path"_s);
    const QCommandLineOption sinceOpt(u"since"_s, u"First day (YYYY-MM-DD), inclusive."_s,
                                      u"date"_s);
    const QCommandLineOption untilOpt(u"until"_s, u"Last day (YYYY-MM-DD), inclusive."_s,
                                      u"date"_s);
    const QCommandLineOption agentOpt(
        u"agent"_s, u"Only this agent (claude-code, codex, opencode)."_s, u"agent"_s);
    const QCommandLineOption tzOpt(
        u"timezone"_s, u"Time zone for days: IANA name, UTC or +HH:MM (default: system)."_s,
        u"tz"_s);
    const QCommandLineOption breakdownOpt(u"breakdown"_s, u"Split rows by agent and model."_s);
    const QCommandLineOption jsonOpt(u"json"_s, u"Print JSON."_s);
    const QCommandLineOption csvOpt(u"csv"_s, u"Print CSV."_s);
    const QCommandLineOption noScanOpt(u"no-scan"_s, u"report: do not scan first."_s);
    const QCommandLineOption pricesOpt(
        u"prices"_s,
        u"Price overrides (JSON; default: %1 when it exists)."_s.arg(defaultPriceOverridePath()),
        u"file"_s);
    const QCommandLineOption threadsOpt(u"threads"_s, u"Parser threads (default: all cores)."_s,
                                        u"n"_s);
    parser.addOptions({dbOpt, dataDirOpt, sinceOpt, untilOpt, agentOpt, tzOpt, breakdownOpt,
                       jsonOpt, csvOpt, noScanOpt, pricesOpt, threadsOpt});
    if (!parser.parse(args)) {
        m_err << parser.errorText() << Qt::endl;
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
    const QStringList pos = parser.positionalArguments();
    if (pos.isEmpty() || !isSubcommand(pos.first())) {
        m_err << "tokentally: unknown command; see --help" << Qt::endl;
        return 2;
    }
    const QString command = pos.first();

    SourceEnvironment env = SourceEnvironment::fromProcess();
    for (const QString &spec : parser.values(dataDirOpt)) {
        const qsizetype eq = spec.indexOf(u'=');
        const auto agent = eq > 0 ? agentFromId(spec.left(eq)) : std::nullopt;
        if (!agent) {
            m_err << "tokentally: --data-dir wants AGENT=PATH, got " << spec << Qt::endl;
            return 2;
        }
        env.extraDirs[*agent] << spec.mid(eq + 1);
    }

    ReportQuery query;
    if (command == u"report") {
        if (pos.size() != 2) {
            m_err << "tokentally: report needs one of daily, weekly, monthly, session, model, agent"
                  << Qt::endl;
            return 2;
        }
        const auto kind = ReportQuery::kindFromName(pos.at(1));
        if (!kind) {
            m_err << "tokentally: unknown report '" << pos.at(1) << "'" << Qt::endl;
            return 2;
        }
        query.kind = *kind;
        for (const auto &[opt, target] :
             {std::pair {&sinceOpt, &query.since}, std::pair {&untilOpt, &query.until}}) {
            if (parser.isSet(*opt)) {
                *target = ReportQuery::parseDate(parser.value(*opt));
                if (!*target) {
                    m_err << "tokentally: bad date '" << parser.value(*opt) << "' (want YYYY-MM-DD)"
                          << Qt::endl;
                    return 2;
                }
            }
        }
        if (parser.isSet(agentOpt)) {
            query.agent = agentFromId(parser.value(agentOpt));
            if (!query.agent) {
                m_err << "tokentally: unknown agent '" << parser.value(agentOpt)
                      << "' (claude-code, codex, opencode)" << Qt::endl;
                return 2;
            }
        }
        if (parser.isSet(tzOpt)) {
            const auto tz = ReportQuery::parseTimeZone(parser.value(tzOpt));
            if (!tz) {
                m_err << "tokentally: unknown time zone '" << parser.value(tzOpt) << "'"
                      << Qt::endl;
                return 2;
            }
            query.timeZone = *tz;
        }
        query.breakdown = parser.isSet(breakdownOpt);
    } else if (pos.size() != 1) {
        m_err << "tokentally: scan takes no arguments" << Qt::endl;
        return 2;
    }

    LocalStore store;
    QString error;
    const QString dbPath = parser.isSet(dbOpt) ? parser.value(dbOpt) : LocalStore::defaultPath();
    if (!store.open(dbPath, &error)) {
        m_err << "tokentally: " << error << Qt::endl;
        return 1;
    }

    ScanStats stats;
    const bool doScan = command == u"scan" || !parser.isSet(noScanOpt);
    // A user price file changes the table's version, which re-prices the store.
    const QString priceFile =
        parser.isSet(pricesOpt) ? parser.value(pricesOpt) : defaultPriceOverridePath();
    std::optional<PriceTable> overridden;
    if (doScan && (parser.isSet(pricesOpt) || QFile::exists(priceFile))) {
        overridden = PriceTable::bundled();
        if (!overridden->loadOverrideFile(priceFile, &error)) {
            m_err << "tokentally: " << error << Qt::endl;
            return 1;
        }
    }
    if (doScan) {
        Scanner scanner = overridden ? Scanner(store, *overridden) : Scanner(store);
        if (parser.isSet(threadsOpt))
            scanner.setThreads(parser.value(threadsOpt).toInt());
        if (!scanner.scan(env, &stats, &error)) {
            m_err << "tokentally: scan failed: " << error << Qt::endl;
            return 1;
        }
    }
    if (command == u"scan") {
        const AccountingStats acc = store.accounting();
        if (parser.isSet(jsonOpt)) {
            QJsonObject scan;
            scan.insert(u"filesSeen"_s, stats.filesSeen);
            scan.insert(u"filesRead"_s, stats.filesRead);
            scan.insert(u"filesReplaced"_s, stats.filesReplaced);
            scan.insert(u"filesDeleted"_s, stats.filesDeleted);
            scan.insert(u"bytesRead"_s, qint64(stats.bytesRead));
            scan.insert(u"records"_s, qint64(stats.records));
            scan.insert(u"messagesAdded"_s, qint64(stats.countedDelta));
            scan.insert(u"malformedLines"_s, qint64(stats.malformedLines));
            scan.insert(u"fullRecompute"_s, stats.fullRecompute);
            scan.insert(u"seconds"_s, stats.seconds);
            QJsonObject root;
            root.insert(u"scan"_s, scan);
            root.insert(u"store"_s, accountingJson(acc));
            m_out << QJsonDocument(root).toJson(QJsonDocument::Indented);
        } else {
            m_out << "Scanned " << stats.filesSeen << " files (" << stats.filesRead << " read, "
                  << ReportFormatter::grouped(stats.bytesRead) << " bytes) in "
                  << QString::number(stats.seconds, 'f', 3)
                  << " s: " << ReportFormatter::grouped(stats.records) << " usage records, "
                  << (stats.countedDelta >= 0 ? "+" : "") << stats.countedDelta << " messages."
                  << Qt::endl;
            m_out << "Store: " << ReportFormatter::grouped(acc.messages) << " messages from "
                  << acc.files << " files; malformed lines skipped: " << acc.malformedLines
                  << "; duplicates dropped:";
            for (int i = 0; i < DropReasonCount; ++i) {
                if (acc.drops.byReason[size_t(i)])
                    m_out << " " << dropReasonId(DropReason(i)) << "="
                          << acc.drops.byReason[size_t(i)];
            }
            m_out << Qt::endl;
            if (!acc.unpricedModels.isEmpty())
                m_out << "Unpriced models: " << acc.unpricedModels.join(u", "_s) << Qt::endl;
        }
        return 0;
    }
    const Report report = Report::build(store, query);
    if (parser.isSet(jsonOpt))
        m_out << QString::fromUtf8(ReportFormatter::json(report));
    else if (parser.isSet(csvOpt))
        m_out << QString::fromUtf8(ReportFormatter::csv(report));
    else
        m_out << ReportFormatter::table(report);
    return 0;
}
