#pragma once

#include "boards/changelog.h"
#include "boards/leaderboard.h"
#include "boards/profile.h"
#include "boards/sitestats.h"
#include "metrics.h"
#include "requestguard.h"
#include "responsecache.h"
#include "serverconfig.h"
#include "store/serverstore.h"

#include <QHash>

#include <mutex>
#include <optional>

//! \brief What the route groups share: the store, the change log and the
//! caches kept current by it, limits and metrics.
class ServerContext
{
public:
    ServerContext(const ServerConfig &config, ServerStore &store);
    ~ServerContext();
    ServerContext(const ServerContext &) = delete;
    ServerContext &operator=(const ServerContext &) = delete;

    //! A user by name (case-insensitive), from a cache the change log keeps
    //! current: badges and pages look users up on every request.
    std::optional<UserRecord> userNamed(const QString &name);

    const ServerConfig &config;
    ServerStore &store;
    ChangeLog changes;
    SiteStats siteStats;
    Leaderboard leaderboard;
    Profile profile;
    RequestGuard guard;
    Metrics metrics;
    ResponseCache cache;

private:
    void onChange(const StoreChange &change);
    std::mutex m_usersMutex;
    QHash<QString, std::optional<UserRecord>> m_users; //!< lower-case name -> user or none
};
