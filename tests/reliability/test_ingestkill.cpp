// SIGKILL tokentally-server at random moments while clients submit signed
// bodies under load. Every submission the server answered 200 must be there
// afterwards, nothing else (a body whose answer was lost counts when the
// server's chain names it), a SQLite store must pass PRAGMA integrity_check
// after every kill, and each device's rows must equal, day by day, what its
// accepted bodies say (rows replace rows, so a doubled body would show as a
// wrong chain, a lost one as a wrong checksum). TOKENTALLY_TEST_BACKEND=postgres
// runs it on PostgreSQL.
//
// TOKENTALLY_KILLS sets the number of kills (default 10, the CI variant; the
// long variant in tests/reliability/CMakeLists.txt asks for 120).

#include "servertestclient.h"
#include "store/database.h"
#include "wire/wirecodec.h"
#include "wire/wirecrypto.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

#include <httplib.h>

#include <atomic>
#include <map>
#include <mutex>
#include <thread>
#include <tuple>

using namespace Qt::StringLiterals;

namespace {

using RowKey = std::tuple<std::int64_t, QString, QString>;

//! One device's view: its chain head and the rows its accepted bodies left.
struct Client
{
    QString token;
    TestDevice device;
    std::map<RowKey, WireBucket> rows;
    std::int64_t accepted = 0;
    std::int64_t answersLost = 0;
    //! A body sent whose answer never came (the server died): its fate is
    //! read from the server's chain once it is back.
    QByteArray pending;
    QList<WireBucket> pendingBuckets;
};

QString integrity(const QString &path)
{
    Database db;
    QString error;
    if (!db.open(path, true, &error))
        return error;
    Statement st(db, "PRAGMA integrity_check");
    return st.step() ? st.text(0) : db.lastError();
}

std::string checksumsPath(const Client &c)
{
    return QString(u"/api/v1/devices/"_s + c.device.id + u"/checksums?from=2020-01-01"_s)
        .toStdString();
}

} // namespace

class TestIngestKill : public QObject
{
    Q_OBJECT

private slots:
    void killedServerLosesNoAcceptedSubmission();

private:
    //! Sends the client's next body; returns false when the server did not
    //! answer (it is being killed). Fails the test on an unexpected answer.
    bool sendNext(Client &c, QRandomGenerator &random, QString *problem);
    //! Settles a pending body against the server's chain head.
    bool resolvePending(Client &c, QString *problem);
    void accept(Client &c, const QByteArray &body, const QList<WireBucket> &buckets);
    httplib::Result post(const QString &path, const Client &c, const QByteArray &body,
                         const QByteArray &signature);

    std::atomic<int> m_port {0};
    QList<std::int64_t> m_hours;
};

httplib::Result TestIngestKill::post(const QString &path, const Client &c, const QByteArray &body,
                                     const QByteArray &signature)
{
    httplib::Client http("127.0.0.1", m_port.load());
    http.set_read_timeout(30, 0);
    httplib::Headers h {{"Authorization", "Bearer " + c.token.toStdString()}};
    if (!signature.isEmpty())
        h.emplace("X-TokenTally-Signature", WireCrypto::toBase64(signature).toStdString());
    return http.Post(path.toStdString(), h, body.toStdString(), "application/json");
}

void TestIngestKill::accept(Client &c, const QByteArray &body, const QList<WireBucket> &buckets)
{
    for (const WireBucket &b : buckets)
        c.rows[{b.hour, b.agent, b.model}] = b;
    c.device.seq += 1;
    c.device.lastHash = WireCrypto::sha256Hex(body);
    ++c.accepted;
}

bool TestIngestKill::resolvePending(Client &c, QString *problem)
{
    httplib::Client http("127.0.0.1", m_port.load());
    const auto r =
        http.Get(checksumsPath(c), {{"Authorization", "Bearer " + c.token.toStdString()}});
    if (!r)
        return false;
    if (r->status != 200) {
        *problem = u"checksums: HTTP %1"_s.arg(r->status);
        return false;
    }
    const QJsonObject o = QJsonDocument::fromJson(QByteArray::fromStdString(r->body)).object();
    const std::int64_t seq = o.value(u"seq"_s).toInteger();
    const QString lastHash = o.value(u"lastHash"_s).toString();
    if (!c.pending.isEmpty() && seq == c.device.seq + 1 &&
        lastHash == WireCrypto::sha256Hex(c.pending)) {
        accept(c, c.pending, c.pendingBuckets);
        ++c.answersLost;
    } else if (seq != c.device.seq || lastHash != c.device.lastHash) {
        *problem = u"device %1: server chain at %2, client at %3"_s.arg(c.device.id)
                       .arg(seq)
                       .arg(c.device.seq);
        return false;
    }
    c.pending.clear();
    c.pendingBuckets.clear();
    return true;
}

bool TestIngestKill::sendNext(Client &c, QRandomGenerator &random, QString *problem)
{
    if (!c.pending.isEmpty() && !resolvePending(c, problem))
        return false;
    // Enough buckets that a write takes a while; hours repeat, so rows are
    // replaced as often as added.
    QList<WireBucket> buckets;
    const int n = int(random.bounded(20, 200));
    const int first = int(random.bounded(m_hours.size() - n));
    for (int i = 0; i < n; ++i) {
        WireBucket b =
            makeBucket(m_hours.at(first + i), i % 3 ? u"claude-sonnet-4-5"_s : u"gpt-5"_s,
                       random.bounded(1, 100000), random.bounded(1, 5000),
                       i % 3 ? u"claude-code"_s : u"codex"_s);
        b.tokens.cacheRead = random.bounded(0, 1000000);
        b.messages = random.bounded(1, 50);
        b.sessions = 1;
        buckets << b;
    }
    Submission s;
    s.deviceId = c.device.id;
    s.seq = c.device.seq + 1;
    s.prevHash = c.device.lastHash;
    s.client = {u"killtest"_s, u"1"_s, u"linux"_s};
    s.buckets = buckets;
    const QByteArray body = WireCodec::serialize(s);
    c.pending = body;
    c.pendingBuckets = buckets;
    const auto r = post(u"/api/v1/submissions"_s, c, body, c.device.key->sign(body));
    if (!r)
        return false; // killed: settled once the server is back
    if (r->status == 200) {
        accept(c, body, buckets);
        c.pending.clear();
        c.pendingBuckets.clear();
        return true;
    }
    *problem = u"device %1 seq %2: HTTP %3 %4"_s.arg(c.device.id)
                   .arg(s.seq)
                   .arg(r->status)
                   .arg(QString::fromStdString(r->body));
    return false;
}

void TestIngestKill::killedServerLosesNoAcceptedSubmission()
{
    const int wantedKills = qEnvironmentVariableIsSet("TOKENTALLY_KILLS")
        ? qEnvironmentVariableIntValue("TOKENTALLY_KILLS")
        : 10;
    ServerProcess server;
    QString error;
    const QStringList args {u"--quiet"_s, u"--rate-limit-ip"_s,  u"0"_s, u"--rate-limit-token"_s,
                            u"0"_s,       u"--register-limit"_s, u"0"_s, u"--threads"_s,
                            u"16"_s};
    QVERIFY2(server.start(args, &error), qPrintable(error));
    m_port = server.port();
    const bool sqlite = server.backend() == ServerProcess::Backend::Sqlite;
    const std::int64_t now = QDateTime::currentSecsSinceEpoch() / 3600 * 3600;
    for (int i = 0; i < 24 * 20; ++i)
        m_hours << now - 3600 * (24 * 20 - i);

    constexpr int Clients = 6;
    std::vector<Client> clients(Clients);
    for (int i = 0; i < Clients; ++i) {
        clients[size_t(i)].token = server.registerUser(u"killer%1"_s.arg(i));
        QVERIFY(!clients[size_t(i)].token.isEmpty());
        clients[size_t(i)].device = server.addDevice(clients[size_t(i)].token);
        QVERIFY(!clients[size_t(i)].device.id.isEmpty());
    }

    std::atomic<bool> stop {false};
    std::atomic<bool> serverUp {true};
    std::mutex problemMutex;
    QStringList problems;
    std::vector<std::thread> load;
    for (int i = 0; i < Clients; ++i) {
        load.emplace_back([&, i] {
            QRandomGenerator random(quint32(20261201 + i));
            Client &c = clients[size_t(i)];
            while (!stop) {
                if (!serverUp) {
                    std::this_thread::sleep_for(std::chrono::milliseconds(5));
                    continue;
                }
                QString problem;
                if (!sendNext(c, random, &problem) && !problem.isEmpty()) {
                    std::lock_guard lock(problemMutex);
                    problems << problem;
                    return;
                }
            }
        });
    }

    QRandomGenerator random(20261201);
    int kills = 0;
    while (kills < wantedKills) {
        QThread::msleep(random.bounded(100, 600));
        serverUp = false;
        server.kill();
        ++kills;
        const QString check = sqlite ? integrity(server.databasePath()) : QStringLiteral("ok");
        if (check != u"ok") {
            stop = true;
            for (auto &t : load)
                t.join();
            QFAIL(qPrintable(u"integrity_check after kill %1: %2"_s.arg(kills).arg(check)));
        }
        QVERIFY2(server.start(args, &error), qPrintable(error));
        m_port = server.port();
        serverUp = true;
        std::lock_guard lock(problemMutex);
        if (!problems.isEmpty())
            break;
    }
    stop = true;
    for (auto &t : load)
        t.join();
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));

    // Every device: pending bodies settled, chain and rows exactly as accepted.
    std::int64_t accepted = 0, lost = 0;
    for (Client &c : clients) {
        QString problem;
        QVERIFY2(resolvePending(c, &problem), qPrintable(problem));
        accepted += c.accepted;
        lost += c.answersLost;
        QMap<QString, QList<WireBucket>> days;
        for (const auto &[key, bucket] : c.rows)
            days[WireCodec::formatHour(std::get<0>(key)).left(10)] << bucket;
        httplib::Client http("127.0.0.1", m_port.load());
        const auto r =
            http.Get(checksumsPath(c), {{"Authorization", "Bearer " + c.token.toStdString()}});
        QVERIFY(r && r->status == 200);
        const QJsonObject o = QJsonDocument::fromJson(QByteArray::fromStdString(r->body)).object();
        QCOMPARE(o.value(u"seq"_s).toInteger(), c.accepted);
        QCOMPARE(o.value(u"lastHash"_s).toString(), c.device.lastHash);
        const QJsonObject serverDays = o.value(u"days"_s).toObject();
        QCOMPARE(serverDays.size(), days.size());
        for (auto it = days.cbegin(); it != days.cend(); ++it)
            QCOMPARE(serverDays.value(it.key()).toString(), WireCodec::dayChecksum(it.value()));
    }
    QCOMPARE(server.stop(), 0);
    if (sqlite)
        QCOMPARE(integrity(server.databasePath()), u"ok"_s);
    QVERIFY2(accepted > Clients * 2, "the load never got going");
    qInfo("%d kills; %lld submissions accepted (%lld of them answered only by the chain after a "
          "kill)",
          kills, qlonglong(accepted), qlonglong(lost));
}

QTEST_GUILESS_MAIN(TestIngestKill)
#include "test_ingestkill.moc"
