#pragma once

#include "sources/sourceenvironment.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <functional>

class QTextStream;

//! \brief Keeps a store current while the agents write (`tokentally scan
//! --watch`), and answers other processes' "sync" requests, so that a report or
//! a statusline need not walk thousands of files to know nothing changed.
//!
//! Exact, not a cache: every directory of the agents' trees is watched with
//! inotify; a write to a file queues its event before the write returns, and a
//! request is answered only after every event queued before it was applied
//! (the changed files are read through the same Scanner). A new or vanished
//! directory, a root that appears, or an event overflow makes it walk and scan
//! everything again. Paths stay in this process's memory, never in the store.
//!
//! Requests arrive on a Unix socket named after the store (in $XDG_RUNTIME_DIR,
//! else a private folder in /tmp); a client whose environment differs (other
//! roots, another price file) is told so and scans by itself. Linux only; on
//! other systems, run() fails and sync() answers NotRunning.
class ScanService
{
public:
    //! Scans \a paths, or everything when null; false with \a error on failure.
    using ScanFunction = std::function<bool(const QStringList *paths, QString *error)>;

    ScanService(QString storePath, SourceEnvironment env, QByteArray fingerprint,
                ScanFunction scan);
    ~ScanService();
    ScanService(const ScanService &) = delete;
    ScanService &operator=(const ScanService &) = delete;

    //! \brief Serves until SIGINT or SIGTERM, or \a idleExitSeconds (> 0) without
    //! a request; returns the exit code. Progress lines go to \a log.
    int run(QTextStream &log, int idleExitSeconds);

    enum class SyncResult {
        Synced, //!< the store holds everything written before the request
        NotRunning, //!< nobody serves this store
        Mismatch, //!< the service reads other roots or prices: scan by yourself
        Failed, //!< it did not answer in time, or could not scan
    };
    //! \brief Asks the service of \a storePath, if one runs, to bring the store
    //! up to date; waits at most \a timeoutMs.
    static SyncResult sync(const QString &storePath, const QByteArray &fingerprint, int timeoutMs);
    //! \brief What a scan reads: the canonical roots and the price file.
    static QByteArray fingerprint(const SourceEnvironment &env, const QString &priceFile);
    static QString socketPath(const QString &storePath);

private:
    struct State;
    State *m_state;
};
