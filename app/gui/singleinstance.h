#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>

class QLocalServer;
class QLockFile;

// One app per user (STYLE.md §17): a QLockFile decides who is first, a QLocalServer
// takes requests from later launches ("show-dashboard") and from tests ("status").
// TOKENTALLY_INSTANCE_ID overrides the id so tests run beside a real instance.
class SingleInstance final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SingleInstance)

public:
    using Handler = std::function<QByteArray(const QByteArray &request)>;

    explicit SingleInstance(QObject *parent = nullptr);
    ~SingleInstance() override;

    static QString instanceId();
    // True when this process is the first: it now owns the lock and listens.
    bool claim();
    void setHandler(Handler handler) { m_handler = std::move(handler); }
    // Sends one request line to the running instance; its reply, or nothing.
    static std::optional<QByteArray> send(const QString &id, const QByteArray &request,
                                          int timeoutMs = 2000);

private:
    std::unique_ptr<QLockFile> m_lock;
    QLocalServer *m_server = nullptr;
    Handler m_handler;
};
