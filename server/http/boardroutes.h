#pragma once

#include <QByteArray>

class ServerContext;

namespace httplib {
class Server;
struct Request;
struct Response;
} // namespace httplib

//! \brief The read API: leaderboard, profiles, stats, health and metrics.
class BoardRoutes
{
public:
    explicit BoardRoutes(ServerContext &context);
    void addRoutes(httplib::Server &server);

private:
    void leaderboard(const httplib::Request &req, httplib::Response &res);
    QByteArray renderLeaderboard(const httplib::Request &req);
    void userProfile(const httplib::Request &req, httplib::Response &res);
    void stats(const httplib::Request &req, httplib::Response &res);
    void metrics(const httplib::Request &req, httplib::Response &res);

    ServerContext &m_context;
};
