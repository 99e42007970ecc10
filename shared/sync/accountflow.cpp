#include "accountflow.h"

#include "sync/payloadbuilder.h"
#include "wire/wirecodec.h"
#include "wire/wirecrypto.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QUrl>

#include <memory>

using namespace Qt::StringLiterals;

struct LoginRun
{
    LoginRequest request;
    AccountFlow::Done done;
    SyncAccount account;
    QString token;
    DeviceKey key;
    QString newToken;
};

namespace {

QByteArray jsonBody(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

SyncRequest authorized(QByteArray method, QString path, const QString &token,
                       const QByteArray &body = {})
{
    SyncRequest r;
    r.method = std::move(method);
    r.path = std::move(path);
    r.body = body;
    r.headers.append({"Authorization", "Bearer " + token.toUtf8()});
    return r;
}

AccountResult failure(const QString &error)
{
    AccountResult r;
    r.error = error;
    return r;
}

} // namespace

AccountFlow::AccountFlow(LocalStore &store, SyncTransport &transport, SecretStore &secrets)
    : m_store(store)
    , m_transport(transport)
    , m_secrets(secrets)
{
}

QString AccountFlow::normalizeServer(const QString &text)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() ||
        (url.scheme() != u"http" && url.scheme() != u"https") || url.hasQuery() ||
        url.hasFragment() || !url.userInfo().isEmpty())
        return {};
    QString out = url.toString(QUrl::FullyEncoded);
    while (out.endsWith(u'/'))
        out.chop(1);
    return out;
}

QString AccountFlow::tokenKey(const QString &deviceId)
{
    return deviceId + u"/api-token"_s;
}

QString AccountFlow::deviceKeyKey(const QString &deviceId)
{
    return deviceId + u"/device-key"_s;
}

bool AccountFlow::isValidVisibility(const QString &v)
{
    return v == u"private" || v == u"unlisted" || v == u"public";
}

QString AccountFlow::keyringError(SecretStore::Status status, const QString &message)
{
    switch (status) {
    case SecretStore::Status::NoKeyring:
        return u"no keyring service is available (on Linux: a Secret Service such as "
               "gnome-keyring or KWallet); nothing was stored. "_s +
            message;
    case SecretStore::Status::Denied:
        return u"the keyring refused access: "_s + message;
    default:
        return u"keyring error: "_s + message;
    }
}

void AccountFlow::login(const LoginRequest &request, Done done)
{
    if (const auto existing = m_store.account())
        return done(failure(u"already signed in as %1 at %2; sign out first"_s.arg(
            existing->username, existing->server)));
    auto run = std::make_shared<LoginRun>();
    run->request = request;
    run->done = std::move(done);
    run->account.server = normalizeServer(request.server);
    if (run->account.server.isEmpty())
        return run->done(failure(u"the server must be an http:// or https:// URL, got '"_s +
                                 request.server + u"'"_s));
    if (request.username.isEmpty() == request.token.isEmpty())
        return run->done(failure(u"give a user name to create an account, or a token to sign in "
                                 "to an existing one"_s));
    run->account.deviceId = u"d-"_s + QString::fromLatin1(WireCrypto::randomBytes(16).toHex());
    run->account.lastHash = WireCodec::zeroHash();
    run->key = DeviceKey::generate();
    // The keyring first: without one, stop before the server or the store
    // hears of anything, and never fall back to a file.
    m_secrets.write(
        deviceKeyKey(run->account.deviceId), WireCrypto::toBase64(run->key.privateKey()),
        [this, run](SecretStore::Status status, const QString &message) {
            if (status != SecretStore::Status::Ok)
                return run->done(failure(keyringError(status, message)));
            auto giveUp = [this, run](const QString &error) {
                m_secrets.remove(deviceKeyKey(run->account.deviceId),
                                 [run, error](SecretStore::Status, const QString &) {
                                     run->done(failure(error));
                                 });
            };
            auto haveToken = [this, run, giveUp](const QString &token) {
                run->token = token;
                m_secrets.write(tokenKey(run->account.deviceId), token.toUtf8(),
                                [this, run, giveUp](SecretStore::Status s, const QString &m) {
                                    if (s != SecretStore::Status::Ok) {
                                        QString error = keyringError(s, m);
                                        if (!run->newToken.isEmpty())
                                            error +=
                                                u" Your new account's token: "_s + run->newToken;
                                        return giveUp(error);
                                    }
                                    registerDevice(run);
                                });
            };
            if (!run->request.username.isEmpty()) {
                SyncRequest r;
                r.method = "POST";
                r.path = u"/api/v1/register"_s;
                r.body = jsonBody({{u"username"_s, run->request.username}});
                m_transport.send(
                    run->account.server, r, [run, giveUp, haveToken](const SyncReply &reply) {
                        if (reply.status != 201)
                            return giveUp(u"could not create the account: "_s + reply.reason());
                        const QJsonObject o = reply.json();
                        run->account.username = o.value(u"username"_s).toString();
                        run->account.visibility = o.value(u"visibility"_s).toString();
                        run->newToken = o.value(u"token"_s).toString();
                        haveToken(run->newToken);
                    });
                return;
            }
            m_transport.send(
                run->account.server, authorized("GET", u"/api/v1/me"_s, run->request.token),
                [run, giveUp, haveToken](const SyncReply &reply) {
                    if (reply.status != 200)
                        return giveUp(u"the server did not accept the token: "_s + reply.reason());
                    const QJsonObject o = reply.json();
                    run->account.username = o.value(u"username"_s).toString();
                    run->account.visibility = o.value(u"visibility"_s).toString();
                    haveToken(run->request.token);
                });
        });
}

void AccountFlow::registerDevice(const std::shared_ptr<LoginRun> &run)
{
    QString label = run->request.label.isEmpty() ? u"tokentally on "_s + PayloadBuilder::osName()
                                                 : run->request.label;
    const QByteArray body =
        jsonBody({{u"deviceId"_s, run->account.deviceId},
                  {u"publicKey"_s, QString::fromLatin1(WireCrypto::toBase64(run->key.publicKey()))},
                  {u"label"_s, label}});
    m_transport.send(
        run->account.server, authorized("POST", u"/api/v1/devices"_s, run->token, body),
        [this, run](const SyncReply &reply) {
            auto cleanUp = [this, run](const QString &error) {
                m_secrets.remove(tokenKey(run->account.deviceId), [this, run, error](auto, auto) {
                    m_secrets.remove(deviceKeyKey(run->account.deviceId),
                                     [run, error](auto, auto) { run->done(failure(error)); });
                });
            };
            if (reply.status != 201 && reply.status != 200)
                return cleanUp(u"could not register this device: "_s + reply.reason());
            run->account.createdMs = QDateTime::currentMSecsSinceEpoch();
            if (!AccountFlow::isValidVisibility(run->account.visibility))
                run->account.visibility = u"private"_s;
            if (!m_store.startAccount(run->account))
                return cleanUp(u"could not write the account to the local store"_s);
            AccountResult r;
            r.ok = true;
            r.account = run->account;
            r.newToken = run->newToken;
            run->done(r);
        });
}

void AccountFlow::logout(Done done)
{
    const auto account = m_store.account();
    if (!account)
        return done(failure(u"not signed in"_s));
    const QString deviceId = account->deviceId;
    m_secrets.remove(
        tokenKey(deviceId),
        [this, deviceId, done, account](SecretStore::Status s1, const QString &m1) {
            m_secrets.remove(
                deviceKeyKey(deviceId),
                [this, done, account, s1, m1](SecretStore::Status s2, const QString &m2) {
                    auto gone = [](SecretStore::Status s) {
                        return s == SecretStore::Status::Ok || s == SecretStore::Status::NotFound;
                    };
                    // The secrets must go first: forgetting the account while they stay
                    // would leave a token nobody can find to remove.
                    if (!gone(s1) || !gone(s2))
                        return done(
                            failure(keyringError(!gone(s1) ? s1 : s2, !gone(s1) ? m1 : m2)));
                    if (!m_store.forgetAccount())
                        return done(failure(u"could not update the local store"_s));
                    AccountResult r;
                    r.ok = true;
                    r.account = *account;
                    done(r);
                });
        });
}

void AccountFlow::credentials(
    std::function<void(std::optional<SyncCredentials>, const QString &)> done)
{
    const auto account = m_store.account();
    if (!account)
        return done(std::nullopt, u"not signed in"_s);
    const QString deviceId = account->deviceId;
    m_secrets.read(
        tokenKey(deviceId),
        [this, deviceId, done](SecretStore::Status s, const QByteArray &token,
                               const QString &message) {
            if (s != SecretStore::Status::Ok)
                return done(std::nullopt,
                            s == SecretStore::Status::NotFound
                                ? u"the API token is missing from the keyring; sign in again"_s
                                : keyringError(s, message));
            m_secrets.read(
                deviceKeyKey(deviceId),
                [done, token](SecretStore::Status s2, const QByteArray &key,
                              const QString &message2) {
                    if (s2 != SecretStore::Status::Ok)
                        return done(
                            std::nullopt,
                            s2 == SecretStore::Status::NotFound
                                ? u"the device key is missing from the keyring; sign in again"_s
                                : keyringError(s2, message2));
                    SyncCredentials c;
                    c.token = QString::fromUtf8(token);
                    if (!WireCrypto::fromBase64(key, &c.privateKey) || c.privateKey.size() != 32)
                        return done(std::nullopt,
                                    u"the device key in the keyring is damaged; sign in again"_s);
                    done(c, {});
                });
        });
}

void AccountFlow::withAuthorized(
    std::function<void(const SyncAccount &, const SyncCredentials &)> action, Done done)
{
    const auto account = m_store.account();
    if (!account)
        return done(failure(u"not signed in"_s));
    credentials([account, action, done](std::optional<SyncCredentials> c, const QString &error) {
        if (!c)
            return done(failure(error));
        action(*account, *c);
    });
}

void AccountFlow::setVisibility(const QString &visibility, Done done)
{
    if (!isValidVisibility(visibility))
        return done(failure(u"visibility must be private, unlisted or public"_s));
    withAuthorized(
        [this, visibility, done](const SyncAccount &account, const SyncCredentials &c) {
            m_transport.send(account.server,
                             authorized("PATCH", u"/api/v1/me"_s, c.token,
                                        jsonBody({{u"visibility"_s, visibility}})),
                             [this, visibility, done, account](const SyncReply &reply) {
                                 if (reply.status == 401)
                                     m_store.setSignedOut(true);
                                 if (reply.status != 200)
                                     return done(
                                         failure(u"the server refused: "_s + reply.reason()));
                                 m_store.setVisibility(visibility);
                                 AccountResult r;
                                 r.ok = true;
                                 r.account = account;
                                 r.account.visibility = visibility;
                                 done(r);
                             });
        },
        done);
}

void AccountFlow::refresh(Done done)
{
    withAuthorized(
        [this, done](const SyncAccount &account, const SyncCredentials &c) {
            m_transport.send(account.server, authorized("GET", u"/api/v1/me"_s, c.token),
                             [this, done, account](const SyncReply &reply) {
                                 if (reply.status == 401)
                                     m_store.setSignedOut(true);
                                 if (reply.status != 200)
                                     return done(failure(reply.reason()));
                                 AccountResult r;
                                 r.ok = true;
                                 r.account = account;
                                 const QString v = reply.json().value(u"visibility"_s).toString();
                                 if (isValidVisibility(v) && v != account.visibility) {
                                     m_store.setVisibility(v);
                                     r.account.visibility = v;
                                 }
                                 done(r);
                             });
        },
        done);
}

void AccountFlow::deleteServerData(Done done)
{
    withAuthorized(
        [this, done](const SyncAccount &account, const SyncCredentials &c) {
            m_transport.send(
                account.server, authorized("DELETE", u"/api/v1/me"_s, c.token),
                [this, done, account](const SyncReply &reply) {
                    if (reply.status != 200)
                        return done(failure(u"the server did not delete: "_s + reply.reason()));
                    // The account is gone: sign out here too.
                    logout([done, account](const AccountResult &out) {
                        AccountResult r = out;
                        r.account = account;
                        if (!out.ok)
                            r.error = u"deleted on the server, but: "_s + out.error;
                        done(r);
                    });
                });
        },
        done);
}
