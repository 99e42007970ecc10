#pragma once

#include "quota/quotaobservation.h"

#include <map>
#include <utility>

class LocalStore;

//! \brief The newest rate-limit observation per (agent, window) of one scan.
//!
//! A cold scan meets thousands of Codex observations of the same two windows;
//! upserting the current row for each cost about a tenth of the ledger
//! thread. The store keeps the same row either way: the newest wins, and of
//! equally new ones the last offered (LocalStore::setCurrentQuota's rule).
class QuotaBatch
{
public:
    void offer(const QuotaObservation &quota);
    //! \brief Writes the newest per window through LocalStore::setCurrentQuota.
    bool write(LocalStore &store) const;
    bool isEmpty() const { return m_newest.empty(); }

private:
    std::map<std::pair<int, QString>, QuotaObservation> m_newest;
};
