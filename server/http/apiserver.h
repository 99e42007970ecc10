#pragma once

#include "serverconfig.h"
#include "store/serverstore.h"

#include <QStringList>

#include <memory>

namespace httplib {
class Server;
} // namespace httplib

class ServerContext;
class AccountRoutes;
class BoardRoutes;
class BadgeRoutes;
class Ingest;
class Reviewer;
class WebPages;

//! \brief The HTTP side of tokentally-server: the server, its handlers
//! (errors, logs, metrics, Host checks) and the route groups.
class ApiServer
{
public:
    ApiServer(const ServerConfig &config, ServerStore &store);
    ~ApiServer();
    ApiServer(const ApiServer &) = delete;
    ApiServer &operator=(const ApiServer &) = delete;

    //! Binds (port 0: any free port). Returns the port, or -1.
    int bind();
    //! Serves until stop(); returns when every in-flight request is done.
    bool listen();
    //! Thread-safe; safe to call from a signal-watching thread.
    void stop();

private:
    void setupHandlers();
    //! False when the Host header names neither the public URL's host nor,
    //! without one, a loopback name or the listen address.
    bool hostAllowed(const std::string &host) const;

    ServerConfig m_config;
    QStringList m_allowedHosts; //!< Host header values accepted (lower case).
    std::unique_ptr<ServerContext> m_context;
    std::unique_ptr<Reviewer> m_reviewer;
    std::unique_ptr<AccountRoutes> m_accounts;
    std::unique_ptr<Ingest> m_ingest;
    std::unique_ptr<BoardRoutes> m_boards;
    std::unique_ptr<BadgeRoutes> m_badges;
    std::unique_ptr<WebPages> m_web;
    std::unique_ptr<httplib::Server> m_server;
};
