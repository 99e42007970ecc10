#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

#include <functional>

//! \brief One HTTP request of the sync protocol, relative to the server's base URL.
struct SyncRequest
{
    QByteArray method; //!< "GET", "POST", "PATCH", "DELETE"
    QString path; //!< "/api/v1/submissions", with any query
    QByteArray body; //!< Sent as application/json when not empty.
    QList<QPair<QByteArray, QByteArray>> headers;
};

//! \brief The answer: an HTTP status, or 0 with a network error.
struct SyncReply
{
    int status = 0; //!< 0: no HTTP answer (refused, unreachable, timed out)
    QByteArray body;
    QString networkError;
    int retryAfterSeconds = -1; //!< From Retry-After, when present.

    QJsonObject json() const;
    //! The server's JSON "error" reason, or the network error, or "HTTP n".
    QString reason() const;
};

//! \brief Sends sync requests (the app implements it over QNetworkAccessManager).
//! Asynchronous: \a done runs later, on the caller's thread, exactly once.
class SyncTransport
{
public:
    virtual ~SyncTransport() = default;
    virtual void send(const QString &baseUrl, const SyncRequest &request,
                      std::function<void(const SyncReply &)> done) = 0;
};
