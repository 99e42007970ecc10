#pragma once

#include "pgconnection.h"
#include "serverstore.h"

#include <atomic>
#include <string>
#include <thread>

//! \brief ServerStore on PostgreSQL (libpq): any number of server processes
//! on one database.
//!
//! A small pool of connections per process; versioned migrations under an
//! advisory lock; parameterised, prepared statements only. A submission is
//! one call of a server-side function (one transaction, committed
//! synchronously); the device's chain is advanced by a conditional UPDATE, so
//! the database, not a process, decides which of two concurrent submissions
//! of a seq wins. Every write sends a NOTIFY (a submission's from a second
//! transaction pipelined behind it, in the same round trip); each process
//! LISTENs and tells its caches.
class PostgresServerStore final : public ServerStore
{
public:
    //! Connects to \a dsn and migrates the schema; throws StoreError (with
    //! libpq's message) when the database cannot be reached or used.
    PostgresServerStore(const std::string &dsn, int poolSize, bool listen);
    ~PostgresServerStore() override;

    static constexpr int SchemaVersion = 2;

    std::optional<UserRecord> createUser(const QString &name, const QString &tokenHash) override;
    std::optional<UserRecord> userByTokenHash(const QString &tokenHash) override;
    std::optional<UserRecord> userByName(const QString &name) override;
    QList<UserRecord> users() override;
    void setVisibility(std::int64_t userId, Visibility visibility) override;
    void setHidden(std::int64_t userId, bool hidden, const QString &reason, bool reviewed) override;
    void flagUser(std::int64_t userId, const QString &reason) override;
    void deleteUser(std::int64_t userId) override;
    std::optional<DeviceRecord> device(const QString &deviceId) override;
    bool addDevice(const DeviceRecord &device) override;
    int deviceCount(std::int64_t userId) override;
    ApplyResult applySubmission(std::int64_t userId, const QString &deviceId, std::int64_t seq,
                                const QString &prevHash, const QString &bodyHash,
                                const QList<StoredBucket> &buckets,
                                const QString &priceTableVersion, int *replaced) override;
    QMap<std::int64_t, QString> dayChecksums(const QString &deviceId,
                                             std::int64_t fromHour) override;
    QList<AggregateRow> aggregate(const AggregateQuery &query) override;
    StoreStats stats() override;
    QList<std::pair<std::int64_t, std::int64_t>> tokensPerUser(std::int64_t from,
                                                               std::int64_t to) override;
    void seedBuckets(std::int64_t userId, const QString &deviceId,
                     const QList<StoredBucket> &buckets, const QString &priceTableVersion) override;
    QString backendName() const override { return QStringLiteral("postgresql"); }

    PgPool &pool() { return m_pool; }
    //! The NOTIFY channel every process listens on.
    static constexpr const char *Channel = "tokentally_changes";

private:
    void migrate();
    //! Sends the change to other processes (inside \a db's transaction when
    //! one is open) and tells this process's listener.
    void userChanged(PgConnection &db, std::int64_t userId);
    std::string notifyPayload(const StoreChange &change) const;
    void listenLoop();

    PgPool m_pool;
    std::string m_origin; //!< Random per process: its own notifications are skipped.
    std::atomic<bool> m_stop {false};
    std::thread m_listenThread;
};
