#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <initializer_list>
#include <string>

namespace httplib {
struct Request;
struct Response;
} // namespace httplib

//! \brief Small helpers every route uses: parameters, JSON bodies and answers.
namespace Http {

QString qs(const std::string &s);
//! A query parameter, empty when absent.
QString param(const httplib::Request &req, const char *name);
void sendJson(httplib::Response &res, const QJsonObject &body, int status = 200);
QJsonObject errorJson(int status, const QString &reason);
//! A JSON object body with only \a allowed keys (all optional here; the
//! caller checks what it needs). Throws ApiError(400).
QJsonObject parseObject(const httplib::Request &req, std::initializer_list<QStringView> allowed);
//! Throws ApiError(400) unless \a key holds a string.
QString requiredString(const QJsonObject &o, const QString &key);
//! Path and query, for cache keys.
QString cacheKey(const httplib::Request &req);
//! Sends \a body with an ETag, answering 304 when the client has it.
void sendCached(const httplib::Request &req, httplib::Response &res, const QByteArray &body,
                const char *contentType, int maxAge);

} // namespace Http
