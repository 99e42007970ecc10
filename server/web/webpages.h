#pragma once

#include "pagerenderer.h"

#include <QByteArray>
#include <QString>

class ServerContext;

namespace httplib {
class Server;
struct Request;
} // namespace httplib

//! \brief The server-rendered pages (/, /u/{name}, /how-it-works) and their
//! assets, from Mustache templates compiled into the binary (resources/web).
class WebPages
{
public:
    explicit WebPages(ServerContext &context);
    void addRoutes(httplib::Server &server);

private:
    QByteArray leaderboardPage(const httplib::Request &req);
    QByteArray profilePage(const httplib::Request &req, int *status);
    //! The layout's values: title, canonical link (with --public-url), nav.
    PageRenderer::Data pageData(const QString &title, const QString &nav,
                                const QString &canonicalPath = {}) const;
    //! \a path under --public-url, or \a path itself without one.
    QString absolute(const QString &path) const;

    ServerContext &m_context;
};
