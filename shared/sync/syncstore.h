#pragma once

#include "sync/bucketkey.h"
#include "sync/outboxentry.h"
#include "sync/syncaccount.h"
#include "wire/wirecodec.h"

#include <QHash>
#include <QList>
#include <QSet>

#include <optional>

class LocalStore;

//! \brief A bucket the client will not send, and why (the server refused it,
//! or it breaks the protocol's rules locally, e.g. an hour in the future).
struct RejectedBucket
{
    BucketKey key;
    QString reason;
};

//! \brief The sync tables of the local store (schema step 2): the account and
//! its chain, the outbox, the keys ever sent and the rows the server refused.
//!
//! Every method that changes more than one table does it in one transaction,
//! so a kill at any moment leaves either the old or the new state.
class SyncStore
{
public:
    explicit SyncStore(LocalStore &store);

    std::optional<SyncAccount> account();
    //! A new sign-in: replaces any account and forgets the keys sent and
    //! refused for the previous device (the outbox stays: it is history).
    bool startAccount(const SyncAccount &account);
    //! Sign-out: forgets the account, sent keys and refused rows.
    bool forgetAccount();
    bool setVisibility(const QString &visibility);
    bool setSignedOut(bool signedOut);
    //! Records how the last submit went. \a success also sets lastSuccessMs.
    bool recordAttempt(std::int64_t nowMs, const QString &result, const QString &error,
                       bool success);

    //! Takes the server's chain position (after a 409, or after a kill left a
    //! body unanswered). A Sending body whose hash is the server's last hash
    //! was accepted: it is marked so; other Sending bodies become Interrupted.
    bool adoptServerChain(std::int64_t seq, const QString &lastHash, std::int64_t nowMs);

    //! Writes \a entry (state Sending) and remembers its buckets' keys as sent,
    //! before the request leaves. Returns the outbox id, or 0 on failure.
    std::int64_t queueBody(const OutboxEntry &entry, const QList<WireBucket> &buckets);
    //! The server accepted body \a id: advances the chain to (\a seq, \a bodyHash),
    //! stores the answer and the rows it refused, all in one transaction.
    bool recordAccepted(std::int64_t id, std::int64_t seq, const QString &bodyHash, int httpStatus,
                        const QString &answer, std::int64_t nowMs,
                        const QList<RejectedBucket> &refused);
    //! Any other outcome of body \a id.
    bool recordOutcome(std::int64_t id, OutboxEntry::State state, int httpStatus,
                       const QString &answer, std::int64_t nowMs);
    //! Remembers rows the server refused outside a 200 answer (a 400 naming a bucket).
    bool rememberRefused(const QList<RejectedBucket> &refused, std::int64_t nowMs);
    //! Forgets refused rows so the next submit offers them again.
    bool forgetRefused();

    //! Newest first; \a limit 0: all. Bodies are loaded only with \a withBodies.
    QList<OutboxEntry> outbox(int limit = 0, bool withBodies = true);
    std::optional<OutboxEntry> outboxEntry(std::int64_t id);

    //! The server's checksum per UTC day ("YYYY-MM-DD") as last known.
    QHash<QString, QString> serverDays();
    //! Replaces what serverDays() returns.
    bool setServerDays(const QHash<QString, QString> &days);

    QSet<BucketKey> sentKeys();
    QList<RejectedBucket> refusedRows();

    //! The device's rows as the server would hold them: one per (hour, agent,
    //! model) over every session, counted messages only.
    QList<WireBucket> hourlyBuckets();

private:
    LocalStore &m_store;
};
