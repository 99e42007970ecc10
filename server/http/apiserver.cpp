#include "apiserver.h"

#include "accountroutes.h"
#include "apierror.h"
#include "badges/badgeroutes.h"
#include "boardroutes.h"
#include "httputil.h"
#include "ingest/ingest.h"
#include "ingest/reviewer.h"
#include "servercontext.h"
#include "web/webpages.h"

#include <QDateTime>
#include <QUrl>

#include <httplib.h>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace Http;

namespace {
thread_local std::chrono::steady_clock::time_point t_requestStart;
} // namespace

ApiServer::ApiServer(const ServerConfig &config, ServerStore &store)
    : m_config(config)
    , m_context(std::make_unique<ServerContext>(m_config, store))
    , m_reviewer(std::make_unique<Reviewer>(store))
    , m_accounts(std::make_unique<AccountRoutes>(*m_context))
    , m_ingest(std::make_unique<Ingest>(*m_context, *m_reviewer))
    , m_boards(std::make_unique<BoardRoutes>(*m_context))
    , m_badges(std::make_unique<BadgeRoutes>(*m_context))
    , m_web(std::make_unique<WebPages>(*m_context))
{
    if (!config.tlsCert.isEmpty() && !config.tlsKey.isEmpty()) {
        m_server = std::make_unique<httplib::SSLServer>(config.tlsCert.toLocal8Bit().constData(),
                                                        config.tlsKey.toLocal8Bit().constData());
    } else {
        m_server = std::make_unique<httplib::Server>();
    }
    if (!config.publicUrl.isEmpty()) {
        const QUrl url(config.publicUrl);
        const QString host = url.host(QUrl::FullyEncoded).toLower();
        const QString bracketed = host.contains(u':') ? u'[' + host + u']' : host;
        const int defaultPort = url.scheme() == u"https" ? 443 : 80;
        const int port = url.port(defaultPort);
        m_allowedHosts.append(bracketed + u':' + QString::number(port));
        if (port == defaultPort)
            m_allowedHosts.append(bracketed);
    }
    setupHandlers();
    m_boards->addRoutes(*m_server);
    m_accounts->addRoutes(*m_server);
    m_ingest->addRoutes(*m_server);
    m_badges->addRoutes(*m_server);
    m_web->addRoutes(*m_server);
}

ApiServer::~ApiServer()
{
    m_context->leaderboard.stop();
}

int ApiServer::bind()
{
    if (!m_server->is_valid())
        return -1;
    const std::string host = m_config.host.toStdString();
    if (m_config.port == 0)
        return m_server->bind_to_any_port(host);
    return m_server->bind_to_port(host, m_config.port) ? m_config.port : -1;
}

bool ApiServer::listen()
{
    // The first board and profile views after a start would otherwise wait
    // seconds for all-time totals; requests meanwhile are served as usual.
    m_context->leaderboard.warmUp();
    return m_server->listen_after_bind();
}

void ApiServer::stop()
{
    m_server->stop();
}

void ApiServer::setupHandlers()
{
    httplib::Server &s = *m_server;
    // Without it, keep-alive answers wait for delayed ACKs (DESIGN.md §8).
    s.set_tcp_nodelay(true);
    const int threads = m_config.threads;
    s.new_task_queue = [threads] {
        return new httplib::ThreadPool(size_t(threads));
    };
    s.set_payload_max_length(size_t(m_config.maxBodyBytes));
    s.set_read_timeout(10, 0);
    s.set_write_timeout(10, 0);
    s.set_keep_alive_max_count(1000);
    s.set_keep_alive_timeout(5);

    s.set_pre_routing_handler([this](const httplib::Request &req, httplib::Response &res) {
        t_requestStart = std::chrono::steady_clock::now();
        res.set_header("X-Content-Type-Options", "nosniff");
        res.set_header("Referrer-Policy", "no-referrer");
        // DNS rebinding: a page on another name must not reach this server
        // through a victim's browser (STYLE.md 21).
        // No route serves anything worth resuming, and httplib would apply
        // a Range to error answers too, cutting their JSON (found by
        // fuzz_http). RFC 9110 lets a server ignore Range. The request object
        // is httplib's own non-const local, so clearing it is defined.
        const_cast<httplib::Request &>(req).ranges.clear();
        if (!hostAllowed(req.get_header_value("Host"))) {
            sendJson(res, errorJson(400, u"unexpected Host header"_s), 400);
            return httplib::Server::HandlerResponse::Handled;
        }
        return httplib::Server::HandlerResponse::Unhandled;
    });

    s.set_exception_handler(
        [](const httplib::Request &, httplib::Response &res, std::exception_ptr ep) {
            try {
                std::rethrow_exception(ep);
            } catch (const ApiError &e) {
                QJsonObject body = errorJson(e.status(), e.reason());
                for (auto it = e.extra.begin(); it != e.extra.end(); ++it)
                    body.insert(it.key(), it.value());
                if (e.retryAfter() > 0)
                    res.set_header("Retry-After", std::to_string(e.retryAfter()));
                sendJson(res, body, e.status());
            } catch (const StoreError &e) {
                std::fprintf(stderr, "database error: %s\n", e.what());
                if (e.unavailable()) {
                    // The database went away: say so, and let the client retry;
                    // the next request reconnects.
                    res.set_header("Retry-After", "5");
                    sendJson(res, errorJson(503, u"database unavailable"_s), 503);
                } else {
                    sendJson(res, errorJson(500, u"database error"_s), 500);
                }
            } catch (const std::exception &e) {
                std::fprintf(stderr, "internal error: %s\n", e.what());
                sendJson(res, errorJson(500, u"internal error"_s), 500);
            } catch (...) {
                sendJson(res, errorJson(500, u"internal error"_s), 500);
            }
        });

    // Errors httplib produces itself (404, 413, 400 on bad requests) get the
    // same JSON shape; answers that already have a body keep it.
    s.set_error_handler(
        httplib::Server::HandlerWithResponse([](const httplib::Request &, httplib::Response &res) {
            if (!res.body.empty())
                return httplib::Server::HandlerResponse::Unhandled;
            QString reason;
            switch (res.status) {
            case 404:
                reason = u"no such route"_s;
                break;
            case 413:
                reason = u"body too large"_s;
                break;
            case 414:
                reason = u"request line too long"_s;
                break;
            case 431:
                reason = u"request headers too large"_s;
                break;
            case 400:
                reason = u"malformed request line or headers (at most 8 KiB each)"_s;
                break;
            default:
                reason = u"request failed"_s;
            }
            sendJson(res, errorJson(res.status, reason), res.status);
            return httplib::Server::HandlerResponse::Handled;
        }));

    s.set_logger([this](const httplib::Request &req, const httplib::Response &res) {
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - t_requestStart)
                .count();
        m_context->metrics.record(req.method, req.path, res.status, seconds);
        if (m_config.quiet)
            return;
        const QString time = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
        std::fprintf(stderr, "%s %s %s %s %d %zu %.2fms\n", time.toUtf8().constData(),
                     req.remote_addr.c_str(), req.method.c_str(), req.path.c_str(), res.status,
                     res.body.size(), seconds * 1000);
    });
}

bool ApiServer::hostAllowed(const std::string &header) const
{
    const QString host = QString::fromLatin1(header).trimmed().toLower();
    if (!m_allowedHosts.isEmpty())
        return m_allowedHosts.contains(host);
    // Without a public URL: loopback names and the address it listens on,
    // with any port (port 0 and proxies on other ports).
    QString name = host;
    const qsizetype colon = name.lastIndexOf(u':');
    if (colon > name.lastIndexOf(u']'))
        name.truncate(colon);
    static const QStringList loopback {u"127.0.0.1"_s, u"localhost"_s, u"[::1]"_s};
    return loopback.contains(name) ||
        (!name.isEmpty() && name == m_config.host.toLower() && name != u"0.0.0.0") ||
        (!name.isEmpty() && u'[' + m_config.host.toLower() + u']' == name &&
         m_config.host != u"::");
}
