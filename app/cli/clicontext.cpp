#include "clicontext.h"

#include "core/agent.h"
#include "ledger/scanner.h"
#include "ledger/scanservice.h"
#include "pricing/pricetable.h"
#include "sources/sourceenvironment.h"
#include "store/localstore.h"

#include <QDateTime>
#include <QFile>
#include <QLoggingCategory>
#include <QStandardPaths>
#include <QTimeZone>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcCli, "tokentally.cli", QtInfoMsg)

CliContext::CliContext(const QCommandLineParser &parser, QTextStream &out, QTextStream &err)
    : m_parser(parser)
    , m_out(out)
    , m_err(err)
{
}

QStringList CliContext::arguments() const
{
    return m_parser.positionalArguments().mid(1);
}

int CliContext::usageError(const QString &message)
{
    m_err << "tokentally: " << message << Qt::endl;
    return 2;
}

int CliContext::failure(const QString &message)
{
    m_err << "tokentally: " << message << Qt::endl;
    return 1;
}

QString CliContext::storePath() const
{
    return m_parser.isSet(u"db"_s) ? m_parser.value(u"db"_s) : LocalStore::defaultPath();
}

bool CliContext::openStore(LocalStore &store)
{
    QString error;
    if (store.open(storePath(), &error))
        return true;
    failure(error);
    return false;
}

std::optional<SourceEnvironment> CliContext::sourceEnvironment()
{
    SourceEnvironment env = SourceEnvironment::fromProcess();
    for (const QString &spec : m_parser.values(u"data-dir"_s)) {
        const qsizetype eq = spec.indexOf(u'=');
        const auto agent = eq > 0 ? agentFromId(spec.left(eq)) : std::nullopt;
        if (!agent) {
            usageError(u"--data-dir wants AGENT=PATH, got "_s + spec);
            return std::nullopt;
        }
        env.extraDirs[*agent] << spec.mid(eq + 1);
    }
    return env;
}

bool CliContext::validateScanOptions()
{
    if (!sourceEnvironment())
        return false;
    if (m_parser.isSet(u"threads"_s)) {
        bool ok = false;
        const int threads = m_parser.value(u"threads"_s).toInt(&ok);
        if (!ok || threads < 1 || threads > 256) {
            usageError(u"--threads wants a number from 1 to 256, got "_s +
                       m_parser.value(u"threads"_s));
            return false;
        }
    }
    return true;
}

bool CliContext::scan(LocalStore &store, ScanStats *stats, bool quiet)
{
    return runScan(store, nullptr, stats, quiet);
}

bool CliContext::scanPaths(LocalStore &store, const QStringList &paths, ScanStats *stats,
                           bool quiet)
{
    return runScan(store, &paths, stats, quiet);
}

bool CliContext::syncOrScan(LocalStore &store, ScanStats *stats, bool quiet)
{
    // A `scan --watch` serving this store knows what changed: asking it costs a
    // round trip instead of a walk of every file.
    const auto env = sourceEnvironment();
    if (!env)
        return false;
    const QByteArray fingerprint = ScanService::fingerprint(*env, priceFilePath());
    const auto result = ScanService::sync(store.path(), fingerprint, ServiceTimeoutMs);
    if (result == ScanService::SyncResult::Synced) {
        qCDebug(lcCli) << "synced with the scan service";
        return true;
    }
    if (result != ScanService::SyncResult::NotRunning)
        qCDebug(lcCli) << "the scan service did not sync (" << int(result) << "): scanning";
    return scan(store, stats, quiet);
}

ScanService::ScanFunction CliContext::scanFunction(LocalStore &store)
{
    return [this, &store](const QStringList *paths, QString *error) {
        ScanStats stats;
        return scanWith(store, paths, &stats, error);
    };
}

QString CliContext::priceFilePath() const
{
    return m_parser.isSet(u"prices"_s) ? m_parser.value(u"prices"_s) : defaultPriceOverridePath();
}

bool CliContext::runScan(LocalStore &store, const QStringList *paths, ScanStats *stats, bool quiet)
{
    QString error;
    if (scanWith(store, paths, stats, &error))
        return true;
    if (!quiet && !error.isEmpty())
        failure(error);
    return false;
}

bool CliContext::scanWith(LocalStore &store, const QStringList *paths, ScanStats *stats,
                          QString *error)
{
    const auto env = sourceEnvironment();
    if (!env)
        return false;
    // A user price file changes the table's version, which re-prices the store.
    const bool explicitPrices = m_parser.isSet(u"prices"_s);
    const QString priceFile = priceFilePath();
    std::optional<PriceTable> overridden;
    if (explicitPrices || QFile::exists(priceFile)) {
        overridden = PriceTable::bundled();
        if (!overridden->loadOverrideFile(priceFile, error))
            return false;
    }
    Scanner scanner = overridden ? Scanner(store, *overridden) : Scanner(store);
    if (m_parser.isSet(u"threads"_s))
        scanner.setThreads(m_parser.value(u"threads"_s).toInt());
    QString scanError;
    const bool ok = paths ? scanner.scanPaths(*env, *paths, stats, &scanError)
                          : scanner.scan(*env, stats, &scanError);
    if (!ok && error)
        *error = u"scan failed: "_s + scanError;
    return ok;
}

QString CliContext::defaultPriceOverridePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
        u"/tokentally/prices.json"_s;
}

QString CliContext::isoTime(std::int64_t ms)
{
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate) : QString();
}

QString CliContext::agentList()
{
    QStringList ids;
    for (int i = 0; i < AgentCount; ++i)
        ids << agentId(Agent(i));
    return ids.join(u", "_s);
}
