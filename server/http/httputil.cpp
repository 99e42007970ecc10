#include "httputil.h"

#include "apierror.h"
#include "wire/wirecrypto.h"

#include <QJsonDocument>

#include <httplib.h>

using namespace Qt::StringLiterals;

namespace Http {

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

QString param(const httplib::Request &req, const char *name)
{
    return req.has_param(name) ? qs(req.get_param_value(name)) : QString();
}

void sendJson(httplib::Response &res, const QJsonObject &body, int status)
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

QString cacheKey(const httplib::Request &req)
{
    QString key = qs(req.path);
    for (const auto &[name, value] : req.params)
        key += u'&' + qs(name) + u'=' + qs(value);
    return key;
}

void sendCached(const httplib::Request &req, httplib::Response &res, const QByteArray &body,
                const char *contentType, int maxAge)
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

} // namespace Http
