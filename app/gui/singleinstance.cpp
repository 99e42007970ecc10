#include "singleinstance.h"

#include <QDir>
#include <QLocalServer>
#include <QLocalSocket>
#include <QLockFile>
#include <QStandardPaths>

#include <optional>

using namespace Qt::StringLiterals;

SingleInstance::SingleInstance(QObject *parent)
    : QObject(parent)
{
}

SingleInstance::~SingleInstance()
{
    if (m_server)
        m_server->close();
}

QString SingleInstance::instanceId()
{
    const QString env = qEnvironmentVariable("TOKENTALLY_INSTANCE_ID");
    if (!env.isEmpty())
        return env;
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("USERNAME");
    QString id = u"tokentally-"_s + user;
#ifndef NDEBUG
    id += u"-debug"_s;
#endif
    return id;
}

bool SingleInstance::claim()
{
    const QString id = instanceId();
    QString dir = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    if (dir.isEmpty())
        dir = QDir::tempPath();
    m_lock = std::make_unique<QLockFile>(dir + u"/"_s + id + u".lock"_s);
    // A lock left by a crashed instance is stale after its process is gone.
    m_lock->setStaleLockTime(0);
    if (!m_lock->tryLock(100))
        return false;
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    // We hold the lock, so a socket left behind is from a dead instance.
    QLocalServer::removeServer(id);
    if (!m_server->listen(id))
        qWarning("tokentally: cannot listen for other launches: %s",
                 qPrintable(m_server->errorString()));
    connect(m_server, &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket *socket = m_server->nextPendingConnection()) {
            connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
            connect(socket, &QLocalSocket::readyRead, socket, [this, socket] {
                if (!socket->canReadLine())
                    return;
                const QByteArray request = socket->readLine().trimmed();
                const QByteArray reply = m_handler ? m_handler(request) : QByteArray();
                socket->write(reply + '\n');
                socket->flush();
                socket->disconnectFromServer();
            });
        }
    });
    return true;
}

std::optional<QByteArray> SingleInstance::send(const QString &id, const QByteArray &request,
                                               int timeoutMs)
{
    QLocalSocket socket;
    socket.connectToServer(id);
    if (!socket.waitForConnected(timeoutMs))
        return std::nullopt;
    socket.write(request + '\n');
    if (!socket.waitForBytesWritten(timeoutMs))
        return std::nullopt;
    QByteArray reply;
    while (!reply.endsWith('\n')) {
        const bool more = socket.waitForReadyRead(timeoutMs);
        reply += socket.readAll();
        if (!more)
            break;
    }
    if (reply.isEmpty())
        return std::nullopt;
    return reply.trimmed();
}
