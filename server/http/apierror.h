#pragma once

#include <QJsonObject>
#include <QString>

#include <exception>

//! \brief The one error a route handler throws; ApiServer's exception handler
//! turns it into `{"error": ..., "reason": ...}` with the status code.
class ApiError : public std::exception
{
public:
    enum Type {
        BadRequest = 400,
        Unauthorized = 401,
        Forbidden = 403,
        NotFound = 404,
        Conflict = 409,
        PayloadTooLarge = 413,
        TooManyRequests = 429,
        Internal = 500,
        Unavailable = 503,
    };

    ApiError(Type type, QString reason, int retryAfter = 0)
        : m_type(type)
        , m_reason(std::move(reason))
        , m_retryAfter(retryAfter)
    {
    }

    Type type() const { return m_type; }
    int status() const { return int(m_type); }
    const QString &reason() const { return m_reason; }
    //! Seconds for a Retry-After header (429 only).
    int retryAfter() const { return m_retryAfter; }
    const char *what() const noexcept override { return "ApiError"; }
    //! Extra fields for the JSON answer (a 409 carries the device's chain head).
    QJsonObject extra;

    ApiError &with(const QString &key, const QJsonValue &value)
    {
        extra.insert(key, value);
        return *this;
    }

    //! \brief The short machine-readable name of a status ("bad_request").
    static const char *errorName(int status)
    {
        switch (status) {
        case 400:
            return "bad_request";
        case 401:
            return "unauthorized";
        case 403:
            return "forbidden";
        case 404:
            return "not_found";
        case 405:
            return "method_not_allowed";
        case 409:
            return "conflict";
        case 413:
            return "payload_too_large";
        case 414:
            return "uri_too_long";
        case 429:
            return "too_many_requests";
        case 431:
            return "headers_too_large";
        case 503:
            return "unavailable";
        default:
            return status >= 500 ? "internal_error" : "error";
        }
    }

private:
    Type m_type;
    QString m_reason;
    int m_retryAfter;
};
