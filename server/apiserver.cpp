#include "apiserver.h"

#include "apierror.h"
#include "badgerenderer.h"
#include "core/agent.h"
#include "pricing/pricetable.h"
#include "sqliteconnection.h"
#include "webpages.h"
#include "wire/wirecodec.h"
#include "wire/wirecrypto.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>

#include <httplib.h>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

thread_local std::chrono::steady_clock::time_point t_requestStart;

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

QString param(const httplib::Request &req, const char *name)
{
    return req.has_param(name) ? qs(req.get_param_value(name)) : QString();
}

void sendJson(httplib::Response &res, const QJsonObject &body, int status = 200)
{
    res.status = status;
    res.set_content(QJsonDocument(body).toJson(QJsonDocument::Compact).toStdString(),
                    "application/json");
}

QJsonObject errorJson(int status, const QString &reason)
{
    return QJsonObject {{u"error"_s, QString::fromLatin1(ApiError::errorName(status))},
                        {u"reason"_s, reason}};
}

//! A JSON object body with exactly the allowed keys (all optional here;
//! the caller checks what it needs).
QJsonObject parseObject(const httplib::Request &req, std::initializer_list<QStringView> allowed)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(req.body), &error);
    if (error.error != QJsonParseError::NoError)
        throw ApiError(ApiError::BadRequest, u"malformed JSON: "_s + error.errorString());
    if (!doc.isObject())
        throw ApiError(ApiError::BadRequest, u"malformed JSON: body is not an object"_s);
    const QJsonObject o = doc.object();
    for (auto it = o.begin(); it != o.end(); ++it) {
        bool known = false;
        for (QStringView key : allowed)
            known = known || it.key() == key;
        if (!known)
            throw ApiError(ApiError::BadRequest, u"unknown field: "_s + it.key());
    }
    return o;
}

QString requiredString(const QJsonObject &o, const QString &key)
{
    const QJsonValue v = o.value(key);
    if (!v.isString())
        throw ApiError(ApiError::BadRequest, u"missing or not a string: "_s + key);
    return v.toString();
}

bool isValidUsername(const QString &name)
{
    static const QRegularExpression re(u"^[A-Za-z0-9][A-Za-z0-9_-]{2,31}$"_s);
    return re.match(name).hasMatch();
}

bool isValidDeviceId(const QString &id)
{
    static const QRegularExpression re(u"^[A-Za-z0-9_-]{8,128}$"_s);
    return re.match(id).hasMatch();
}

QString visibilityName(Visibility v)
{
    switch (v) {
    case Visibility::Private:
        return u"private"_s;
    case Visibility::Unlisted:
        return u"unlisted"_s;
    case Visibility::Public:
        return u"public"_s;
    }
    return {};
}

// Names of model families the agents really use: a model outside them that
// the price table does not know either looks invented.
bool looksLikeKnownFamily(const QString &model)
{
    static const QRegularExpression re(
        u"^(?:[a-z0-9-]+/)?(?:claude|gpt|o[0-9]|codex|gemini|grok|deepseek|qwen|kimi|glm|"
        "mistral|codestral|devstral|llama|sonnet|opus|haiku|anthropic|openai|google)"_s,
        QRegularExpression::CaseInsensitiveOption);
    return re.match(model).hasMatch();
}

std::int64_t nowSecs()
{
    return QDateTime::currentSecsSinceEpoch();
}

} // namespace

ApiServer::ApiServer(const ServerConfig &config, ServerStore &store)
    : m_config(config)
    , m_store(store)
    , m_leaderboard(store)
    , m_web(std::make_unique<WebPages>(store, m_leaderboard, config))
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
    setupRoutes();
    m_reviewThread = std::thread([this] { reviewLoop(); });
}

ApiServer::~ApiServer()
{
    {
        std::lock_guard lock(m_reviewMutex);
        m_reviewStop = true;
    }
    m_reviewWake.notify_all();
    m_reviewThread.join();
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
    m_leaderboard.warmUp();
    return m_server->listen_after_bind();
}

void ApiServer::stop()
{
    m_leaderboard.stop();
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
            } catch (const SqliteError &e) {
                std::fprintf(stderr, "database error: %s\n", e.what());
                sendJson(res, errorJson(500, u"database error"_s), 500);
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
            default:
                reason = u"request failed"_s;
            }
            sendJson(res, errorJson(res.status, reason), res.status);
            return httplib::Server::HandlerResponse::Handled;
        }));

    s.set_logger([this](const httplib::Request &req, const httplib::Response &res) {
        const double ms = std::chrono::duration<double, std::milli>(
                              std::chrono::steady_clock::now() - t_requestStart)
                              .count();
        {
            // Route classes, not paths: user names must not explode the label set.
            std::string route = req.path.rfind("/api/", 0) == 0 ? req.path.substr(0, 16)
                : req.path.rfind("/badge/", 0) == 0             ? "/badge"
                : req.path.rfind("/u/", 0) == 0                 ? "/u"
                                                                : req.path;
            if (route.size() > 32 || route.find_first_of("\"\\\n") != std::string::npos)
                route = "other";
            std::lock_guard lock(m_metricsMutex);
            ++m_requestCounts[{req.method + " " + route, res.status}];
        }
        if (m_config.quiet)
            return;
        const QString time = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
        std::fprintf(stderr, "%s %s %s %s %d %zu %.2fms\n", time.toUtf8().constData(),
                     req.remote_addr.c_str(), req.method.c_str(), req.path.c_str(), res.status,
                     res.body.size(), ms);
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

void ApiServer::setupRoutes()
{
    httplib::Server &s = *m_server;
    using Req = const httplib::Request &;
    using Res = httplib::Response &;
    s.Get("/healthz", [](Req, Res res) { res.set_content("ok\n", "text/plain"); });
    s.Get("/metrics", [this](Req req, Res res) { metrics(req, res); });
    s.Post("/api/v1/register", [this](Req req, Res res) { registerUser(req, res); });
    s.Post("/api/v1/devices", [this](Req req, Res res) { addDevice(req, res); });
    s.Get(R"(/api/v1/devices/([A-Za-z0-9_-]+)/checksums)",
          [this](Req req, Res res) { checksums(req, res); });
    s.Post("/api/v1/submissions", [this](Req req, Res res) { submit(req, res); });
    s.Get("/api/v1/me", [this](Req req, Res res) { getMe(req, res); });
    s.Delete("/api/v1/me", [this](Req req, Res res) { deleteMe(req, res); });
    s.Patch("/api/v1/me", [this](Req req, Res res) { patchMe(req, res); });
    s.Get("/api/v1/leaderboard", [this](Req req, Res res) { leaderboard(req, res); });
    s.Get(R"(/api/v1/users/([^/]+))", [this](Req req, Res res) { userProfile(req, res); });
    s.Get("/api/v1/stats", [this](Req req, Res res) { stats(req, res); });
    s.Get(R"(/badge/(.+)\.(svg|json))", [this](Req req, Res res) { badge(req, res); });
    m_web->addRoutes(s);
}

void ApiServer::limitIp(const httplib::Request &req)
{
    const int wait = m_limiter.take(u"ip:"_s + qs(req.remote_addr), m_config.ipRequestsPerMinute,
                                    std::chrono::seconds(60));
    if (wait > 0)
        throw ApiError(ApiError::TooManyRequests, u"rate limit per IP"_s, wait);
}

void ApiServer::limitToken(const UserRecord &user)
{
    const int wait = m_limiter.take(u"user:"_s + QString::number(user.id),
                                    m_config.tokenWritesPerMinute, std::chrono::seconds(60));
    if (wait > 0)
        throw ApiError(ApiError::TooManyRequests, u"rate limit per token"_s, wait);
}

UserRecord ApiServer::authenticate(const httplib::Request &req)
{
    const QString ip = qs(req.remote_addr);
    if (const int wait = m_limiter.authDelay(ip))
        throw ApiError(ApiError::TooManyRequests, u"too many failed authentications"_s, wait);
    const QString header = qs(req.get_header_value("Authorization"));
    if (header.startsWith(u"Bearer "_s) && header.size() > 7 && header.size() < 200) {
        const QString token = header.mid(7).trimmed();
        if (auto user = m_store.userByTokenHash(WireCrypto::sha256Hex(token.toUtf8()))) {
            m_limiter.authSucceeded(ip);
            return *user;
        }
    }
    m_limiter.authFailed(ip, m_config.authFailuresBeforeDelay);
    throw ApiError(ApiError::Unauthorized, header.isEmpty() ? u"missing token"_s : u"bad token"_s);
}

void ApiServer::registerUser(const httplib::Request &req, httplib::Response &res)
{
    limitIp(req);
    if (!m_config.openRegistration)
        throw ApiError(ApiError::Forbidden, u"registration closed"_s);
    const QJsonObject body = parseObject(req, {u"username"});
    const QString name = requiredString(body, u"username"_s);
    if (!isValidUsername(name))
        throw ApiError(ApiError::BadRequest,
                       u"invalid username: 3-32 letters, digits, '-' or '_'"_s);
    if (const int wait = m_limiter.take(u"register:"_s + qs(req.remote_addr),
                                        m_config.registrationsPerHour, std::chrono::hours(1)))
        throw ApiError(ApiError::TooManyRequests, u"registration limit per IP"_s, wait);
    const QString token = u"tt_"_s + QString::fromLatin1(WireCrypto::randomBytes(32).toHex());
    const auto user = m_store.createUser(name, WireCrypto::sha256Hex(token.toUtf8()));
    if (!user)
        throw ApiError(ApiError::Conflict, u"username taken"_s);
    sendJson(
        res,
        QJsonObject {{u"username"_s, name}, {u"token"_s, token}, {u"visibility"_s, u"private"_s}},
        201);
}

void ApiServer::addDevice(const httplib::Request &req, httplib::Response &res)
{
    limitIp(req);
    const UserRecord user = authenticate(req);
    limitToken(user);
    const QJsonObject body = parseObject(req, {u"deviceId", u"publicKey", u"label"});
    const QString deviceId = requiredString(body, u"deviceId"_s);
    if (!isValidDeviceId(deviceId))
        throw ApiError(ApiError::BadRequest, u"invalid deviceId"_s);
    QByteArray key;
    if (!WireCrypto::fromBase64(requiredString(body, u"publicKey"_s).toLatin1(), &key) ||
        key.size() != 32)
        throw ApiError(ApiError::BadRequest, u"publicKey must be base64 of 32 bytes"_s);
    QString label = body.contains(u"label"_s) ? requiredString(body, u"label"_s) : QString();
    static const QRegularExpression labelRe(u"^[\\p{L}\\p{N} ._-]{0,64}$"_s);
    if (!labelRe.match(label).hasMatch())
        throw ApiError(ApiError::BadRequest, u"invalid label"_s);

    DeviceRecord device {deviceId, user.id, key, label, 0, WireCodec::zeroHash()};
    if (!m_store.addDevice(device)) {
        const auto existing = m_store.device(deviceId);
        if (!existing || existing->userId != user.id || existing->publicKey != key)
            throw ApiError(ApiError::Conflict, u"deviceId taken"_s);
        sendJson(res,
                 QJsonObject {{u"deviceId"_s, deviceId},
                              {u"seq"_s, qint64(existing->seq)},
                              {u"lastHash"_s, existing->lastHash}});
        return;
    }
    sendJson(
        res,
        QJsonObject {{u"deviceId"_s, deviceId}, {u"seq"_s, 0}, {u"lastHash"_s, device.lastHash}},
        201);
}

void ApiServer::submit(const httplib::Request &req, httplib::Response &res)
{
    limitIp(req);
    const UserRecord user = authenticate(req);
    limitToken(user);
    if (std::int64_t(req.body.size()) > m_config.maxBodyBytes)
        throw ApiError(ApiError::PayloadTooLarge, u"body too large"_s);
    const QByteArray body = QByteArray::fromStdString(req.body);
    Submission submission;
    QString error;
    if (!WireCodec::parse(body, &submission, &error))
        throw ApiError(ApiError::BadRequest, error);
    if (submission.buckets.size() > m_config.maxBuckets)
        throw ApiError(ApiError::PayloadTooLarge,
                       u"too many buckets (at most %1)"_s.arg(m_config.maxBuckets));

    const auto device = m_store.device(submission.deviceId);
    if (!device || device->userId != user.id)
        throw ApiError(ApiError::Forbidden, u"unknown device"_s);
    QByteArray signature;
    const QByteArray signatureHeader =
        QByteArray::fromStdString(req.get_header_value("X-TokenTally-Signature"));
    if (signatureHeader.isEmpty())
        throw ApiError(ApiError::Forbidden, u"missing signature"_s);
    if (!WireCrypto::fromBase64(signatureHeader, &signature) ||
        !WireCrypto::verify(device->publicKey, body, signature)) {
        m_limiter.authFailed(qs(req.remote_addr), m_config.authFailuresBeforeDelay);
        throw ApiError(ApiError::Forbidden, u"bad signature"_s);
    }
    auto conflict = [&device](const QString &reason) {
        return ApiError(ApiError::Conflict, reason)
            .with(u"expectedSeq"_s, qint64(device->seq + 1))
            .with(u"lastHash"_s, device->lastHash);
    };
    if (submission.seq <= device->seq)
        throw conflict(u"replayed seq"_s);
    if (submission.seq > device->seq + 1)
        throw conflict(u"skipped seq"_s);
    if (submission.prevHash != device->lastHash)
        throw conflict(u"prevHash mismatch"_s);

    // Range checks over the whole body before anything is written.
    const std::int64_t now = nowSecs();
    QHash<std::int64_t, std::int64_t> perHour;
    QSet<QString> keys;
    for (qsizetype i = 0; i < submission.buckets.size(); ++i) {
        const WireBucket &b = submission.buckets.at(i);
        const QString where = u"buckets["_s + QString::number(i) + u']';
        if (b.hour > now + 3600)
            throw ApiError(ApiError::BadRequest, u"hour in the future: "_s + where);
        if (b.hour < TimeWindow::epochStart())
            throw ApiError(ApiError::BadRequest, u"hour before 2020: "_s + where);
        if (b.hour % 3600 != 0)
            throw ApiError(ApiError::BadRequest, u"hour not whole: "_s + where);
        const QString key = QString::number(b.hour) + u'|' + b.agent + u'|' + b.model;
        if (keys.contains(key))
            throw ApiError(ApiError::BadRequest, u"duplicate bucket: "_s + where);
        keys.insert(key);
        std::int64_t &hourTotal = perHour[b.hour];
        hourTotal += b.tokens.total();
        if (hourTotal > m_config.maxTokensPerHour)
            throw ApiError(ApiError::BadRequest, u"tokens per hour over the cap: "_s + where);
        if (b.messages > 100000 || b.sessions > 10000)
            throw ApiError(ApiError::BadRequest, u"messages or sessions over the cap: "_s + where);
    }

    const PriceTable &prices = PriceTable::bundled();
    QList<StoredBucket> stored;
    QJsonArray rejected;
    QStringList unknownModels;
    stored.reserve(submission.buckets.size());
    for (qsizetype i = 0; i < submission.buckets.size(); ++i) {
        const WireBucket &b = submission.buckets.at(i);
        // An agent this server does not know yet (a newer client): skip it and
        // say so, instead of refusing the rest.
        if (!agentFromId(b.agent)) {
            rejected.append(QJsonObject {{u"index"_s, int(i)}, {u"reason"_s, u"unknown agent"_s}});
            continue;
        }
        StoredBucket s {b.hour, b.agent, b.model, b.tokens, b.messages, b.sessions, std::nullopt};
        if (auto price = prices.find(b.model)) {
            // An hourly aggregate cannot tell which requests crossed 200k
            // prompt tokens: price it at the base rates.
            price->inputAbove200k.reset();
            price->outputAbove200k.reset();
            price->cacheWriteAbove200k.reset();
            price->cacheReadAbove200k.reset();
            s.cost = PriceTable::cost(*price, b.tokens);
        } else if (!looksLikeKnownFamily(b.model) && !unknownModels.contains(b.model)) {
            unknownModels.append(b.model);
        }
        stored.append(s);
    }

    int replaced = 0;
    const QString bodyHash = WireCrypto::sha256Hex(body);
    const auto result =
        m_store.applySubmission(user.id, submission.deviceId, submission.seq, submission.prevHash,
                                bodyHash, stored, prices.version(), &replaced);
    if (result == ServerStore::ApplyResult::ChainMismatch)
        throw ApiError(ApiError::Conflict, u"chain moved on; resync"_s);
    m_acceptedBuckets += stored.size();
    ++m_acceptedSubmissions;
    reviewUser(user, unknownModels);
    sendJson(res,
             QJsonObject {{u"accepted"_s, int(stored.size())},
                          {u"rejected"_s, rejected},
                          {u"replaced"_s, replaced},
                          {u"seq"_s, qint64(submission.seq)},
                          {u"hash"_s, bodyHash},
                          {u"priceTableVersion"_s, prices.version()}});
}

void ApiServer::reviewUser(const UserRecord &user, const QStringList &unknownModels)
{
    if (user.reviewed || user.hidden)
        return;
    if (!unknownModels.isEmpty()) {
        m_store.setHidden(user.id, true, u"invented model names: "_s + unknownModels.join(u", "),
                          false);
        return;
    }
}

void ApiServer::reviewLoop()
{
    std::unique_lock lock(m_reviewMutex);
    while (!m_reviewStop) {
        m_reviewWake.wait_for(lock, std::chrono::seconds(30));
        if (m_reviewStop)
            break;
        const std::int64_t generation = m_store.generation();
        if (generation == m_reviewedGeneration)
            continue;
        m_reviewedGeneration = generation;
        lock.unlock();
        try {
            const std::int64_t now = nowSecs();
            const auto totals = m_store.tokensPerUser(now - 30 * 86400, now + 3600);
            // Shares and medians mean little with fewer users.
            if (totals.size() >= 5) {
                QList<std::int64_t> values;
                std::int64_t sum = 0;
                for (const auto &entry : totals) {
                    values.append(entry.second);
                    sum += entry.second;
                }
                std::sort(values.begin(), values.end());
                const std::int64_t median = values.at(values.size() / 2);
                for (const auto &[id, tokens] : totals) {
                    QString reason;
                    if (sum > 0 && double(tokens) / double(sum) > 0.5)
                        reason = u"more than half of all tokens in 30 days"_s;
                    else if (median > 0 && tokens > 100 * median)
                        reason = u"over 100 times the median user in 30 days"_s;
                    if (reason.isEmpty())
                        continue;
                    m_store.flagUser(id, reason);
                }
            }
        } catch (const std::exception &e) {
            std::fprintf(stderr, "review failed: %s\n", e.what());
        }
        lock.lock();
    }
}

void ApiServer::checksums(const httplib::Request &req, httplib::Response &res)
{
    limitIp(req);
    const UserRecord user = authenticate(req);
    const QString deviceId = qs(req.matches[1]);
    const auto device = m_store.device(deviceId);
    if (!device || device->userId != user.id)
        throw ApiError(ApiError::NotFound, u"unknown device"_s);
    std::int64_t from = TimeWindow::epochStart();
    const QString fromText = param(req, "from");
    if (!fromText.isEmpty()) {
        const QDate date = QDate::fromString(fromText, Qt::ISODate);
        if (!date.isValid())
            throw ApiError(ApiError::BadRequest, u"from must be YYYY-MM-DD"_s);
        from = std::max<std::int64_t>(
            from, QDateTime(date, QTime(0, 0), QTimeZone::utc()).toSecsSinceEpoch());
    }
    QJsonObject days;
    const auto sums = m_store.dayChecksums(deviceId, from);
    for (auto it = sums.cbegin(); it != sums.cend(); ++it)
        days.insert(TimeWindow::dateOf(it.key()).toString(Qt::ISODate), it.value());
    sendJson(res,
             QJsonObject {{u"deviceId"_s, deviceId},
                          {u"seq"_s, qint64(device->seq)},
                          {u"lastHash"_s, device->lastHash},
                          {u"days"_s, days}});
}

void ApiServer::getMe(const httplib::Request &req, httplib::Response &res)
{
    limitIp(req);
    const UserRecord user = authenticate(req);
    // A second device signs in with a token alone: this tells it whose it is.
    sendJson(res,
             QJsonObject {{u"username"_s, user.name},
                          {u"visibility"_s, visibilityName(user.visibility)},
                          {u"devices"_s, m_store.deviceCount(user.id)}});
}

void ApiServer::deleteMe(const httplib::Request &req, httplib::Response &res)
{
    limitIp(req);
    const UserRecord user = authenticate(req);
    m_store.deleteUser(user.id);
    sendJson(res, QJsonObject {{u"deleted"_s, true}, {u"username"_s, user.name}});
}

void ApiServer::patchMe(const httplib::Request &req, httplib::Response &res)
{
    limitIp(req);
    const UserRecord user = authenticate(req);
    limitToken(user);
    const QJsonObject body = parseObject(req, {u"visibility"});
    const QString value = requiredString(body, u"visibility"_s);
    Visibility v;
    if (value == u"private")
        v = Visibility::Private;
    else if (value == u"unlisted")
        v = Visibility::Unlisted;
    else if (value == u"public")
        v = Visibility::Public;
    else
        throw ApiError(ApiError::BadRequest, u"visibility must be private, unlisted or public"_s);
    m_store.setVisibility(user.id, v);
    sendJson(res, QJsonObject {{u"username"_s, user.name}, {u"visibility"_s, visibilityName(v)}});
}

QString ApiServer::cacheKey(const httplib::Request &req)
{
    QString key = qs(req.path);
    for (const auto &[name, value] : req.params)
        key += u'&' + qs(name) + u'=' + qs(value);
    return key;
}

void ApiServer::leaderboard(const httplib::Request &req, httplib::Response &res)
{
    const QString key = cacheKey(req);
    const std::int64_t generation = m_store.generation();
    auto cached = m_cache.get(key, generation);
    if (!cached) {
        cached = ResponseCache::Entry {renderLeaderboard(req), "application/json", 200};
        m_cache.put(key, generation, *cached);
    }
    res.set_content(cached->body.toStdString(), cached->contentType.constData());
}

QByteArray ApiServer::renderLeaderboard(const httplib::Request &req)
{
    bool ok = true;
    const int limit = req.has_param("limit") ? param(req, "limit").toInt(&ok) : 50;
    if (!ok || limit < 1 || limit > 200)
        throw ApiError(ApiError::BadRequest, u"limit must be 1-200"_s);
    const int offset = req.has_param("offset") ? param(req, "offset").toInt(&ok) : 0;
    if (!ok || offset < 0)
        throw ApiError(ApiError::BadRequest, u"offset must be >= 0"_s);
    const QString search = param(req, "q").left(64);
    const auto board =
        m_leaderboard.board({param(req, "period"), param(req, "from"), param(req, "to"),
                             param(req, "tz"), param(req, "metric"), param(req, "agent")});
    QJsonArray entries;
    int matched = 0;
    for (const BoardEntry &e : board->entries) {
        if (!search.isEmpty() && !e.name.contains(search, Qt::CaseInsensitive))
            continue;
        if (matched++ < offset || entries.size() >= limit)
            continue;
        entries.append(Leaderboard::entryJson(e));
    }
    const TimeWindow &w = board->window;
    return QJsonDocument(QJsonObject {
                             {u"period"_s, w.period},
                             {u"from"_s, w.first.toString(Qt::ISODate)},
                             {u"to"_s, w.last.toString(Qt::ISODate)},
                             {u"tz"_s, w.zoneName},
                             {u"metric"_s, board->metric},
                             {u"agent"_s, board->agent.isEmpty() ? QJsonValue() : board->agent},
                             {u"total"_s, matched},
                             {u"limit"_s, limit},
                             {u"offset"_s, offset},
                             {u"priceTableVersion"_s, PriceTable::bundled().version()},
                             {u"entries"_s, entries},
                         })
        .toJson(QJsonDocument::Compact);
}

void ApiServer::userProfile(const httplib::Request &req, httplib::Response &res)
{
    const auto user = m_store.userByName(qs(req.matches[1]));
    // Private users and unknown names answer alike: existence is private too.
    if (!user || user->visibility == Visibility::Private)
        throw ApiError(ApiError::NotFound, u"no such user"_s);
    sendJson(res, m_leaderboard.profile(*user, param(req, "tz")));
}

void ApiServer::stats(const httplib::Request &, httplib::Response &res)
{
    const StoreStats s = m_store.stats();
    sendJson(res,
             QJsonObject {{u"users"_s, qint64(s.users)},
                          {u"publicUsers"_s, qint64(s.publicUsers)},
                          {u"devices"_s, qint64(s.devices)},
                          {u"submissions"_s, qint64(s.submissions)},
                          {u"buckets"_s, qint64(s.buckets)},
                          {u"tokens"_s, qint64(s.tokens)},
                          {u"costUSD"_s, s.cost},
                          {u"priceTableVersion"_s, PriceTable::bundled().version()},
                          {u"version"_s, QStringLiteral(TOKENTALLY_VERSION)}});
}

void ApiServer::metrics(const httplib::Request &, httplib::Response &res)
{
    std::string out;
    out += "# HELP tokentally_http_requests_total HTTP requests by route class and status.\n"
           "# TYPE tokentally_http_requests_total counter\n";
    {
        std::lock_guard lock(m_metricsMutex);
        for (const auto &[key, count] : m_requestCounts) {
            out += "tokentally_http_requests_total{route=\"" + key.first + "\",status=\"" +
                std::to_string(key.second) + "\"} " + std::to_string(count) + "\n";
        }
    }
    const StoreStats s = m_store.stats();
    auto gauge = [&out](const char *name, const char *help, const char *type, double value) {
        out += std::string("# HELP ") + name + " " + help + "\n# TYPE " + name + " " + type + "\n" +
            name + " " + QByteArray::number(value, 'g', 17).toStdString() + "\n";
    };
    gauge("tokentally_accepted_submissions_total", "Submissions accepted since start.", "counter",
          double(m_acceptedSubmissions.load()));
    gauge("tokentally_accepted_buckets_total", "Buckets accepted since start.", "counter",
          double(m_acceptedBuckets.load()));
    gauge("tokentally_users", "Registered users.", "gauge", double(s.users));
    gauge("tokentally_public_users", "Users on the boards.", "gauge", double(s.publicUsers));
    gauge("tokentally_devices", "Registered devices.", "gauge", double(s.devices));
    gauge("tokentally_buckets", "Stored hourly buckets.", "gauge", double(s.buckets));
    gauge("tokentally_tokens", "Tokens in all stored buckets.", "gauge", double(s.tokens));
    res.set_content(out, "text/plain; version=0.0.4");
}

void ApiServer::sendCached(const httplib::Request &req, httplib::Response &res,
                           const QByteArray &body, const char *contentType, int maxAge)
{
    const std::string etag = "\"" + WireCrypto::sha256Hex(body).left(32).toStdString() + "\"";
    res.set_header("ETag", etag);
    res.set_header("Cache-Control", "public, max-age=" + std::to_string(maxAge));
    const std::string inm = req.get_header_value("If-None-Match");
    if (!inm.empty() && (inm == etag || inm == "W/" + etag || inm == "*")) {
        res.status = 304;
        return;
    }
    res.set_content(body.toStdString(), contentType);
}

void ApiServer::badge(const httplib::Request &req, httplib::Response &res)
{
    const QString key = cacheKey(req);
    const std::int64_t generation = m_store.generation();
    auto cached = m_cache.get(key, generation);
    if (!cached) {
        cached = renderBadge(req);
        m_cache.put(key, generation, *cached);
    }
    if (cached->contentType.startsWith("image/svg"))
        res.set_header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
    sendCached(req, res, cached->body, cached->contentType.constData(), 600);
}

ResponseCache::Entry ApiServer::renderBadge(const httplib::Request &req)
{
    const QString spec = qs(req.matches[1]);
    const bool json = req.matches[2] == "json";
    const auto style = BadgeRenderer::parseStyle(param(req, "style"));
    if (!style)
        throw ApiError(ApiError::BadRequest, u"style must be flat, flat-square or branded"_s);
    const QString period = req.has_param("period") ? param(req, "period") : u"all"_s;

    static const QStringList kinds {u"tokens"_s,      u"cost"_s,   u"rank"_s,
                                    u"active-days"_s, u"streak"_s, u"cache-efficiency"_s};
    // "/badge/{kind}/{name}" or "/badge/{name}"; names may hold a decoded '/'.
    QString kind = u"tokens"_s;
    QString name = spec;
    const qsizetype slash = spec.indexOf(u'/');
    if (slash >= 0 && kinds.contains(spec.left(slash))) {
        kind = spec.left(slash);
        name = spec.mid(slash + 1);
    } else if (slash >= 0 && !m_store.userByName(spec)) {
        throw ApiError(ApiError::NotFound, u"unknown badge"_s);
    }
    QString label;
    QString message;
    QString color;
    if (spec == u"stats") {
        label = u"tokentally"_s;
        const StoreStats s = m_store.stats();
        message = QString::number(s.users) + (s.users == 1 ? u" user"_s : u" users"_s);
        color = QString::fromLatin1(BadgeRenderer::Blue);
    } else {
        static const QHash<QString, QString> labels {
            {u"tokens"_s, u"tokens"_s}, {u"cost"_s, u"AI cost"_s},
            {u"rank"_s, u"rank"_s},     {u"active-days"_s, u"active days"_s},
            {u"streak"_s, u"streak"_s}, {u"cache-efficiency"_s, u"cache hits"_s}};
        static const QHash<QString, QString> colors {
            {u"tokens"_s, u"#2F6FEB"_s}, {u"cost"_s, u"#97ca00"_s},
            {u"rank"_s, u"#fe7d37"_s},   {u"active-days"_s, u"#4c1"_s},
            {u"streak"_s, u"#e05d44"_s}, {u"cache-efficiency"_s, u"#a4a61d"_s}};
        label = labels.value(kind);
        color = colors.value(kind);
        const auto user = m_store.userByName(name);
        if (!user || user->visibility == Visibility::Private) {
            message = u"not found"_s;
            color = QString::fromLatin1(BadgeRenderer::Grey);
        } else {
            message = m_web->badgeValue(*user, kind, period);
        }
    }
    if (req.has_param("label"))
        label = param(req, "label").left(64);
    if (req.has_param("color") && color != QString::fromLatin1(BadgeRenderer::Grey)) {
        const auto custom = BadgeRenderer::parseColor(param(req, "color"));
        if (!custom)
            throw ApiError(ApiError::BadRequest, u"invalid color"_s);
        color = *custom;
    }
    if (json)
        return {BadgeRenderer::endpointJson(label, message, color, *style), "application/json",
                200};
    return {BadgeRenderer::svg(label, message, color, *style), "image/svg+xml;charset=utf-8", 200};
}
