#include "requestguard.h"

#include "apierror.h"
#include "httputil.h"
#include "wire/wirecrypto.h"

#include <httplib.h>

using namespace Qt::StringLiterals;
using Http::qs;

RequestGuard::RequestGuard(const ServerConfig &config, ServerStore &store)
    : m_config(config)
    , m_store(store)
{
}

void RequestGuard::limitIp(const httplib::Request &req)
{
    const int wait = m_limiter.take(u"ip:"_s + qs(req.remote_addr), m_config.ipRequestsPerMinute,
                                    std::chrono::seconds(60));
    if (wait > 0)
        throw ApiError(ApiError::TooManyRequests, u"rate limit per IP"_s, wait);
}

void RequestGuard::limitToken(const UserRecord &user)
{
    const int wait = m_limiter.take(u"user:"_s + QString::number(user.id),
                                    m_config.tokenWritesPerMinute, std::chrono::seconds(60));
    if (wait > 0)
        throw ApiError(ApiError::TooManyRequests, u"rate limit per token"_s, wait);
}

void RequestGuard::limitRegistration(const httplib::Request &req)
{
    if (const int wait = m_limiter.take(u"register:"_s + qs(req.remote_addr),
                                        m_config.registrationsPerHour, std::chrono::hours(1)))
        throw ApiError(ApiError::TooManyRequests, u"registration limit per IP"_s, wait);
}

void RequestGuard::authFailed(const httplib::Request &req)
{
    m_limiter.authFailed(qs(req.remote_addr), m_config.authFailuresBeforeDelay);
}

UserRecord RequestGuard::authenticate(const httplib::Request &req)
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
