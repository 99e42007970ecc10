#pragma once

#include "sources/sourceenvironment.h"

#include <QString>

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
    int filesRead = 0; //!< files with new bytes, new or rewritten
    int filesReplaced = 0;
    int filesDeleted = 0;
    std::int64_t bytesRead = 0;
    std::int64_t records = 0;
    std::int64_t countedDelta = 0;
    std::int64_t malformedLines = 0;
    bool fullRecompute = false;
    double seconds = 0;
};

//! \brief One incremental scan: discover files, read only what changed (in
//! parallel), apply through the Ledger in one transaction.
class Scanner
{
public:
    Scanner(LocalStore &store, const PriceTable &prices);
    //! \brief Uses PriceTable::bundled(), loaded only when there is something to price.
    explicit Scanner(LocalStore &store);

    void setThreads(int threads) { m_threads = threads; }
    //! Called from worker threads with (files done, files to read).
    void setProgressCallback(std::function<void(int, int)> cb) { m_progress = std::move(cb); }

    bool scan(const SourceEnvironment &env, ScanStats *stats, QString *error);

    //! \brief The identity under which a path is stored (paths themselves never are).
    static std::uint64_t pathHash(const QString &path);

private:
    LocalStore &m_store;
    const PriceTable &prices() const;
    bool priceRecords(std::vector<FileUpdate> &updates, const QString &fingerprint,
                      QString *loadedVersion, QString *error);

    const PriceTable *m_prices = nullptr;
    int m_threads = 0;
    std::function<void(int, int)> m_progress;
};
