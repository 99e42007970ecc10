// Signed ingest from many simulated devices at a steady pace, for the soak
// run (run-soak.sh): each device registers its own user, goes public, and
// every INTERVAL_MS sends its next body (the last day's hourly buckets, one
// new connection per submission, as a device would). Prints counts by status,
// transport errors and latency percentiles.
//
//   soak_ingest PORT [DEVICES] [SECONDS] [INTERVAL_MS]
#include "wire/wirecodec.h"
#include "wire/wirecrypto.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

#include <httplib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

using namespace Qt::StringLiterals;
using Clock = std::chrono::steady_clock;

namespace {

struct Device
{
    std::string token;
    QString id;
    DeviceKey key = DeviceKey::generate();
    Submission chain;
    Clock::time_point due;
    bool busy = false;
};

struct Tally
{
    std::mutex mutex;
    std::map<int, long> statuses; //!< 0: no answer (transport error)
    std::vector<double> latencyMs;
    void add(int status, double ms)
    {
        std::lock_guard lock(mutex);
        ++statuses[status];
        latencyMs.push_back(ms);
    }
};

httplib::Result post(int port, const std::string &path, const httplib::Headers &headers,
                     const std::string &body)
{
    httplib::Client client("127.0.0.1", port);
    client.set_keep_alive(false);
    client.set_read_timeout(60, 0);
    return client.Post(path, headers, body, "application/json");
}

//! Registers a user with one public device; false on any refusal.
bool enroll(int port, int index, Device &d)
{
    const QString name =
        u"soak%1x%2"_s.arg(index).arg(QDateTime::currentMSecsSinceEpoch() % 100000);
    auto r = post(port, "/api/v1/register", {},
                  QJsonDocument(QJsonObject {{u"username"_s, name}}).toJson().toStdString());
    if (!r || r->status != 201)
        return false;
    d.token = QJsonDocument::fromJson(QByteArray::fromStdString(r->body))
                  .object()
                  .value(u"token"_s)
                  .toString()
                  .toStdString();
    const httplib::Headers auth {{"Authorization", "Bearer " + d.token}};
    d.id = u"soak-"_s + QString::fromLatin1(WireCrypto::randomBytes(8).toHex());
    r = post(
        port, "/api/v1/devices", auth,
        QJsonDocument(QJsonObject {{u"deviceId"_s, d.id},
                                   {u"publicKey"_s,
                                    QString::fromLatin1(WireCrypto::toBase64(d.key.publicKey()))}})
            .toJson()
            .toStdString());
    if (!r || r->status != 201)
        return false;
    httplib::Client client("127.0.0.1", port);
    r = client.Patch("/api/v1/me", auth, R"({"visibility":"public"})", "application/json");
    if (!r || r->status != 200)
        return false;
    d.chain.deviceId = d.id;
    d.chain.prevHash = WireCodec::zeroHash();
    d.chain.client = {u"soak"_s, u"1"_s, u"linux"_s};
    return true;
}

//! The device's next body: the last 24 hours, counts growing as a day goes on.
QByteArray nextBody(Device &d)
{
    const std::int64_t hourNow = QDateTime::currentSecsSinceEpoch() / 3600 * 3600;
    d.chain.seq += 1;
    d.chain.buckets.clear();
    for (int h = 0; h < 24; ++h) {
        WireBucket b;
        b.hour = hourNow - 3600 * h;
        b.agent = h % 2 ? u"codex"_s : u"claude-code"_s;
        b.model = h % 2 ? u"gpt-5"_s : u"claude-sonnet-4-5"_s;
        b.tokens = {100 * d.chain.seq + h, 2000, 30000 + h, 500 + d.chain.seq, 0};
        b.messages = 1 + h % 7;
        b.sessions = 1;
        d.chain.buckets.append(b);
    }
    return WireCodec::serialize(d.chain);
}

} // namespace

int main(int argc, char *argv[])
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: soak_ingest PORT [DEVICES] [SECONDS] [INTERVAL_MS]\n");
        return 2;
    }
    const int port = std::atoi(argv[1]);
    const int count = argc > 2 ? std::atoi(argv[2]) : 50;
    const int seconds = argc > 3 ? std::atoi(argv[3]) : 600;
    const int intervalMs = argc > 4 ? std::atoi(argv[4]) : 2000;

    std::vector<Device> devices(static_cast<size_t>(count));
    for (int i = 0; i < count; ++i) {
        if (!enroll(port, i, devices[size_t(i)])) {
            std::fprintf(stderr, "soak_ingest: enrolling device %d failed\n", i);
            return 1;
        }
        // Spread the devices over one interval.
        devices[size_t(i)].due = Clock::now() + std::chrono::milliseconds(intervalMs * i / count);
    }
    Tally tally;
    const auto deadline = Clock::now() + std::chrono::seconds(seconds);
    std::mutex schedule;
    auto sender = [&] {
        while (Clock::now() < deadline) {
            // The device due first among those no other thread is sending.
            Device *d = nullptr;
            {
                std::lock_guard lock(schedule);
                for (Device &candidate : devices) {
                    if (!candidate.busy && (!d || candidate.due < d->due))
                        d = &candidate;
                }
                if (d)
                    d->busy = true;
            }
            if (!d) {
                std::this_thread::sleep_for(std::chrono::milliseconds(5));
                continue;
            }
            std::this_thread::sleep_until(d->due);
            const QByteArray body = nextBody(*d);
            const httplib::Headers headers {
                {"Authorization", "Bearer " + d->token},
                {"X-TokenTally-Signature", WireCrypto::toBase64(d->key.sign(body)).toStdString()}};
            const auto start = Clock::now();
            const auto r = post(port, "/api/v1/submissions", headers, body.toStdString());
            tally.add(r ? r->status : 0,
                      std::chrono::duration<double, std::milli>(Clock::now() - start).count());
            if (r && r->status == 200) {
                d->chain.prevHash = WireCrypto::sha256Hex(body);
            } else if (r && r->status == 409) {
                // Resync from the chain head the server reports.
                const QJsonObject o =
                    QJsonDocument::fromJson(QByteArray::fromStdString(r->body)).object();
                d->chain.seq = o.value(u"expectedSeq"_s).toInteger() - 1;
                d->chain.prevHash = o.value(u"lastHash"_s).toString();
            } else {
                d->chain.seq -= 1; // the same seq again next time
            }
            std::lock_guard lock(schedule);
            d->due += std::chrono::milliseconds(intervalMs);
            d->busy = false;
        }
    };
    std::vector<std::thread> pool;
    for (int i = 0; i < 4; ++i)
        pool.emplace_back(sender);
    for (auto &t : pool)
        t.join();

    std::sort(tally.latencyMs.begin(), tally.latencyMs.end());
    auto pct = [&](double p) {
        return tally.latencyMs.empty()
            ? 0.0
            : tally.latencyMs[size_t(p * double(tally.latencyMs.size() - 1))];
    };
    long ok = 0, other = 0;
    std::printf("ingest: %d devices, one body of 24 buckets every %d ms each\n", count, intervalMs);
    for (const auto &[status, n] : tally.statuses) {
        std::printf("  %s %ld\n", status ? std::to_string(status).c_str() : "no answer", n);
        (status >= 200 && status < 300 ? ok : other) += n;
    }
    std::printf("ingest: %ld accepted, %ld not (errors or non-2xx), %.1f submissions/s, "
                "p50 %.2f ms, p99 %.2f ms, max %.2f ms\n",
                ok, other, double(ok) / seconds, pct(0.5), pct(0.99), pct(1.0));
    return other == 0 ? 0 : 1;
}
