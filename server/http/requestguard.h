#pragma once

#include "ratelimiter.h"
#include "serverconfig.h"
#include "store/serverstore.h"

namespace httplib {
struct Request;
} // namespace httplib

//! \brief Authentication and the per-process limits of the API routes: per-IP
//! and per-token request rates, registrations per IP, growing delays after
//! failed authentications. Each throws ApiError (401 or 429 + Retry-After).
class RequestGuard
{
public:
    RequestGuard(const ServerConfig &config, ServerStore &store);

    //! The user of the request's bearer token; throws 401 (and slows the IP down).
    UserRecord authenticate(const httplib::Request &req);
    void limitIp(const httplib::Request &req);
    void limitToken(const UserRecord &user);
    void limitRegistration(const httplib::Request &req);
    //! A failed authentication that is not a token (a bad signature).
    void authFailed(const httplib::Request &req);

private:
    const ServerConfig &m_config;
    ServerStore &m_store;
    RateLimiter m_limiter;
};
