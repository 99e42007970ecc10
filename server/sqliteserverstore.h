#pragma once

#include "serverstore.h"

#include <QString>

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>
#include <unordered_map>

struct sqlite3;
class SqliteConnection;

//! \brief ServerStore on one SQLite file (WAL, migrations by user_version).
//!
//! Each thread gets its own connection, opened on first use; SQLite's WAL lets
//! readers run beside the one writer.
class SqliteServerStore final : public ServerStore
{
public:
    //! Opens (creating and migrating) the database at \a path. Check isOpen().
    explicit SqliteServerStore(const QString &path);
    ~SqliteServerStore() override;

    bool isOpen() const { return m_error.isEmpty(); }
    QString errorString() const { return m_error; }
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
    std::int64_t generation() override { return m_generation.load(); }

    //! \brief Bulk insert for seeding benchmarks and page tests: one
    //! transaction, no chain checks. Creates the user's device if needed.
    void seedBuckets(std::int64_t userId, const QString &deviceId,
                     const QList<StoredBucket> &buckets, const QString &priceTableVersion);

private:
    SqliteConnection &connection();
    //! The one connection all writes use (under m_writeMutex): its page cache
    //! stays warm for the write path.
    SqliteConnection &writer();
    std::unique_ptr<SqliteConnection> m_writer;
    bool migrate(SqliteConnection &db);
    //! Checkpoints the WAL in the background after writes (until destruction).
    void checkpointLoop();
    void bump() { ++m_generation; }

    QString m_path;
    QString m_error;
    std::mutex m_mutex;
    //! Writers queue here rather than in SQLite's busy handler, which backs
    //! off with sleeps and wastes most of the time under contention.
    std::mutex m_writeMutex;
    std::unordered_map<std::thread::id, std::unique_ptr<SqliteConnection>> m_connections;
    std::atomic<std::int64_t> m_generation {1};
    std::mutex m_checkpointMutex;
    std::condition_variable m_checkpointWake;
    bool m_checkpointStop = false;
    std::thread m_checkpointThread;
};
