#pragma once

#include "http/responsecache.h"

#include <QString>

class ServerContext;
struct UserRecord;

namespace httplib {
class Server;
struct Request;
struct Response;
} // namespace httplib

//! \brief /badge/{name}.svg, /badge/{kind}/{name}.svg, /badge/stats.svg and
//! their .json twins (shields.io's endpoint schema).
class BadgeRoutes
{
public:
    explicit BadgeRoutes(ServerContext &context);
    void addRoutes(httplib::Server &server);
    //! The message of a badge of \a kind for a visible user.
    QString badgeValue(const UserRecord &user, const QString &kind, const QString &period,
                       const QString &agent);

private:
    void badge(const httplib::Request &req, httplib::Response &res);
    ResponseCache::Entry render(const httplib::Request &req, const QString &kind,
                                const QString &name, const std::optional<UserRecord> &user);

    ServerContext &m_context;
};
