#include "captureproxy.h"

#include <httplib.h>

#include <chrono>

using namespace Qt::StringLiterals;

CaptureProxy::CaptureProxy() = default;

CaptureProxy::~CaptureProxy()
{
    stop();
}

bool CaptureProxy::start(int targetPort)
{
    m_target = targetPort;
    m_server = std::make_unique<httplib::Server>();
    m_server->set_tcp_nodelay(true);
    auto handle = [this](const httplib::Request &req, httplib::Response &res) {
        CapturedRequest c;
        c.method = QByteArray::fromStdString(req.method);
        c.path = QString::fromStdString(req.target.empty() ? req.path : req.target);
        for (const auto &[name, value] : req.headers)
            c.headers.insert(QString::fromStdString(name).toLower(), QString::fromStdString(value));
        c.body = QByteArray::fromStdString(req.body);
        Decision decision;
        Hook hook;
        {
            std::lock_guard lock(m_mutex);
            hook = m_hook;
        }
        if (hook)
            decision = hook(c);
        if (const int delay = m_delayMs.load())
            std::this_thread::sleep_for(std::chrono::milliseconds(delay));
        CapturedRequest answered = c;
        if (decision.mode != Decision::Mode::Respond)
            answered = forward(c);
        if (decision.mode != Decision::Mode::Forward) {
            answered.status = decision.status;
            answered.answer = decision.body;
        }
        c.status = answered.status;
        c.answer = answered.answer;
        res.status = answered.status ? answered.status : 502;
        res.set_content(answered.answer.toStdString(), "application/json");
        const QString retry = answered.headers.value(u"retry-after"_s);
        if (!retry.isEmpty())
            res.set_header("Retry-After", retry.toStdString());
        std::lock_guard lock(m_mutex);
        m_requests.append(c);
    };
    m_server->Get(".*", handle);
    m_server->Post(".*", handle);
    m_server->Patch(".*", handle);
    m_server->Delete(".*", handle);
    m_port = m_server->bind_to_any_port("127.0.0.1");
    if (m_port <= 0)
        return false;
    m_thread = std::thread([this] { m_server->listen_after_bind(); });
    return true;
}

void CaptureProxy::stop()
{
    if (m_server)
        m_server->stop();
    if (m_thread.joinable())
        m_thread.join();
    m_server.reset();
}

void CaptureProxy::setHook(Hook hook)
{
    std::lock_guard lock(m_mutex);
    m_hook = std::move(hook);
}

QList<CapturedRequest> CaptureProxy::requests() const
{
    std::lock_guard lock(m_mutex);
    return m_requests;
}

void CaptureProxy::clear()
{
    std::lock_guard lock(m_mutex);
    m_requests.clear();
}

CapturedRequest CaptureProxy::forward(const CapturedRequest &request) const
{
    httplib::Client client("127.0.0.1", m_target.load());
    client.set_read_timeout(30, 0);
    httplib::Headers headers;
    for (auto it = request.headers.cbegin(); it != request.headers.cend(); ++it) {
        if (it.key() == u"host" || it.key() == u"content-length" || it.key() == u"connection" ||
            it.key() == u"content-type")
            continue;
        headers.emplace(it.key().toStdString(), it.value().toStdString());
    }
    const std::string path = request.path.toStdString();
    const std::string body = request.body.toStdString();
    httplib::Result result = request.method == "GET" ? client.Get(path, headers)
        : request.method == "POST"  ? client.Post(path, headers, body, "application/json")
        : request.method == "PATCH" ? client.Patch(path, headers, body, "application/json")
                                    : client.Delete(path, headers, body, "application/json");
    CapturedRequest out = request;
    out.headers.clear();
    if (!result) {
        out.status = 0;
        out.answer = R"({"error":"bad_gateway","reason":"proxy: the server did not answer"})";
        return out;
    }
    out.status = result->status;
    out.answer = QByteArray::fromStdString(result->body);
    for (const auto &[name, value] : result->headers)
        out.headers.insert(QString::fromStdString(name).toLower(), QString::fromStdString(value));
    return out;
}
