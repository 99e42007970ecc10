#include "scancommand.h"

#include "cli/clicontext.h"
#include "ledger/scanner.h"
#include "ledger/scanservice.h"
#include "report/reportformatter.h"
#include "store/localstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace {

QJsonObject accountingJson(const AccountingStats &a)
{
    QJsonObject drops;
    for (int i = 0; i < DropReasonCount; ++i)
        drops.insert(dropReasonId(DropReason(i)), qint64(a.drops.byReason[size_t(i)]));
    QJsonObject malformed;
    for (int i = 0; i < MalformedReasonCount; ++i)
        malformed.insert(malformedReasonId(MalformedReason(i)),
                         qint64(a.malformed.byReason[size_t(i)]));
    QJsonObject o;
    o.insert(u"files"_s, qint64(a.files));
    o.insert(u"deletedFiles"_s, qint64(a.deletedFiles));
    o.insert(u"bytesRead"_s, qint64(a.bytesRead));
    o.insert(u"linesRead"_s, qint64(a.linesRead));
    o.insert(u"malformedLines"_s, qint64(a.malformedLines));
    o.insert(u"malformed"_s, malformed);
    o.insert(u"pendingBytes"_s, qint64(a.pendingBytes));
    o.insert(u"records"_s, qint64(a.records));
    o.insert(u"messages"_s, qint64(a.messages));
    o.insert(u"dropped"_s, drops);
    o.insert(u"unpricedModels"_s, QJsonArray::fromStringList(a.unpricedModels));
    o.insert(u"priceTableVersion"_s, a.priceTableVersion);
    return o;
}

} // namespace

QString ScanCommand::name() const
{
    return u"scan"_s;
}

QString ScanCommand::summary() const
{
    return u"read new usage from the agents' files into the store"_s;
}

QString ScanCommand::description() const
{
    return u"With --watch it keeps running: the store follows the agents' writes (inotify), "
           "and `report` and `statusline` ask it instead of walking every file, exactly as "
           "fresh (Linux; stop it with Ctrl-C or SIGTERM)."_s;
}

QList<QCommandLineOption> ScanCommand::options() const
{
    return {QCommandLineOption(u"json"_s, u"Print JSON."_s),
            QCommandLineOption(u"watch"_s,
                               u"Keep the store current and serve report and statusline."_s),
            QCommandLineOption(u"idle-exit"_s,
                               u"With --watch: stop after this many minutes without a request."_s,
                               u"minutes"_s)};
}

int ScanCommand::run(CliContext &context)
{
    if (!context.arguments().isEmpty())
        return context.usageError(u"scan takes no arguments"_s);
    if (!context.validateScanOptions())
        return 2;
    int idleMinutes = 0;
    if (context.isSet(u"idle-exit"_s)) {
        bool ok = false;
        idleMinutes = context.value(u"idle-exit"_s).toInt(&ok);
        if (!ok || idleMinutes < 1 || !context.isSet(u"watch"_s))
            return context.usageError(u"--idle-exit wants --watch and a number of minutes"_s);
    }
    LocalStore store;
    if (!context.openStore(store))
        return 1;
    if (context.isSet(u"watch"_s)) {
        const auto env = context.sourceEnvironment();
        ScanService service(store.path(), *env,
                            ScanService::fingerprint(*env, context.priceFilePath()),
                            context.scanFunction(store));
        return service.run(context.err(), idleMinutes * 60);
    }
    ScanStats stats;
    if (!context.scan(store, &stats))
        return 1;
    const AccountingStats acc = store.accounting();
    QTextStream &out = context.out();
    if (context.isSet(u"json"_s)) {
        QJsonObject scan;
        scan.insert(u"filesSeen"_s, stats.filesSeen);
        scan.insert(u"filesRead"_s, stats.filesRead);
        scan.insert(u"filesReplaced"_s, stats.filesReplaced);
        scan.insert(u"filesDeleted"_s, stats.filesDeleted);
        scan.insert(u"bytesRead"_s, qint64(stats.bytesRead));
        scan.insert(u"rowsRead"_s, qint64(stats.rowsRead));
        scan.insert(u"records"_s, qint64(stats.records));
        scan.insert(u"messagesAdded"_s, qint64(stats.countedDelta));
        scan.insert(u"malformedLines"_s, qint64(stats.malformedLines));
        scan.insert(u"fullRecompute"_s, stats.fullRecompute);
        scan.insert(u"seconds"_s, stats.seconds);
        QJsonObject root;
        root.insert(u"scan"_s, scan);
        root.insert(u"store"_s, accountingJson(acc));
        out << QJsonDocument(root).toJson(QJsonDocument::Indented);
        return 0;
    }
    out << "Scanned " << stats.filesSeen << " files (" << stats.filesRead << " read, "
        << ReportFormatter::grouped(stats.bytesRead) << " bytes) in "
        << QString::number(stats.seconds, 'f', 3)
        << " s: " << ReportFormatter::grouped(stats.records) << " usage records, "
        << (stats.countedDelta >= 0 ? "+" : "") << stats.countedDelta << " messages." << Qt::endl;
    out << "Store: " << ReportFormatter::grouped(acc.messages) << " messages from " << acc.files
        << " files; not counted:";
    for (int i = 0; i < DropReasonCount; ++i) {
        if (acc.drops.byReason[size_t(i)])
            out << " " << dropReasonId(DropReason(i)) << "=" << acc.drops.byReason[size_t(i)];
    }
    out << Qt::endl;
    out << ReportFormatter::skippedLine({acc.malformed, acc.drops[DropReason::FutureTimestamp]})
        << Qt::endl;
    if (!acc.unpricedModels.isEmpty())
        out << "Unpriced models: " << acc.unpricedModels.join(u", "_s) << Qt::endl;
    return 0;
}
