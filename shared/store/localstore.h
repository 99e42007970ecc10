#pragma once

#include "core/agent.h"
#include "core/tokencounts.h"
#include "ledger/dropreason.h"
#include "quota/quotaobservation.h"
#include "store/database.h"
#include "store/localschema.h"

#include <QString>
#include <QStringList>

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

//! \brief One row of the store's hourly buckets: (UTC hour, agent, model, session).
struct UsageRow
{
    std::int64_t hourStart = 0; //!< seconds since the epoch, UTC, multiple of 3600
    Agent agent = Agent::ClaudeCode;
    QString model;
    QString session;
    std::int64_t modelId = 0; //!< the store's id of the model name
    std::int64_t sessionId = 0; //!< the store's id of (agent, session)
    TokenCounts tokens;
    std::int64_t messages = 0;
    std::int64_t costNanoUsd = 0; //!< cost of the priced messages, in 1e-9 USD (exact sums)
    std::int64_t unpricedMessages = 0;
};

//! \brief What the store knows about how its totals were made (the "accounting" view).
struct AccountingStats
{
    std::int64_t files = 0;
    std::int64_t deletedFiles = 0;
    std::int64_t bytesRead = 0; //!< bytes of usage files consumed so far
    std::int64_t linesRead = 0;
    std::int64_t malformedLines = 0; //!< the total of \a malformed
    MalformedCounts malformed;
    std::int64_t pendingBytes = 0;
    std::int64_t records = 0; //!< usage records seen, before dedup
    std::int64_t messages = 0; //!< counted messages
    DropCounts drops;
    QStringList unpricedModels;
    QString priceTableVersion;
    std::int64_t lastScanMs = 0;
};

//! \brief What the store skipped on the way in (see Report).
struct SkippedInput;

//! \brief Sums over bucket rows.
struct BucketTotals
{
    TokenCounts tokens;
    std::int64_t messages = 0;
    std::int64_t costNanoUsd = 0; //!< of the priced messages
    std::int64_t unpricedMessages = 0;
};

//! \brief The local SQLite store (WAL, migrations keyed by user_version): file
//! cursors, usage records in per-read chunks, dedup groups, hourly buckets and
//! drop counts. Paths and text are never stored: files are known by a hash of
//! their path.
class LocalStore
{
public:
    static constexpr int SchemaVersion = LocalSchema::Version;
    //! Page size of a store created now (Database::open).
    static constexpr int NewPageSize = 16384;

    //! \brief $TOKENTALLY_DB, or tokentally/usage.db in the user's data dir.
    static QString defaultPath();

    bool open(const QString &path, QString *error);
    Database &database() { return m_db; }
    QString path() const { return m_path; }

    //! \brief Bucket rows whose hour lies in [fromHour, toHour) (seconds), all
    //! agents unless \a agent is given, ordered by hour. Without \a sessionNames
    //! rows carry only session ids (enough to count sessions).
    std::vector<UsageRow> usageRows(std::int64_t fromHour, std::int64_t toHour,
                                    std::optional<Agent> agent = std::nullopt,
                                    bool sessionNames = true);
    //! \brief As usageRows(), one row at a time (the row is reused).
    void forEachUsageRow(std::int64_t fromHour, std::int64_t toHour, std::optional<Agent> agent,
                         bool sessionNames, const std::function<void(const UsageRow &)> &visit);
    AccountingStats accounting();
    //! \brief Malformed lines by reason and future-dated records, store-wide.
    SkippedInput skippedInput();

    //! \brief The store's id of an agent's session, if it has usage.
    std::optional<std::int64_t> sessionId(Agent agent, const QString &name);
    //! \brief Sums over the buckets whose hour lies in [fromHour, toHour),
    //! optionally of one agent and one session (the id from sessionId()).
    BucketTotals totals(std::int64_t fromHour, std::int64_t toHour,
                        std::optional<Agent> agent = std::nullopt,
                        std::optional<std::int64_t> sessionId = std::nullopt);
    //! \brief The hours in [fromHour, toHour) with usage of \a agent, ascending.
    std::vector<std::int64_t> activeHours(Agent agent, std::int64_t fromHour, std::int64_t toHour);

    //! \brief Keeps the observation per (agent, window) unless the stored one
    //! is newer, and as the history point of its 15-minute slot likewise.
    bool setQuota(const QuotaObservation &quota);
    //! \brief setQuota() in two halves, for a scan that keeps the newest per
    //! window itself and writes it once (QuotaBatch).
    bool setCurrentQuota(const QuotaObservation &quota);
    bool addQuotaHistory(const QuotaObservation &quota);
    //! \brief addQuotaHistory() for many (QuotaBatch), many rows per statement.
    bool addQuotaHistory(const std::vector<QuotaObservation> &quotas);
    //! \brief The newest observation per (agent, window).
    std::vector<QuotaObservation> quotas();
    //! \brief History points observed at or after \a fromMs, by agent, window, time.
    std::vector<QuotaObservation> quotaHistory(std::int64_t fromMs);
    //! \brief Adds \a n windows skipped in the file \a fileId (\a reread: the
    //! file was read from its start again, so its count starts over).
    bool addQuotaSkipped(std::int64_t fileId, std::int64_t n, bool reread);
    //! \brief Windows skipped in every file.
    std::int64_t quotaSkipped();

    QString meta(const QString &key);
    void setMeta(const QString &key, const QString &value);

private:
    bool migrate(QString *error);
    bool upgradeToEngineV3(QString *error);
    bool upgradeToQuotaV4(QString *error);

    Database m_db;
    QString m_path;
};
