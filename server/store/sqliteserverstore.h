#pragma once

#include "serverstore.h"

#include <QString>

#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

class Database;

//! \brief ServerStore on one SQLite file (WAL, migrations by user_version).
//!
//! Reads borrow a connection from a small pool for one call; SQLite's WAL lets
//! them run beside the one writer. Other processes on the same file are
//! the admin commands: they log their changes in a table that the serving
//! process reads twice a second.
class SqliteServerStore final : public ServerStore
{
public:
    enum class Role {
        Server, //!< Watches the change log written by admin commands.
        Admin, //!< Logs its changes for running servers.
    };

    //! Opens (creating and migrating) the database at \a path. Check isOpen().
    explicit SqliteServerStore(const QString &path, Role role = Role::Server);
    ~SqliteServerStore() override;

    bool isOpen() const { return m_error.isEmpty(); }
    QString errorString() const { return m_error; }
    static constexpr int SchemaVersion = 3;

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
    QString backendName() const override { return QStringLiteral("sqlite"); }

private:
    //! A reader connection borrowed for one call; it goes back to the pool
    //! (most recently used first, so its cache stays warm) when this goes.
    class Lease
    {
    public:
        Lease(SqliteServerStore &store, std::unique_ptr<Database> db);
        ~Lease();
        Lease(const Lease &) = delete;
        Lease &operator=(const Lease &) = delete;
        Database &operator*() const { return *m_db; }

    private:
        SqliteServerStore &m_store;
        std::unique_ptr<Database> m_db;
    };
    Lease connection();
    //! The one connection all writes use (under m_writeMutex): its page cache
    //! stays warm for the write path.
    Database &writer();
    std::unique_ptr<Database> openDatabase();
    //! Checkpoints the WAL after writes and reads the admin change log.
    void backgroundLoop(std::int64_t lastChange);
    //! Tells the listener, and (admin role) running servers, about a commit.
    void commitChange(Database &db, const StoreChange &change);
    bool onBoards(Database &db, std::int64_t userId);

    QString m_path;
    Role m_role;
    QString m_error;
    std::unique_ptr<Database> m_writer;
    std::mutex m_mutex;
    //! Writers queue here rather than in SQLite's busy handler, which backs
    //! off with sleeps and wastes most of the time under contention.
    std::mutex m_writeMutex;
    std::vector<std::unique_ptr<Database>> m_idle; //!< under m_mutex
    std::mutex m_loopMutex;
    std::condition_variable m_loopWake;
    bool m_loopStop = false;
    std::thread m_loopThread;
};
