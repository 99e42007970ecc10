#include "servercontext.h"

ServerContext::ServerContext(const ServerConfig &config, ServerStore &store)
    : config(config)
    , store(store)
    , siteStats(store, changes)
    , leaderboard(store, changes)
    , profile(store, leaderboard)
    , guard(config, store)
{
    // Writes of this process arrive on the writing thread before the write
    // returns, other processes' from the store's watcher: either way the
    // next request sees them.
    store.setChangeListener([this](const StoreChange &change) { onChange(change); });
}

ServerContext::~ServerContext()
{
    store.setChangeListener({});
}

void ServerContext::onChange(const StoreChange &change)
{
    changes.append(change);
    if (change.kind == StoreChange::Kind::Buckets)
        return;
    std::lock_guard lock(m_usersMutex);
    if (change.kind == StoreChange::Kind::All) {
        m_users.clear();
        return;
    }
    // The changed user, and every "no such user" (the change may be its
    // registration under one of those names).
    for (auto it = m_users.begin(); it != m_users.end();) {
        if (!it.value() || it.value()->id == change.userId)
            it = m_users.erase(it);
        else
            ++it;
    }
}

std::optional<UserRecord> ServerContext::userNamed(const QString &name)
{
    const QString key = name.toLower();
    {
        std::lock_guard lock(m_usersMutex);
        const auto it = m_users.constFind(key);
        if (it != m_users.cend())
            return it.value();
    }
    // Read the change sequence first: a change landing during the lookup
    // then clears what we store.
    const std::int64_t before = changes.sequence();
    auto user = store.userByName(name);
    std::lock_guard lock(m_usersMutex);
    if (changes.sequence() == before) {
        if (m_users.size() > 20000)
            m_users.clear();
        m_users.insert(key, user);
    }
    return user;
}
