#include "networktransport.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrl>

using namespace Qt::StringLiterals;

NetworkTransport::NetworkTransport(QObject *parent)
    : QObject(parent)
    , m_manager(new QNetworkAccessManager(this))
{
    // Submissions are small and rare; a fresh connection per burst is fine, and
    // no proxy auto-detection or cookie jar is wanted for a JSON API.
    m_manager->setAutoDeleteReplies(true);
}

NetworkTransport::~NetworkTransport() = default;

void NetworkTransport::send(const QString &baseUrl, const SyncRequest &request,
                            std::function<void(const SyncReply &)> done)
{
    QNetworkRequest r(QUrl(baseUrl + request.path));
    r.setTransferTimeout(m_timeoutMs);
    r.setHeader(QNetworkRequest::UserAgentHeader, u"tokentally/" TOKENTALLY_VERSION ""_s);
    if (!request.body.isEmpty())
        r.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    for (const auto &[name, value] : request.headers)
        r.setRawHeader(name, value);
    // Never follow a redirect with a bearer token to somewhere else.
    r.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    QNetworkReply *reply = m_manager->sendCustomRequest(
        r, request.method, request.body.isEmpty() ? QByteArray() : request.body);
    connect(reply, &QNetworkReply::finished, this, [reply, done = std::move(done)] {
        SyncReply out;
        const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        if (status.isValid()) {
            out.status = status.toInt();
            out.body = reply->readAll();
            bool ok = false;
            const int retry = reply->rawHeader("Retry-After").trimmed().toInt(&ok);
            if (ok && retry >= 0)
                out.retryAfterSeconds = retry;
        } else {
            out.networkError = reply->errorString();
        }
        done(out);
    });
}
