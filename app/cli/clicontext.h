#pragma once

#include "ledger/scanservice.h"

#include <QCommandLineParser>
#include <QString>
#include <QStringList>
#include <QTextStream>

#include <cstdint>
#include <optional>

class LocalStore;
struct ScanStats;
struct SourceEnvironment;

//! \brief What a CliCommand runs with: the parsed command line, the output
//! streams, and the steps several commands share (open the store, scan).
class CliContext
{
public:
    CliContext(const QCommandLineParser &parser, QTextStream &out, QTextStream &err);

    QTextStream &out() { return m_out; }
    QTextStream &err() { return m_err; }

    //! Positional arguments after the command's name.
    QStringList arguments() const;
    bool isSet(const QString &option) const { return m_parser.isSet(option); }
    QString value(const QString &option) const { return m_parser.value(option); }
    QStringList values(const QString &option) const { return m_parser.values(option); }

    //! Prints "tokentally: \a message" to stderr; returns 2 (bad usage).
    int usageError(const QString &message);
    //! Prints "tokentally: \a message" to stderr; returns 1 (the command failed).
    int failure(const QString &message);

    //! --db, or the default store path.
    QString storePath() const;
    //! Opens the store at storePath(); prints the error and returns false on failure.
    bool openStore(LocalStore &store);
    //! The process environment plus --data-dir entries; nothing (and an error
    //! printed) when a --data-dir entry is malformed.
    std::optional<SourceEnvironment> sourceEnvironment();
    //! Reads new usage into \a store, honouring --data-dir, --prices and
    //! --threads. Prints the error and returns false on failure.
    bool scan(LocalStore &store, ScanStats *stats, bool quiet = false);
    //! As scan(), but only the files \a paths (no walk of the agents' trees);
    //! \a quiet: no error printed (a statusline shows what is stored instead).
    bool scanPaths(LocalStore &store, const QStringList &paths, ScanStats *stats,
                   bool quiet = false);
    //! As scan(), through the `scan --watch` serving the store when one runs
    //! (then \a stats stay empty: it read the changes as they came).
    bool syncOrScan(LocalStore &store, ScanStats *stats, bool quiet = false);
    //! What `scan --watch` scans with: these options, this store.
    ScanService::ScanFunction scanFunction(LocalStore &store);
    //! --prices, or the default price file (which may not exist).
    QString priceFilePath() const;
    //! Checks every --data-dir and --prices value without scanning; false (and
    //! the error printed) when one is bad.
    bool validateScanOptions();

    static QString defaultPriceOverridePath();
    //! "2026-11-30T16:05:00Z" for milliseconds since the epoch; empty for 0.
    static QString isoTime(std::int64_t ms);
    //! "claude-code, codex, ..." for messages.
    static QString agentList();

    static constexpr int ServiceTimeoutMs = 5000;

private:
    bool runScan(LocalStore &store, const QStringList *paths, ScanStats *stats, bool quiet);
    bool scanWith(LocalStore &store, const QStringList *paths, ScanStats *stats, QString *error);

    const QCommandLineParser &m_parser;
    QTextStream &m_out;
    QTextStream &m_err;
};
