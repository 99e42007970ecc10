#pragma once

#include "sync/synctransport.h"

#include <QObject>

class QNetworkAccessManager;

//! \brief SyncTransport over QNetworkAccessManager (the app's one HTTP stack).
//! Lives on the thread that uses it; requests time out after timeoutMs.
class NetworkTransport final : public QObject, public SyncTransport
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NetworkTransport)

public:
    explicit NetworkTransport(QObject *parent = nullptr);
    ~NetworkTransport() override;

    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    void send(const QString &baseUrl, const SyncRequest &request,
              std::function<void(const SyncReply &)> done) override;

private:
    QNetworkAccessManager *m_manager;
    int m_timeoutMs = 30'000;
};
