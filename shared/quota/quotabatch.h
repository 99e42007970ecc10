#pragma once

#include "quota/quotaobservation.h"

#include <map>
#include <tuple>
#include <utility>

class LocalStore;

//! \brief The newest rate-limit observation per (agent, window) of one scan,
//! and per (agent, window, history slot).
//!
//! A cold scan meets thousands of Codex observations of the same two windows;
//! upserting the current row for each cost about a tenth of the ledger
//! thread, and the history rows (half as many distinct slots as observations)
//! as much again. The store keeps the same rows either way: the newest wins,
//! and of equally new ones the last offered (LocalStore::setCurrentQuota's and
//! addQuotaHistory's rule).
class QuotaBatch
{
public:
    void offer(const QuotaObservation &quota);
    //! \brief Writes the newest per window through LocalStore::setCurrentQuota,
    //! and the newest per history slot through LocalStore::addQuotaHistory.
    bool write(LocalStore &store) const;
    bool isEmpty() const { return m_newest.empty(); }

private:
    std::map<std::pair<int, QString>, QuotaObservation> m_newest;
    std::map<std::tuple<int, QString, std::int64_t>, QuotaObservation> m_history;
};
