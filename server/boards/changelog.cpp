#include "changelog.h"

void ChangeLog::append(const StoreChange &change)
{
    std::lock_guard lock(m_mutex);
    ++m_seq;
    m_entries.push_back({m_seq, change});
    if (m_entries.size() > MaxEntries)
        m_entries.pop_front();
    // A private user's rows are on no board; everything else may move one.
    if (change.kind != StoreChange::Kind::Buckets || change.onBoards)
        ++m_boards;
    if (change.kind == StoreChange::Kind::All) {
        ++m_allUsers;
        m_users.clear();
    } else {
        if (m_users.size() > 100000) { // bounded: start every user afresh
            m_users.clear();
            ++m_allUsers;
        }
        ++m_users[change.userId];
    }
}

std::int64_t ChangeLog::sequence() const
{
    std::lock_guard lock(m_mutex);
    return m_seq;
}

bool ChangeLog::pendingSince(std::int64_t seen, std::int64_t from, std::int64_t to,
                             QSet<std::int64_t> *users) const
{
    std::lock_guard lock(m_mutex);
    if (seen >= m_seq)
        return false;
    if (m_entries.empty() || m_entries.front().seq > seen + 1)
        return true; // Changes were dropped from the log: no way to patch.
    for (auto it = m_entries.rbegin(); it != m_entries.rend() && it->seq > seen; ++it) {
        const StoreChange &c = it->change;
        switch (c.kind) {
        case StoreChange::Kind::All:
            return true;
        case StoreChange::Kind::User:
            users->insert(c.userId);
            break;
        case StoreChange::Kind::Buckets:
            if (c.onBoards && c.toHour >= from && c.fromHour < to)
                users->insert(c.userId);
            break;
        }
    }
    return false;
}

ChangeLog::Stamp ChangeLog::stamp(bool boards, std::int64_t userId) const
{
    std::lock_guard lock(m_mutex);
    Stamp s;
    if (!boards && userId <= 0) {
        s.all = m_seq;
        return s;
    }
    s.all = m_allUsers;
    if (boards)
        s.boards = m_boards;
    if (userId > 0)
        s.user = m_users.value(userId, 0) + 1;
    return s;
}
