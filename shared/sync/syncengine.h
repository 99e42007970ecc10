#pragma once

#include "sync/syncstore.h"
#include "sync/synctransport.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <cstdint>
#include <functional>
#include <memory>

class LocalStore;

//! \brief The secrets a submit needs; read from the OS keyring by the caller.
struct SyncCredentials
{
    QString token;
    QByteArray privateKey; //!< Raw 32-byte Ed25519 seed.
};

//! \brief How a submit went.
struct SubmitResult
{
    enum class Outcome {
        Sent, //!< Every changed day is on the server now.
        NothingToSend, //!< The server already holds exactly the local totals.
        DryRun, //!< Bodies built, nothing sent.
        NotSignedIn,
        SignedOut, //!< 401: the token no longer works.
        Offline, //!< No HTTP answer: queued until the network returns.
        RateLimited, //!< 429: retry after retryAfterSeconds.
        Refused, //!< 403/404/413: the server will not take this device's bodies.
        ServerError, //!< 5xx.
        Conflict, //!< 409 again and again: another client keeps moving the chain.
        StoreError,
    };

    Outcome outcome = Outcome::NothingToSend;
    int bodiesSent = 0;
    int bucketsSent = 0;
    int daysSent = 0;
    //! Rows not on the server and why (held back locally, or refused by it).
    QList<RejectedBucket> rejected;
    QList<QByteArray> dryRunBodies;
    QString error;
    int retryAfterSeconds = -1;
    int requests = 0; //!< HTTP requests made.

    bool ok() const
    {
        return outcome == Outcome::Sent || outcome == Outcome::NothingToSend ||
            outcome == Outcome::DryRun;
    }
    //! Worth retrying by itself later (network, rate limit, server trouble).
    bool transient() const
    {
        return outcome == Outcome::Offline || outcome == Outcome::RateLimited ||
            outcome == Outcome::ServerError || outcome == Outcome::Conflict;
    }
    //! "sent", "nothing to send", "offline", ... (stable, for status and JSON).
    static QString outcomeName(Outcome outcome);
};

//! \brief Submits the store's hourly buckets to the account's server
//! (DESIGN.md §4): asks for the server's per-day checksums, sends only the
//! days that differ, in signed bodies of at most 500 buckets, and records
//! every body in the outbox before it leaves.
//!
//! Kill-safe: a body is written to the outbox (state "sending") before the
//! request; the chain moves only in the transaction that records the server's
//! acceptance; the next submit starts from the server's own chain position.
//! Rows replace rows on the server, so nothing is ever counted twice.
class SyncEngine
{
public:
    SyncEngine(LocalStore &store, SyncTransport &transport);
    ~SyncEngine();

    //! Milliseconds since the epoch; tests and benchmarks may replace it.
    void setClock(std::function<std::int64_t()> nowMs);

    //! Runs one submit. With \a dryRun nothing is sent or recorded: the
    //! bodies are returned (without an account: every local day, as a first
    //! submit would send them). \a done runs once, on this thread.
    void submit(const SyncCredentials &credentials, bool dryRun,
                std::function<void(const SubmitResult &)> done);

private:
    struct Run;
    void fetchChecksums(const std::shared_ptr<Run> &run);
    void planBodies(const std::shared_ptr<Run> &run, const SyncReply &reply);
    void sendNext(const std::shared_ptr<Run> &run);
    void onSubmitted(const std::shared_ptr<Run> &run, const SyncReply &reply);
    //! Records the server's day checksums as they stand after this run.
    void rememberServerDays(const std::shared_ptr<Run> &run);
    void finish(const std::shared_ptr<Run> &run, SubmitResult::Outcome outcome,
                const QString &error = {});
    //! Fails the run for an answer that is neither 200 nor a retry case.
    void failFor(const std::shared_ptr<Run> &run, const SyncReply &reply);

    LocalStore &m_local;
    SyncStore m_store;
    SyncTransport &m_transport;
    std::function<std::int64_t()> m_now;
};
