// Sends signed submissions of 48 buckets each to a running tokentally-server
// from several threads (one user and device each, keep-alive connections) and
// prints submissions per second and latency percentiles.
//
//   bench_server_ingest PORT [THREADS] [SECONDS]
#include "wire/wirecodec.h"
#include "wire/wirecrypto.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <mutex>
#include <thread>
#include <vector>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_server_ingest PORT [THREADS] [SECONDS]\n");
        return 2;
    }
    const int port = std::atoi(argv[1]);
    const int threads = argc > 2 ? std::atoi(argv[2]) : 4;
    const int seconds = argc > 3 ? std::atoi(argv[3]) : 20;
    std::atomic<long> ok {0}, failed {0};
    std::mutex mutex;
    std::vector<double> latencies;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    const std::int64_t firstHour = (QDateTime::currentSecsSinceEpoch() / 3600 - 24 * 300) * 3600;

    auto worker = [&](int index) {
        httplib::Client client("127.0.0.1", port);
        client.set_keep_alive(true);
        client.set_tcp_nodelay(true);
        client.set_read_timeout(60, 0);
        // The port keeps names apart when one instance runs per server process.
        const QString name =
            u"ingest%1p%2x%3"_s.arg(index).arg(port).arg(QDateTime::currentMSecsSinceEpoch());
        auto reg =
            client.Post("/api/v1/register",
                        QJsonDocument(QJsonObject {{u"username"_s, name}}).toJson().toStdString(),
                        "application/json");
        if (!reg || reg->status != 201) {
            std::fprintf(stderr, "register failed\n");
            return;
        }
        const std::string token = QJsonDocument::fromJson(QByteArray::fromStdString(reg->body))
                                      .object()
                                      .value(u"token"_s)
                                      .toString()
                                      .toStdString();
        const httplib::Headers auth {{"Authorization", "Bearer " + token}};
        const DeviceKey key = DeviceKey::generate();
        const QString deviceId =
            u"bench-"_s + QString::fromLatin1(WireCrypto::randomBytes(8).toHex());
        auto dev = client.Post(
            "/api/v1/devices", auth,
            QJsonDocument(
                QJsonObject {
                    {u"deviceId"_s, deviceId},
                    {u"publicKey"_s, QString::fromLatin1(WireCrypto::toBase64(key.publicKey()))}})
                .toJson()
                .toStdString(),
            "application/json");
        if (!dev || dev->status != 201) {
            std::fprintf(stderr, "device failed\n");
            return;
        }
        Submission s;
        s.deviceId = deviceId;
        s.prevHash = WireCodec::zeroHash();
        s.client = {u"bench"_s, u"1"_s, u"linux"_s};
        std::vector<double> mine;
        std::int64_t hour = firstHour;
        while (std::chrono::steady_clock::now() < deadline) {
            s.seq += 1;
            s.buckets.clear();
            for (int i = 0; i < 48; ++i) {
                WireBucket b;
                b.hour = hour + 3600 * (i / 2);
                b.agent = i % 2 ? u"codex"_s : u"claude-code"_s;
                b.model = i % 2 ? u"gpt-5"_s : u"claude-sonnet-4-5"_s;
                b.tokens = {1000 + s.seq, 2000, 30000, 500, 100};
                b.messages = 5;
                b.sessions = 1;
                s.buckets.append(b);
            }
            hour = firstHour + (s.seq % 250) * 24 * 3600;
            const QByteArray body = WireCodec::serialize(s);
            httplib::Headers headers = auth;
            headers.emplace("X-TokenTally-Signature",
                            WireCrypto::toBase64(key.sign(body)).toStdString());
            const auto start = std::chrono::steady_clock::now();
            auto res =
                client.Post("/api/v1/submissions", headers, body.toStdString(), "application/json");
            mine.push_back(
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                    .count());
            if (res && res->status == 200) {
                ++ok;
                s.prevHash = WireCrypto::sha256Hex(body);
            } else if (res && res->status == 409) {
                // Resync from the chain head the server reports (a lost answer).
                const QJsonObject o =
                    QJsonDocument::fromJson(QByteArray::fromStdString(res->body)).object();
                s.seq = o.value(u"expectedSeq"_s).toInteger() - 1;
                s.prevHash = o.value(u"lastHash"_s).toString();
                ++failed;
            } else {
                ++failed;
                s.seq -= 1;
                if (res && failed < 5)
                    std::fprintf(stderr, "status %d %s\n", res->status, res->body.c_str());
            }
        }
        std::lock_guard lock(mutex);
        latencies.insert(latencies.end(), mine.begin(), mine.end());
    };
    const auto start = std::chrono::steady_clock::now();
    std::vector<std::thread> pool;
    for (int i = 0; i < threads; ++i)
        pool.emplace_back(worker, i);
    for (auto &t : pool)
        t.join();
    const double elapsed =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::sort(latencies.begin(), latencies.end());
    auto pct = [&](double p) {
        return latencies.empty() ? 0.0 : latencies[size_t(p * double(latencies.size() - 1))];
    };
    std::printf("ingest: %ld submissions of 48 buckets in %.1f s = %.0f submissions/s "
                "(%.0f buckets/s), %ld failed, p50 %.2f ms, p99 %.2f ms\n",
                ok.load(), elapsed, double(ok.load()) / elapsed, 48.0 * double(ok.load()) / elapsed,
                failed.load(), pct(0.5), pct(0.99));
    return failed.load() == 0 ? 0 : 1;
}
