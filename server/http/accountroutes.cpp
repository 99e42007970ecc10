#include "accountroutes.h"

#include "apierror.h"
#include "boards/timewindow.h"
#include "httputil.h"
#include "servercontext.h"
#include "wire/wirecodec.h"
#include "wire/wirecrypto.h"

#include <QDateTime>
#include <QJsonObject>
#include <QRegularExpression>

#include <httplib.h>

using namespace Qt::StringLiterals;
using namespace Http;

namespace {

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

} // namespace

AccountRoutes::AccountRoutes(ServerContext &context)
    : m_context(context)
{
}

void AccountRoutes::addRoutes(httplib::Server &s)
{
    using Req = const httplib::Request &;
    using Res = httplib::Response &;
    s.Post("/api/v1/register", [this](Req req, Res res) { registerUser(req, res); });
    s.Post("/api/v1/devices", [this](Req req, Res res) { addDevice(req, res); });
    s.Get(R"(/api/v1/devices/([A-Za-z0-9_-]+)/checksums)",
          [this](Req req, Res res) { checksums(req, res); });
    s.Get("/api/v1/me", [this](Req req, Res res) { getMe(req, res); });
    s.Delete("/api/v1/me", [this](Req req, Res res) { deleteMe(req, res); });
    s.Patch("/api/v1/me", [this](Req req, Res res) { patchMe(req, res); });
}

void AccountRoutes::registerUser(const httplib::Request &req, httplib::Response &res)
{
    m_context.guard.limitIp(req);
    if (!m_context.config.openRegistration)
        throw ApiError(ApiError::Forbidden, u"registration closed"_s);
    const QJsonObject body = parseObject(req, {u"username"});
    const QString name = requiredString(body, u"username"_s);
    if (!isValidUsername(name))
        throw ApiError(ApiError::BadRequest,
                       u"invalid username: 3-32 letters, digits, '-' or '_'"_s);
    m_context.guard.limitRegistration(req);
    const QString token = u"tt_"_s + QString::fromLatin1(WireCrypto::randomBytes(32).toHex());
    const auto user = m_context.store.createUser(name, WireCrypto::sha256Hex(token.toUtf8()));
    if (!user)
        throw ApiError(ApiError::Conflict, u"username taken"_s);
    sendJson(
        res,
        QJsonObject {{u"username"_s, name}, {u"token"_s, token}, {u"visibility"_s, u"private"_s}},
        201);
}

void AccountRoutes::addDevice(const httplib::Request &req, httplib::Response &res)
{
    m_context.guard.limitIp(req);
    const UserRecord user = m_context.guard.authenticate(req);
    m_context.guard.limitToken(user);
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
    if (!m_context.store.addDevice(device)) {
        const auto existing = m_context.store.device(deviceId);
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

void AccountRoutes::checksums(const httplib::Request &req, httplib::Response &res)
{
    m_context.guard.limitIp(req);
    const UserRecord user = m_context.guard.authenticate(req);
    const QString deviceId = qs(req.matches[1]);
    const auto device = m_context.store.device(deviceId);
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
    const auto sums = m_context.store.dayChecksums(deviceId, from);
    for (auto it = sums.cbegin(); it != sums.cend(); ++it)
        days.insert(TimeWindow::dateOf(it.key()).toString(Qt::ISODate), it.value());
    sendJson(res,
             QJsonObject {{u"deviceId"_s, deviceId},
                          {u"seq"_s, qint64(device->seq)},
                          {u"lastHash"_s, device->lastHash},
                          {u"days"_s, days}});
}

void AccountRoutes::getMe(const httplib::Request &req, httplib::Response &res)
{
    m_context.guard.limitIp(req);
    const UserRecord user = m_context.guard.authenticate(req);
    // A second device signs in with a token alone: this tells it whose it is.
    sendJson(res,
             QJsonObject {{u"username"_s, user.name},
                          {u"visibility"_s, visibilityName(user.visibility)},
                          {u"devices"_s, m_context.store.deviceCount(user.id)}});
}

void AccountRoutes::deleteMe(const httplib::Request &req, httplib::Response &res)
{
    m_context.guard.limitIp(req);
    const UserRecord user = m_context.guard.authenticate(req);
    m_context.store.deleteUser(user.id);
    sendJson(res, QJsonObject {{u"deleted"_s, true}, {u"username"_s, user.name}});
}

void AccountRoutes::patchMe(const httplib::Request &req, httplib::Response &res)
{
    m_context.guard.limitIp(req);
    const UserRecord user = m_context.guard.authenticate(req);
    m_context.guard.limitToken(user);
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
    m_context.store.setVisibility(user.id, v);
    sendJson(res, QJsonObject {{u"username"_s, user.name}, {u"visibility"_s, visibilityName(v)}});
}
