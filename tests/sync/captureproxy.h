#pragma once

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

namespace httplib {
class Server;
}

//! One request as it reached the proxy, and what the client was answered.
struct CapturedRequest
{
    QByteArray method;
    QString path;
    QMap<QString, QString> headers; //!< lower-case names
    QByteArray body;
    int status = 0; //!< what the client got
    QByteArray answer;
};

//! \brief An HTTP proxy on 127.0.0.1 between the real client and the real
//! server: it records every request (the privacy tests read every byte that
//! left), and a hook can tamper, replay, or lose the answer, which is how the
//! tests put faults exactly where they want them.
class CaptureProxy
{
public:
    //! What the hook decides for one request.
    struct Decision
    {
        enum class Mode {
            Forward, //!< Forward (the hook may have changed the request).
            Respond, //!< Do not forward; answer status/body.
            ForwardThenRespond, //!< Forward, drop the server's answer, answer status/body.
        };
        Mode mode = Mode::Forward;
        int status = 0;
        QByteArray body;
    };
    using Hook = std::function<Decision(CapturedRequest &)>;

    CaptureProxy();
    ~CaptureProxy();

    bool start(int targetPort);
    void stop();
    int port() const { return m_port; }
    void setTarget(int port) { m_target = port; }
    void setHook(Hook hook);
    //! Sleeps this long before forwarding each request (widens kill windows).
    void setDelayMs(int ms) { m_delayMs = ms; }

    QList<CapturedRequest> requests() const;
    void clear();
    //! Sends \a request to the server directly (no hook, not recorded).
    CapturedRequest forward(const CapturedRequest &request) const;

private:
    std::unique_ptr<httplib::Server> m_server;
    std::thread m_thread;
    int m_port = 0;
    std::atomic<int> m_target {0};
    std::atomic<int> m_delayMs {0};
    mutable std::mutex m_mutex;
    Hook m_hook;
    QList<CapturedRequest> m_requests;
};
