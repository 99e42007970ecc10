#pragma once

#include "ledger/fileupdate.h"

#include <QString>

#include <functional>
#include <vector>

class LocalStore;
class PriceTable;

//! \brief Applies file updates to the store in one transaction: stores the
//! records, picks one counted copy per dedup group (spec §2.3, §3.3, §4.3),
//! keeps the hourly buckets and drop counts, and advances the cursors.
//!
//! The counted copy of a group is the greatest under a fixed total order
//! (Claude: not a progress mirror, not a sidechain, larger total, has speed;
//! OpenCode: db row; then earliest timestamp, earliest-starting file, ...),
//! so an incremental run and a fresh full scan always pick the same copy.
//! A kill at any point leaves the previous commit intact.
class Ledger
{
public:
    explicit Ledger(LocalStore &store)
        : m_store(store)
    {
    }

    struct Result
    {
        std::int64_t records = 0; //!< records stored by this apply
        std::int64_t countedDelta = 0; //!< change of counted messages
        bool fullRecompute = false;
    };

    //! \a prices is called only when stored records must be re-priced (the
    //! fingerprint changed); records arrive priced.
    bool apply(std::vector<FileUpdate> &updates, const std::function<const PriceTable &()> &prices,
               Result *result, QString *error);
    //! \brief Recorded with the commit; the scanner compares it to skip work.
    void setPriceFingerprint(const QString &fingerprint) { m_priceFingerprint = fingerprint; }
    //! \brief The version of the table that priced the new records, when known.
    void setPriceVersion(const QString &version) { m_priceVersion = version; }

private:
    LocalStore &m_store;
    QString m_priceFingerprint;
    QString m_priceVersion;
};
