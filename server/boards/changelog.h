#pragma once

#include "store/serverstore.h"

#include <QHash>
#include <QSet>

#include <cstdint>
#include <deque>
#include <mutex>

//! \brief What changed recently, for caches that patch rather than recompute.
//!
//! Every committed write (this process's, or another's by notification) is
//! appended with a sequence number. A cached value remembers the number it
//! has seen; on its next use it asks what happened since: the users to
//! recompute, or that everything must be (too old, or an unknown change).
//! Rendered answers compare a Stamp of the versions they depend on instead.
class ChangeLog
{
public:
    //! The versions a rendered answer depends on; equal stamps: still valid.
    struct Stamp
    {
        std::int64_t all = 0; //!< Bumped by every change.
        std::int64_t boards = 0; //!< Changes that can move a board (0: not used).
        std::int64_t user = 0; //!< The user's own changes (0: not used).
        bool operator==(const Stamp &) const = default;
    };

    void append(const StoreChange &change);
    std::int64_t sequence() const;

    //! What happened after \a seen to users' board totals in [from, to): \a
    //! users to recompute, or true when everything must be recomputed.
    bool pendingSince(std::int64_t seen, std::int64_t from, std::int64_t to,
                      QSet<std::int64_t> *users) const;

    //! \a boards: depends on any board; \a userId (> 0): on that user's data.
    //! Neither: on everything (the store-wide numbers).
    Stamp stamp(bool boards, std::int64_t userId) const;

private:
    struct Entry
    {
        std::int64_t seq;
        StoreChange change;
    };
    static constexpr size_t MaxEntries = 4096;
    mutable std::mutex m_mutex;
    std::deque<Entry> m_entries;
    std::int64_t m_seq = 0;
    std::int64_t m_boards = 1;
    std::int64_t m_allUsers = 1; //!< Bumped by Kind::All: every user's version.
    QHash<std::int64_t, std::int64_t> m_users;
};
