#pragma once

#include "ledger/fileupdate.h"

#include <QString>

#include <functional>
#include <memory>
#include <vector>

class LocalStore;
class PriceTable;

//! \brief Applies file updates to the store in one transaction: stores the
//! records, picks one counted copy per dedup group (GroupWinners), keeps the
//! hourly buckets and drop counts, and advances the cursors.
//!
//! Updates are added one by one as the parsers finish them (begin(), add()...,
//! finish()), so that storing overlaps with parsing. What an update changes is
//! applied as a delta: an append adds its records; an OpenCode message that
//! changed (a database row, or a rewritten legacy JSON file) replaces exactly
//! that message's record, re-deciding its group among the remaining copies. Only
//! a truncated or replaced Claude/Codex log, or a changed price table, rebuilds
//! groups and buckets from every stored record. A kill at any point leaves the
//! previous commit intact.
class Ledger
{
public:
    explicit Ledger(LocalStore &store);
    ~Ledger();
    Ledger(const Ledger &) = delete;
    Ledger &operator=(const Ledger &) = delete;

    struct Result
    {
        std::int64_t records = 0; //!< records stored by this apply
        std::int64_t countedDelta = 0; //!< change of counted messages
        bool fullRecompute = false;
    };

    //! \brief Starts the transaction. \a expectedUpdates: with many, the known
    //! files and sessions are loaded up front instead of looked up one by one.
    bool begin(std::size_t expectedUpdates, QString *error);
    //! \brief Stores one update (its records must be priced already).
    bool add(FileUpdate &update, QString *error);
    //! \brief Writes groups, buckets and drops and commits. \a prices is called
    //! only when stored records must be re-priced (the fingerprint changed).
    bool finish(const std::function<const PriceTable &()> &prices, Result *result, QString *error);
    //! \brief begin(), add() each, finish().
    bool apply(std::vector<FileUpdate> &updates, const std::function<const PriceTable &()> &prices,
               Result *result, QString *error);

    //! \brief Recorded with the commit; the scanner compares it to skip work.
    void setPriceFingerprint(const QString &fingerprint) { m_priceFingerprint = fingerprint; }
    //! \brief The version of the table that priced the new records, when known.
    void setPriceVersion(const QString &version) { m_priceVersion = version; }

private:
    struct Batch;

    bool recompute(const std::function<const PriceTable &()> &prices, QString *error);

    LocalStore &m_store;
    QString m_priceFingerprint;
    QString m_priceVersion;
    std::unique_ptr<Batch> m_batch;
};
