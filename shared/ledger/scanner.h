#pragma once

#include "sources/sourceenvironment.h"
#include "sources/sourcefile.h"

#include <QString>
#include <QStringList>

#include <cstdint>
#include <functional>
#include <vector>

class LocalStore;
struct FileUpdate;
class PriceTable;

//! \brief Figures of one scan, for the CLI, the tray's progress and benchmarks.
struct ScanStats
{
    int filesSeen = 0;
    int filesRead = 0; //!< files with new bytes, new or rewritten (a database: opened)
    int filesReplaced = 0; //!< read again from the start (truncated, rewritten)
    int filesDeleted = 0;
    std::int64_t bytesRead = 0; //!< log bytes, plus the JSON of database rows read
    std::int64_t rowsRead = 0; //!< database rows parsed (new or changed ones only)
    std::int64_t records = 0;
    std::int64_t countedDelta = 0;
    std::int64_t malformedLines = 0;
    bool fullRecompute = false;
    double seconds = 0;
};

//! \brief One incremental scan: discover files, read only what changed (in
//! parallel), apply through the Ledger in one transaction while the parsers run.
class Scanner
{
public:
    //! Records dated more than this after the scan are dropped (DropReason::FutureTimestamp).
    static constexpr std::int64_t FutureToleranceMs = 24 * 3600 * 1000;

    Scanner(LocalStore &store, const PriceTable &prices);
    //! \brief Uses PriceTable::bundled(), loaded only when there is something to price.
    explicit Scanner(LocalStore &store);

    void setThreads(int threads) { m_threads = threads; }
    //! Called from worker threads with (files done, files to read).
    void setProgressCallback(std::function<void(int, int)> cb) { m_progress = std::move(cb); }

    //! \brief Scans every file of the environment.
    bool scan(const SourceEnvironment &env, ScanStats *stats, QString *error);
    //! \brief Scans only \a paths (files under the environment's roots; others
    //! are ignored), such as the transcript a statusline names: no walk of the
    //! trees. A path that is gone is marked deleted, keeping its history.
    bool scanPaths(const SourceEnvironment &env, const QStringList &paths, ScanStats *stats,
                   QString *error);

    //! \brief The identity under which a path is stored (paths themselves never are).
    static std::uint64_t pathHash(const QString &path);

private:
    struct Plan;
    const PriceTable &prices() const;
    bool run(Plan &plan, ScanStats &stats, QString *error);

    LocalStore &m_store;
    const PriceTable *m_prices = nullptr;
    int m_threads = 0;
    std::function<void(int, int)> m_progress;
};
