// HTTP requests into tokentally-server's request handling, in process: the
// bytes go through cpp-httplib's request parser, the Host check, the routes
// (API, badges, pages) and the error handlers, on a real SQLite store, through
// ApiServer::httpServer() and httplib's own per-request entry point, with a
// stream in place of the socket.
//
// Input: byte 0 picks the form. 'R': the rest is a raw request, as a client
// sent it. Otherwise the rest is "METHOD TARGET\n" + header lines + "\n" +
// body, and the harness completes the request: Host, Content-Length, and by
// the bits of byte 0 the bearer token of a registered user (1), an Ed25519
// signature of the body by its device (2), and, for a body the wire decoder
// accepts, the device's next seq and prevHash (4), so that the fuzzer reaches
// ingest and the store, not just the signature check.
//
// Must hold: no request gets a 5xx; an /api/ error is JSON with "error" and
// "reason"; a request answered with an error changes no count in the store.

#include "fuzzsupport.h"
#include "wire/wirecodec.h"
#include "wire/wirecrypto.h"

#include "http/apiserver.h"
#include "store/storefactory.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <httplib.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <optional>

using namespace Qt::StringLiterals;

namespace {

//! A client connection: reads the request bytes, collects the answer.
class FuzzStream final : public httplib::Stream
{
public:
    explicit FuzzStream(std::string_view input)
        : m_input(input)
    {
    }
    bool is_readable() const override { return true; }
    bool is_writable() const override { return true; }
    ssize_t read(char *ptr, size_t size) override
    {
        const size_t n = std::min(size, m_input.size());
        std::memcpy(ptr, m_input.data(), n);
        m_input.remove_prefix(n);
        return ssize_t(n);
    }
    ssize_t write(const char *ptr, size_t size) override
    {
        m_output.append(ptr, size);
        return ssize_t(size);
    }
    void get_remote_ip_and_port(std::string &ip, int &port) const override
    {
        ip = "127.0.0.1";
        port = 40000;
    }
    void get_local_ip_and_port(std::string &ip, int &port) const override
    {
        ip = "127.0.0.1";
        port = 8787;
    }
    socket_t socket() const override { return INVALID_SOCKET; }
    const std::string &output() const { return m_output; }

private:
    std::string_view m_input;
    std::string m_output;
};

//! httplib's per-request entry point is protected; a pointer to it taken
//! through a derived class may be called on any Server.
struct ServerAccess : httplib::Server
{
    static constexpr auto processRequest = &ServerAccess::process_request;
};

struct Answer
{
    int status = 0;
    std::string body;
};

//! The body as sent before httplib compressed it for an Accept-Encoding the
//! request named (gzip or br for JSON, HTML and SVG).
std::string decoded(std::string head, const std::string &body)
{
    std::transform(head.begin(), head.end(), head.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    std::unique_ptr<httplib::detail::decompressor> decompressor;
    if (head.find("\r\ncontent-encoding: gzip") != std::string::npos ||
        head.find("\r\ncontent-encoding: deflate") != std::string::npos)
        decompressor = std::make_unique<httplib::detail::gzip_decompressor>();
    else if (head.find("\r\ncontent-encoding: br") != std::string::npos)
        decompressor = std::make_unique<httplib::detail::brotli_decompressor>();
    if (!decompressor)
        return body;
    std::string plain;
    FUZZ_CHECK(decompressor->decompress(body.data(), body.size(), [&](const char *data, size_t n) {
        plain.append(data, n);
        return true;
    }));
    return plain;
}

Answer parseAnswer(const std::string &raw)
{
    Answer a;
    size_t at = 0;
    // "Expect: 100-continue" gets an interim "100 Continue" before the answer.
    while (raw.size() > at + 12 && raw.compare(at, 5, "HTTP/") == 0) {
        a.status = std::atoi(raw.c_str() + at + 9);
        const size_t end = raw.find("\r\n\r\n", at);
        if (end == std::string::npos)
            break;
        a.body = raw.substr(end + 4);
        if (a.status >= 200) {
            a.body = decoded(raw.substr(at, end - at), a.body);
            break;
        }
        at = end + 4;
    }
    return a;
}

struct Server
{
    std::unique_ptr<ServerStore> store;
    std::unique_ptr<ApiServer> api;
    std::string token;
    QString deviceId = u"fuzz-device-0001"_s;
    DeviceKey key = DeviceKey::generate();
    std::int64_t seq = 0;
    QString lastHash = WireCodec::zeroHash();
    int requests = 0;
};

std::unique_ptr<Server> g_server;

Answer handle(const std::string &request)
{
    FuzzStream stream(request);
    bool closed = false;
    (g_server->api->httpServer().*ServerAccess::processRequest)(stream, true, closed, {});
    ++g_server->requests;
    return parseAnswer(stream.output());
}

std::string completeRequest(const std::string &head, const std::string &headers,
                            const std::string &body)
{
    return head + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers +
        "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

//! A fresh store and server with one user (public) and one device. Recreated
//! now and then, so the database stays small and fast.
void startServer()
{
    g_server.reset();
    const QString dir = FuzzSupport::scratchDir();
    const QString path = dir + u"/server.db"_s;
    for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s})
        QFile::remove(path + suffix);
    ServerConfig config;
    config.port = 0;
    config.databasePath = path;
    config.quiet = true;
    config.ipRequestsPerMinute = 0;
    config.tokenWritesPerMinute = 0;
    config.registrationsPerHour = 0;
    config.authFailuresBeforeDelay = 1 << 30;
    auto s = std::make_unique<Server>();
    QString error;
    s->store = StoreFactory::open(config, StoreFactory::Role::Server, &error);
    if (!s->store)
        FuzzSupport::fail(qPrintable(error), __FILE__, __LINE__);
    s->api = std::make_unique<ApiServer>(config, *s->store);
    g_server = std::move(s);

    Answer a = handle(completeRequest("POST /api/v1/register", "", R"({"username":"fuzzer"})"));
    FUZZ_CHECK(a.status == 201);
    g_server->token = QJsonDocument::fromJson(QByteArray::fromStdString(a.body))
                          .object()
                          .value(u"token"_s)
                          .toString()
                          .toStdString();
    const std::string auth = "Authorization: Bearer " + g_server->token + "\r\n";
    const QJsonObject device {
        {u"deviceId"_s, g_server->deviceId},
        {u"publicKey"_s, QString::fromLatin1(WireCrypto::toBase64(g_server->key.publicKey()))}};
    a = handle(completeRequest("POST /api/v1/devices", auth,
                               QJsonDocument(device).toJson().toStdString()));
    FUZZ_CHECK(a.status == 201);
    a = handle(completeRequest("PATCH /api/v1/me", auth, R"({"visibility":"public"})"));
    FUZZ_CHECK(a.status == 200);
}

bool sameCounts(const StoreStats &a, const StoreStats &b)
{
    return a.users == b.users && a.devices == b.devices && a.buckets == b.buckets &&
        a.submissions == b.submissions && a.tokens == b.tokens;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    FuzzSupport::ensureCoreApplication();
    startServer();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (!g_server || g_server->requests > 20000)
        startServer();
    if (size == 0)
        return 0;
    const std::string_view input(reinterpret_cast<const char *>(data) + 1, size - 1);
    const std::uint8_t mode = data[0];
    std::string request;
    std::string path;
    bool chained = false;
    QByteArray signedBody;
    if (mode == 'R') {
        request = std::string(input);
        const size_t sp = request.find(' ');
        if (sp != std::string::npos)
            path = request.substr(sp + 1, request.find(' ', sp + 1) - sp - 1);
    } else {
        const auto parts = FuzzSupport::split(input, "\n\n", 2);
        const auto lines = FuzzSupport::split(parts[0], "\n", 32);
        const std::string head(lines[0]);
        const size_t sp = head.find(' ');
        path = sp == std::string::npos ? std::string() : head.substr(sp + 1);
        std::string headers;
        for (size_t i = 1; i < lines.size(); ++i)
            headers += std::string(lines[i]) + "\r\n";
        QByteArray body = parts.size() > 1 ? QByteArray(parts[1].data(), qsizetype(parts[1].size()))
                                           : QByteArray();
        if (mode & 4) {
            Submission s;
            QString error;
            if (WireCodec::parse(body, &s, &error)) {
                s.deviceId = g_server->deviceId;
                s.seq = g_server->seq + 1;
                s.prevHash = g_server->lastHash;
                body = WireCodec::serialize(s);
                chained = true;
            }
        }
        if (mode & 1)
            headers += "Authorization: Bearer " + g_server->token + "\r\n";
        if (mode & 2) {
            headers += "X-TokenTally-Signature: " +
                WireCrypto::toBase64(g_server->key.sign(body)).toStdString() + "\r\n";
            signedBody = body;
        }
        request = completeRequest(head, headers, body.toStdString());
    }

    const StoreStats before = g_server->store->stats();
    const Answer a = handle(request);
    // httplib answers nothing at all to some broken requests (it closes the
    // connection); everything it does answer has a status line.
    if (a.status == 0)
        return 0;
    FUZZ_CHECK(a.status >= 200 && a.status < 500);
    if (a.status >= 400) {
        FUZZ_CHECK(sameCounts(before, g_server->store->stats()));
        // A HEAD answer has the headers of a GET and no body.
        const bool head = request.rfind("HEAD ", 0) == 0;
        if (path.rfind("/api/", 0) == 0 && !head) {
            QJsonParseError error;
            const QJsonObject o =
                QJsonDocument::fromJson(QByteArray::fromStdString(a.body), &error).object();
            FUZZ_CHECK(error.error == QJsonParseError::NoError);
            FUZZ_CHECK(o.value(u"error"_s).isString() && o.value(u"reason"_s).isString());
        }
    }
    // The chain may have moved (a body the harness completed, or one the fuzzer
    // got right by itself): follow the store.
    if (a.status == 200) {
        const auto device = g_server->store->device(g_server->deviceId);
        if (!device) { // DELETE /api/v1/me with the harness's token
            startServer();
            return 0;
        }
        if (chained && path == "/api/v1/submissions")
            FUZZ_CHECK(device->lastHash == WireCrypto::sha256Hex(signedBody));
        g_server->seq = device->seq;
        g_server->lastHash = device->lastHash;
    }
    return 0;
}
