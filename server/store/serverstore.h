#pragma once

#include "core/tokencounts.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>

#include <atomic>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <stdexcept>

enum class Visibility : int {
    Private = 0,
    Unlisted = 1,
    Public = 2,
};

//! "private", "unlisted", "public": the API's and the admin list's words.
inline QString visibilityName(Visibility v)
{
    switch (v) {
    case Visibility::Private:
        break;
    case Visibility::Unlisted:
        return QStringLiteral("unlisted");
    case Visibility::Public:
        return QStringLiteral("public");
    }
    return QStringLiteral("private");
}

struct UserRecord
{
    std::int64_t id = 0;
    QString name;
    Visibility visibility = Visibility::Private;
    bool hidden = false; //!< Held back from boards by a review flag.
    bool reviewed = false; //!< An admin cleared it: automatic flags leave it alone.
    QString flagReason;
    std::int64_t created = 0;
};

struct DeviceRecord
{
    QString deviceId;
    std::int64_t userId = 0;
    QByteArray publicKey; //!< Raw 32-byte Ed25519 key.
    QString label;
    std::int64_t seq = 0; //!< Last accepted seq (0: none yet).
    QString lastHash; //!< SHA-256 hex of the last accepted body.
};

//! One bucket as stored: the wire bucket plus the server's own price.
struct StoredBucket
{
    std::int64_t hour = 0;
    QString agent;
    QString model;
    TokenCounts tokens;
    std::int64_t messages = 0;
    std::int64_t sessions = 0;
    std::optional<double> cost;
};

//! A UTC offset that applies from \a from (seconds since epoch) on.
struct OffsetSpan
{
    std::int64_t from = 0;
    int offset = 0;
};

//! \brief What to add up and how to group it.
struct AggregateQuery
{
    std::int64_t from = 0; //!< First UTC hour included.
    std::int64_t to = 0; //!< First UTC hour excluded.
    //! Offsets of the viewer's time zone over [from, to), oldest first, for
    //! grouping by local day; the first span's \c from is ignored.
    QList<OffsetSpan> offsets;
    QString agent; //!< Only this agent when set.
    std::optional<std::int64_t> user; //!< Only this user when set.
    QList<std::int64_t> users; //!< Only these users when not empty (cache patches).
    bool boardOnly = false; //!< Only public, unhidden users.
    bool byUser = true;
    bool byDay = false;
    bool byModel = false;
    bool byAgent = false;
};

struct AggregateRow
{
    std::int64_t userId = 0;
    QString userName;
    std::int64_t day = 0; //!< Local days since 1970-01-01 (byDay only).
    QString model;
    QString agent;
    TokenCounts tokens;
    std::int64_t messages = 0;
    std::int64_t sessions = 0;
    double cost = 0;
    std::int64_t unpricedTokens = 0;
};

struct StoreStats
{
    std::int64_t users = 0;
    std::int64_t publicUsers = 0;
    std::int64_t devices = 0;
    std::int64_t buckets = 0;
    std::int64_t submissions = 0;
    std::int64_t tokens = 0;
    double cost = 0;
};

//! \brief A committed write, as caches need to know it: what to recompute.
struct StoreChange
{
    enum class Kind {
        Buckets, //!< A user's rows in [fromHour, toHour] changed.
        User, //!< A user's name, visibility, review state or existence changed.
        All, //!< Unknown scope (a lost notification): drop everything.
    };
    Kind kind = Kind::All;
    std::int64_t userId = 0;
    std::int64_t fromHour = 0;
    std::int64_t toHour = 0;
    bool onBoards = true; //!< Buckets: the user is public and not hidden.

    //! "kind|user|from|to|board", the payload of cross-process notifications.
    QByteArray encode() const;
    static std::optional<StoreChange> decode(const QByteArray &text);
};

//! \brief A failed storage operation. \c unavailable: the database cannot be
//! reached (the routes answer 503 and retry on the next request).
class StoreError : public std::runtime_error
{
public:
    explicit StoreError(const std::string &what, bool unavailable = false)
        : std::runtime_error(what)
        , m_unavailable(unavailable)
    {
    }
    bool unavailable() const { return m_unavailable; }

private:
    bool m_unavailable;
};

//! \brief Everything the routes need from storage, and nothing more, so that a
//! PostgreSQL backend can follow without touching the routes.
//!
//! Implementations are safe to call from many threads at once.
class ServerStore
{
public:
    enum class ApplyResult {
        Applied,
        ChainMismatch, //!< seq or prevHash no longer match (a concurrent submission won).
    };

    virtual ~ServerStore() = default;

    //! Creates a user; nothing if the name is taken (case-insensitive).
    virtual std::optional<UserRecord> createUser(const QString &name, const QString &tokenHash) = 0;
    virtual std::optional<UserRecord> userByTokenHash(const QString &tokenHash) = 0;
    virtual std::optional<UserRecord> userByName(const QString &name) = 0;
    virtual QList<UserRecord> users() = 0;
    virtual void setVisibility(std::int64_t userId, Visibility visibility) = 0;
    //! Hides a user from boards (\a hidden) with a reason, or clears the flag;
    //! \a reviewed marks an admin decision that automatic flags must respect.
    virtual void setHidden(std::int64_t userId, bool hidden, const QString &reason,
                           bool reviewed) = 0;
    //! Hides a user for an automatic review \a reason unless an admin has
    //! reviewed them or they are hidden already.
    virtual void flagUser(std::int64_t userId, const QString &reason) = 0;
    //! Deletes the user and all their devices, buckets and chain records.
    virtual void deleteUser(std::int64_t userId) = 0;

    virtual std::optional<DeviceRecord> device(const QString &deviceId) = 0;
    //! Adds a device; false if the id is taken.
    virtual bool addDevice(const DeviceRecord &device) = 0;
    virtual int deviceCount(std::int64_t userId) = 0;

    //! Atomically checks that the device is still at (\a seq - 1, \a prevHash),
    //! replaces the rows of \a buckets, advances the chain to (\a seq,
    //! \a bodyHash) and records the submission. \a replaced counts rows that
    //! existed with different numbers (history rewrites, kept in the chain log).
    virtual ApplyResult applySubmission(std::int64_t userId, const QString &deviceId,
                                        std::int64_t seq, const QString &prevHash,
                                        const QString &bodyHash, const QList<StoredBucket> &buckets,
                                        const QString &priceTableVersion, int *replaced) = 0;
    //! SHA-256 per UTC day (days since epoch) of a device's rows from \a fromHour on.
    virtual QMap<std::int64_t, QString> dayChecksums(const QString &deviceId,
                                                     std::int64_t fromHour) = 0;

    virtual QList<AggregateRow> aggregate(const AggregateQuery &query) = 0;
    virtual StoreStats stats() = 0;
    //! \brief Bulk insert for seeding benchmarks and page tests: one
    //! transaction, no chain checks. Creates the user's device if needed.
    virtual void seedBuckets(std::int64_t userId, const QString &deviceId,
                             const QList<StoredBucket> &buckets,
                             const QString &priceTableVersion) = 0;
    //! Total tokens per user over [from, to) for the outlier review.
    virtual QList<std::pair<std::int64_t, std::int64_t>> tokensPerUser(std::int64_t from,
                                                                       std::int64_t to) = 0;
    //! Counts writes seen by this process (its own and other processes').
    std::int64_t generation() const { return m_generation.load(); }
    //! \brief Called after every committed write of this process (on the
    //! writing thread, before the write returns) and for other processes'
    //! writes (on a watcher thread, within a second). Set once, before serving.
    void setChangeListener(std::function<void(const StoreChange &)> listener)
    {
        std::lock_guard lock(m_listenerMutex);
        m_listener = std::move(listener);
    }
    //! "sqlite" or "postgresql".
    virtual QString backendName() const = 0;

protected:
    void changed(const StoreChange &change)
    {
        ++m_generation;
        std::function<void(const StoreChange &)> listener;
        {
            std::lock_guard lock(m_listenerMutex);
            listener = m_listener;
        }
        if (listener)
            listener(change);
    }

private:
    std::atomic<std::int64_t> m_generation {1};
    std::mutex m_listenerMutex;
    std::function<void(const StoreChange &)> m_listener;
};
