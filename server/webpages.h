#pragma once

#include "responsecache.h"
#include "serverconfig.h"
#include "serverstore.h"

#include <QByteArray>
#include <QHash>
#include <QString>

namespace httplib {
class Server;
struct Request;
} // namespace httplib

class Leaderboard;

//! \brief The server-rendered pages (/, /u/{name}, /how-it-works) and their
//! assets, from templates compiled into the binary (resources/web).
//!
//! Templates use {{name}} for text (always HTML-escaped) and {{{name}}} for
//! fragments this class built itself (escaped as they were built).
class WebPages
{
public:
    WebPages(ServerStore &store, Leaderboard &leaderboard, const ServerConfig &config);

    void addRoutes(httplib::Server &server);
    //! The message of a badge of \a kind for a visible user.
    QString badgeValue(const UserRecord &user, const QString &kind, const QString &period);

    static QString escape(const QString &text);
    //! 1.2K, 3.4M, 5.6B.
    static QString compact(double value);
    //! $12.30, <$0.01.
    static QString money(double usd);
    //! A stable colour per model family (DESIGN.md §7).
    static QString modelColor(const QString &model);
    static QString render(const QString &templ, const QHash<QString, QString> &values);

private:
    QByteArray leaderboardPage(const httplib::Request &req);
    QByteArray profilePage(const httplib::Request &req, int *status);
    QByteArray howItWorksPage();
    QByteArray layout(const QString &title, const QString &body, const QString &nav,
                      const QString &canonicalPath = {});
    //! \a path under --public-url, or \a path itself without one.
    QString absolute(const QString &path) const;
    static QString resource(const QString &name);

    ServerStore &m_store;
    Leaderboard &m_leaderboard;
    ServerConfig m_config;
    ResponseCache m_cache;
};
