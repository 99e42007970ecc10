#pragma once

#include "leaderboard.h"
#include "ratelimiter.h"
#include "responsecache.h"
#include "serverconfig.h"
#include "serverstore.h"

#include <QHash>
#include <QString>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

namespace httplib {
class Server;
struct Request;
struct Response;
} // namespace httplib

class WebPages;

//! \brief The HTTP side of tokentally-server: routes, limits, errors, logs.
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
    //! The routes and handlers without a socket: the fuzz target feeds
    //! requests to it in process (tests/fuzz/fuzz_http.cpp).
    httplib::Server &httpServer() { return *m_server; }

private:
    void setupRoutes();
    void setupHandlers();
    //! False when the Host header names neither the public URL's host nor,
    //! without one, a loopback name or the listen address.
    bool hostAllowed(const std::string &host) const;

    // Routes.
    void registerUser(const httplib::Request &req, httplib::Response &res);
    void addDevice(const httplib::Request &req, httplib::Response &res);
    void submit(const httplib::Request &req, httplib::Response &res);
    void checksums(const httplib::Request &req, httplib::Response &res);
    void getMe(const httplib::Request &req, httplib::Response &res);
    void deleteMe(const httplib::Request &req, httplib::Response &res);
    void patchMe(const httplib::Request &req, httplib::Response &res);
    void leaderboard(const httplib::Request &req, httplib::Response &res);
    void userProfile(const httplib::Request &req, httplib::Response &res);
    void stats(const httplib::Request &req, httplib::Response &res);
    void metrics(const httplib::Request &req, httplib::Response &res);
    void badge(const httplib::Request &req, httplib::Response &res);
    ResponseCache::Entry renderBadge(const httplib::Request &req);
    QByteArray renderLeaderboard(const httplib::Request &req);
    //! Path and query, for cache keys.
    static QString cacheKey(const httplib::Request &req);

    //! The user of the request's bearer token; throws 401 (and slows the IP down).
    UserRecord authenticate(const httplib::Request &req);
    void limitIp(const httplib::Request &req);
    void limitToken(const UserRecord &user);
    void reviewUser(const UserRecord &user, const QStringList &unknownModels);
    //! Sends \a body with an ETag, answering 304 when the client has it.
    void sendCached(const httplib::Request &req, httplib::Response &res, const QByteArray &body,
                    const char *contentType, int maxAge);

    ServerConfig m_config;
    //! Host header values accepted (lower case); empty: loopback names only.
    QStringList m_allowedHosts;
    ServerStore &m_store;
    Leaderboard m_leaderboard;
    RateLimiter m_limiter;
    std::unique_ptr<httplib::Server> m_server;
    std::unique_ptr<WebPages> m_web;
    ResponseCache m_cache;

    std::mutex m_metricsMutex;
    std::map<std::pair<std::string, int>, std::int64_t> m_requestCounts;
    std::atomic<std::int64_t> m_acceptedBuckets {0};
    std::atomic<std::int64_t> m_acceptedSubmissions {0};
    //! Board-wide outlier review, on its own thread every 30 s after a write
    //! (it scans a month of totals, too slow for a request).
    void reviewLoop();
    std::mutex m_reviewMutex;
    std::condition_variable m_reviewWake;
    bool m_reviewStop = false;
    std::int64_t m_reviewedGeneration = 0;
    std::thread m_reviewThread;
};
