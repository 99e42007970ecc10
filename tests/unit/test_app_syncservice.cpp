// SyncService, the app's sync worker: sign-in, Submit now, auto-submit after
// changes settle, backoff on failures (offline, 429 with Retry-After), the
// network's return, 401 (signed out), refusals (paused, never retried in a
// loop), one operation at a time, and the outbox it publishes. The server and
// the keyring are in-process fakes that speak the protocol (DESIGN.md §4); the
// UI test (tests/ui/test_sync.cpp) runs the same paths against the real ones.
#include "ledger/scanner.h"
#include "store/localstore.h"
#include "sync/secretstore.h"
#include "sync/syncstore.h"
#include "sync/synctransport.h"
#include "testhelpers.h"
#include "wire/wirecodec.h"
#include "wire/wirecrypto.h"
#include "workers/syncservice.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QTimer>

#include <map>

using namespace Qt::StringLiterals;

namespace {

// A sync server in memory: accounts, devices with their chains, rows that
// replace rows, per-day checksums, and failures on demand.
class FakeServer final : public SyncTransport
{
public:
    struct Forced
    {
        QString pathPart; // the next request whose path contains this fails
        SyncReply reply;
    };

    void send(const QString &, const SyncRequest &request,
              std::function<void(const SyncReply &)> done) override
    {
        requests.append(QString::fromLatin1(request.method) + u' ' + request.path);
        SyncReply reply = answer(request);
        const bool submission = request.path == u"/api/v1/submissions";
        if (submission) {
            ++inFlight;
            maxInFlight = std::max(maxInFlight, inFlight);
        }
        QTimer::singleShot(replyDelayMs, [this, reply, done, submission] {
            if (submission)
                --inFlight;
            done(reply);
        });
    }

    int count(const QString &what) const
    {
        int n = 0;
        for (const QString &r : requests)
            n += r.contains(what) ? 1 : 0;
        return n;
    }

    QList<Forced> forced;
    QStringList requests;
    QList<QByteArray> bodies; // submissions accepted, as received
    bool revoked = false;
    int replyDelayMs = 0;
    int inFlight = 0;
    int maxInFlight = 0;
    QString token = u"tt_fake_token"_s;
    QString username;
    QString visibility = u"private"_s;

private:
    static SyncReply json(int status, const QJsonObject &o)
    {
        SyncReply r;
        r.status = status;
        r.body = QJsonDocument(o).toJson(QJsonDocument::Compact);
        return r;
    }

    SyncReply answer(const SyncRequest &request)
    {
        for (qsizetype i = 0; i < forced.size(); ++i) {
            if (request.path.contains(forced.at(i).pathPart))
                return forced.takeAt(i).reply;
        }
        if (request.path == u"/api/v1/register") {
            username =
                QJsonDocument::fromJson(request.body).object().value(u"username"_s).toString();
            return json(
                201,
                {{u"username"_s, username}, {u"token"_s, token}, {u"visibility"_s, visibility}});
        }
        QByteArray auth;
        for (const auto &[name, value] : request.headers) {
            if (name == "Authorization")
                auth = value;
        }
        if (revoked || auth != "Bearer " + token.toUtf8())
            return json(401, {{u"error"_s, u"unauthorized"_s}, {u"reason"_s, u"bad token"_s}});
        if (request.path == u"/api/v1/devices")
            return json(201, {{u"ok"_s, true}});
        if (request.path == u"/api/v1/me" && request.method == "GET")
            return json(200, {{u"username"_s, username}, {u"visibility"_s, visibility}});
        if (request.path == u"/api/v1/me" && request.method == "PATCH") {
            visibility =
                QJsonDocument::fromJson(request.body).object().value(u"visibility"_s).toString();
            return json(200, {{u"username"_s, username}, {u"visibility"_s, visibility}});
        }
        if (request.path == u"/api/v1/me" && request.method == "DELETE") {
            rows.clear();
            return json(200, {{u"deleted"_s, true}});
        }
        if (request.path.endsWith(u"/checksums")) {
            std::map<std::int64_t, QList<WireBucket>> days;
            for (const auto &[key, bucket] : rows)
                days[std::get<0>(key) / 86400].append(bucket);
            QJsonObject checksums;
            for (const auto &[day, buckets] : days) {
                checksums.insert(QDateTime::fromSecsSinceEpoch(day * 86400, QTimeZone::utc())
                                     .date()
                                     .toString(Qt::ISODate),
                                 WireCodec::dayChecksum(buckets));
            }
            return json(
                200, {{u"days"_s, checksums}, {u"seq"_s, qint64(seq)}, {u"lastHash"_s, lastHash}});
        }
        if (request.path == u"/api/v1/submissions") {
            Submission s;
            QString error;
            if (!WireCodec::parse(request.body, &s, &error))
                return json(400, {{u"error"_s, u"bad_request"_s}, {u"reason"_s, error}});
            if (s.seq != seq + 1 || s.prevHash != lastHash)
                return json(409, {{u"error"_s, u"conflict"_s}});
            for (const WireBucket &b : s.buckets)
                rows[{b.hour, b.agent, b.model}] = b;
            seq = s.seq;
            lastHash = WireCrypto::sha256Hex(request.body);
            bodies.append(request.body);
            return json(200,
                        {{u"accepted"_s, int(s.buckets.size())}, {u"rejected"_s, QJsonArray()}});
        }
        return json(404, {{u"error"_s, u"not_found"_s}});
    }

    std::map<std::tuple<std::int64_t, QString, QString>, WireBucket> rows;
    std::int64_t seq = 0;
    QString lastHash = WireCodec::zeroHash();
};

class FakeSecrets final : public SecretStore
{
public:
    void read(const QString &key,
              std::function<void(Status, const QByteArray &, const QString &)> done) override
    {
        QTimer::singleShot(0, [this, key, done] {
            done(values.contains(key) ? Status::Ok : Status::NotFound, values.value(key), {});
        });
    }
    void write(const QString &key, const QByteArray &value,
               std::function<void(Status, const QString &)> done) override
    {
        QTimer::singleShot(0, [this, key, value, done] {
            values.insert(key, value);
            done(Status::Ok, {});
        });
    }
    void remove(const QString &key, std::function<void(Status, const QString &)> done) override
    {
        QTimer::singleShot(
            0, [this, key, done] { done(values.remove(key) ? Status::Ok : Status::NotFound, {}); });
    }
    QHash<QString, QByteArray> values;
};

// A store with Claude Code usage in it, made the way the app makes it: a
// session file read by the Scanner.
class UsageHome
{
public:
    explicit UsageHome(const QString &root)
        : m_root(root)
    {
        QDir().mkpath(root + u"/home/.claude/projects/-home-tester-demo"_s);
    }
    QString dbPath() const { return m_root + u"/usage.db"_s; }

    // One assistant message \a daysAgo days ago.
    void addMessage(int daysAgo, qint64 inputTokens)
    {
        const QString when =
            QDateTime::currentDateTimeUtc().addDays(-daysAgo).toString(Qt::ISODateWithMs);
        ++m_n;
        const QByteArray line = TestHelpers::claudeAssistantLine(u"s-1"_s, QString::number(m_n),
                                                                 when, inputTokens, 100);
        QFile f(m_root + u"/home/.claude/projects/-home-tester-demo/s-1.jsonl"_s);
        QVERIFY(f.open(QIODevice::Append));
        f.write(line);
    }

    void scan()
    {
        LocalStore store;
        QString error;
        QVERIFY2(store.open(dbPath(), &error), qPrintable(error));
        SourceEnvironment env;
        env.home = m_root + u"/home"_s;
        Scanner scanner(store);
        ScanStats stats;
        QVERIFY2(scanner.scan(env, &stats, &error), qPrintable(error));
    }

private:
    QString m_root;
    int m_n = 0;
};

SyncReply offline()
{
    SyncReply r;
    r.networkError = u"Connection refused"_s;
    return r;
}

SyncReply status(int code, int retryAfter = -1)
{
    SyncReply r;
    r.status = code;
    r.body = R"({"error":"x","reason":"forced by the test"})";
    r.retryAfterSeconds = retryAfter;
    return r;
}

} // namespace

class TestSyncService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void notSignedIn();
    void signInThenSubmitNow();
    void autoSubmitWaitsForChangesToSettle();
    void autoSubmitOffSendsNothing();
    void offlineBacksOffExponentially();
    void networkReturnRetriesEarly();
    void rateLimitHonoursRetryAfter();
    void unauthorizedSignsOut();
    void refusalPausesAutoSubmit();
    void oneSubmitAtATime();
    void visibilityAndDeletion();
    void storeErrorIsReported();
    void previewIsADryRunOfTheFirstSubmit();

private:
    // A service over the fakes, not started yet.
    void createService();
    // A started service over the fakes, with short timings.
    void makeService(std::int64_t retryBaseMs = 200);
    void signIn();
    // A message today, scanned into the store and reported to the service as
    // UsageService does.
    void newUsageToday(qint64 inputTokens);
    SubmitResult waitSubmit(int timeoutMs = 5000);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<UsageHome> m_home;
    FakeServer *m_server = nullptr; // owned by the service
    FakeSecrets *m_secrets = nullptr;
    std::unique_ptr<SyncService> m_service;
    std::unique_ptr<QSignalSpy> m_submits;
    SyncService::Timing m_timing;
};

void TestSyncService::init()
{
    qRegisterMetaType<SyncStatus>();
    qRegisterMetaType<SubmitResult>();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_home = std::make_unique<UsageHome>(m_dir->path());
    m_home->addMessage(3, 1000);
    m_home->addMessage(2, 2000);
    m_home->scan();
}

void TestSyncService::cleanup()
{
    m_submits.reset();
    m_service.reset();
    m_server = nullptr;
    m_secrets = nullptr;
}

void TestSyncService::createService()
{
    m_service = std::make_unique<SyncService>(m_home->dbPath());
    m_service->setParts(
        [this] {
            auto server = std::make_unique<FakeServer>();
            m_server = server.get();
            return server;
        },
        [this] {
            auto secrets = std::make_unique<FakeSecrets>();
            m_secrets = secrets.get();
            return secrets;
        });
}

void TestSyncService::makeService(std::int64_t retryBaseMs)
{
    createService();
    m_timing.settleMs = 300;
    m_timing.armMs = 50;
    m_timing.recountMs = 20;
    m_timing.retryBaseMs = retryBaseMs;
    m_timing.retryCapMs = retryBaseMs * 8;
    m_service->setTiming(m_timing);
    // Jitter pinned to its low end: delays are exactly half the backoff.
    m_service->setRandom([] { return 0.0; });
    m_submits = std::make_unique<QSignalSpy>(m_service.get(), &SyncService::submitFinished);
    m_service->start();
    QVERIFY(m_server && m_secrets);
}

void TestSyncService::signIn()
{
    QSignalSpy done(m_service.get(), &SyncService::accountOpFinished);
    LoginRequest r;
    r.server = u"http://sync.test"_s;
    r.username = u"ann"_s;
    m_service->login(r);
    QVERIFY(done.wait(5000));
    QCOMPARE(done.first().at(0).value<SyncService::AccountOp>(), SyncService::AccountOp::Login);
    QVERIFY2(done.first().at(1).toBool(), qPrintable(done.first().at(2).toString()));
}

void TestSyncService::newUsageToday(qint64 inputTokens)
{
    m_home->addMessage(0, inputTokens);
    m_home->scan();
    m_service->notifyUsageChanged();
}

SubmitResult TestSyncService::waitSubmit(int timeoutMs)
{
    const qsizetype before = m_submits->size();
    if (!QTest::qWaitFor([&] { return m_submits->size() > before; }, timeoutMs))
        return SubmitResult {SubmitResult::Outcome::StoreError, 0, 0, 0, {}, {},
                             u"no submit finished in time"_s};
    return m_submits->at(before).at(0).value<SubmitResult>();
}

void TestSyncService::notSignedIn()
{
    makeService();
    const SyncStatus s = m_service->status();
    QVERIFY(s.loaded);
    QVERIFY(!s.signedIn);
    QVERIFY(!s.canSubmit());
    // Submit now without an account sends nothing at all.
    m_service->submitNow();
    QTest::qWait(100);
    QCOMPARE(m_server->requests.size(), 0);
    QCOMPARE(m_submits->size(), 0);
}

void TestSyncService::signInThenSubmitNow()
{
    makeService();
    QSignalSpy statuses(m_service.get(), &SyncService::statusChanged);
    QSignalSpy done(m_service.get(), &SyncService::accountOpFinished);
    LoginRequest r;
    r.server = u"http://sync.test/"_s;
    r.username = u"ann"_s;
    m_service->login(r);
    QVERIFY(done.wait(5000));
    QVERIFY(done.first().at(1).toBool());
    // A new account's token is handed back once, to be shown.
    QCOMPARE(done.first().at(3).toString(), m_server->token);
    SyncStatus s = m_service->status();
    QVERIFY(s.signedIn);
    QCOMPARE(s.username, u"ann"_s);
    QCOMPARE(s.server, u"http://sync.test"_s);
    QCOMPARE(s.profileUrl, u"http://sync.test/u/ann"_s);
    QCOMPARE(s.visibility, u"private"_s);
    QCOMPARE(s.pendingDays, 2);
    QCOMPARE(m_secrets->values.size(), 2); // the token and the device key, nowhere else
    // While it ran, the status said so.
    bool sawSigningIn = false;
    for (const auto &args : statuses)
        sawSigningIn |= args.at(0).value<SyncStatus>().activity == SyncStatus::Activity::SigningIn;
    QVERIFY(sawSigningIn);

    m_service->submitNow();
    const SubmitResult sent = waitSubmit();
    QCOMPARE(sent.outcome, SubmitResult::Outcome::Sent);
    QCOMPARE(m_server->bodies.size(), 1);
    s = m_service->status();
    QCOMPARE(s.lastResult, u"sent"_s);
    QVERIFY(s.lastOk());
    QCOMPARE(s.pendingDays, 0);
    QCOMPARE(s.failures, 0);
    QVERIFY(s.lastAttemptMs > 0);

    // Unchanged since: the server's checksums match, nothing goes out.
    m_service->submitNow();
    QCOMPARE(waitSubmit().outcome, SubmitResult::Outcome::NothingToSend);
    QCOMPARE(m_server->bodies.size(), 1);

    // The outbox holds the body, byte for byte.
    QSignalSpy outbox(m_service.get(), &SyncService::outboxLoaded);
    m_service->loadOutbox();
    QCOMPARE(outbox.size(), 1);
    const auto entries = outbox.first().at(0).value<QList<OutboxEntry>>();
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.first().state, OutboxEntry::State::Accepted);
    QVERIFY(entries.first().body.isEmpty()); // the list comes without bodies
    QSignalSpy entry(m_service.get(), &SyncService::outboxEntryLoaded);
    m_service->loadOutboxEntry(entries.first().id);
    QCOMPARE(entry.size(), 1);
    QCOMPARE(entry.first().at(0).value<OutboxEntry>().body, m_server->bodies.first());
}

void TestSyncService::autoSubmitWaitsForChangesToSettle()
{
    makeService();
    signIn();
    m_service->setAutoSubmit(true, 60);
    // Switched on: one submit shortly after.
    QCOMPARE(waitSubmit().outcome, SubmitResult::Outcome::Sent);
    QCOMPARE(m_server->bodies.size(), 1);
    QVERIFY(m_service->status().nextAttemptMs > 0); // the interval's next run

    // Three changes in a row: one submit, once they have settled.
    for (int i = 0; i < 3; ++i) {
        newUsageToday(100 + i);
        QTest::qWait(m_timing.settleMs / 3);
        QCOMPARE(m_server->bodies.size(), 1);
    }
    QCOMPARE(waitSubmit().outcome, SubmitResult::Outcome::Sent);
    QCOMPARE(m_server->bodies.size(), 2);
    QTest::qWait(m_timing.settleMs * 2);
    QCOMPARE(m_server->bodies.size(), 2);
    QCOMPARE(m_service->status().pendingDays, 0);
}

void TestSyncService::autoSubmitOffSendsNothing()
{
    makeService();
    signIn();
    newUsageToday(100);
    QTest::qWait(m_timing.settleMs * 2);
    QCOMPARE(m_server->count(u"submissions"_s), 0);
    QCOMPARE(m_submits->size(), 0);
    // The new day is counted as waiting.
    QTRY_COMPARE(m_service->status().pendingDays, 3);
}

void TestSyncService::offlineBacksOffExponentially()
{
    makeService(400);
    signIn();
    m_server->forced = {{u"checksums"_s, offline()}, {u"checksums"_s, offline()}};
    // The planned delay, from the attempt's end (recorded by the engine) to the
    // retry; the upper bound leaves room for a busy machine.
    auto plannedDelay = [](const SyncStatus &s) {
        return s.nextAttemptMs - s.lastAttemptMs;
    };
    m_service->submitNow();
    QCOMPARE(waitSubmit().outcome, SubmitResult::Outcome::Offline);
    SyncStatus s = m_service->status();
    QCOMPARE(s.failures, 1);
    QVERIFY(s.waitingForNetwork);
    QCOMPARE(s.lastResult, u"offline"_s);
    // First retry after half the 400 ms base (jitter at its low end).
    QVERIFY2(plannedDelay(s) >= 195 && plannedDelay(s) <= 700,
             qPrintable(QString::number(plannedDelay(s))));
    const std::int64_t firstTry = s.lastAttemptMs;
    QCOMPARE(waitSubmit().outcome, SubmitResult::Outcome::Offline);
    s = m_service->status();
    QCOMPARE(s.failures, 2);
    QVERIFY(s.lastAttemptMs - firstTry >= 195); // it waited for the backoff
    // Doubled: half of 800 ms.
    QVERIFY2(plannedDelay(s) >= 395 && plannedDelay(s) <= 900,
             qPrintable(QString::number(plannedDelay(s))));
    // The network is back: the third try goes through and the backoff resets.
    QCOMPARE(waitSubmit().outcome, SubmitResult::Outcome::Sent);
    s = m_service->status();
    QCOMPARE(s.failures, 0);
    QVERIFY(!s.waitingForNetwork);
    QCOMPARE(m_server->bodies.size(), 1);
}

void TestSyncService::networkReturnRetriesEarly()
{
    // A backoff of 10 s, but the network says it is back: retry in 1-3 s.
    makeService(20'000);
    signIn();
    m_server->forced = {{u"checksums"_s, offline()}};
    m_service->submitNow();
    QCOMPARE(waitSubmit().outcome, SubmitResult::Outcome::Offline);
    const std::int64_t planned = m_service->status().nextAttemptMs;
    QVERIFY(planned - QDateTime::currentMSecsSinceEpoch() > 9000);
    // Reachability without a pending offline retry changes nothing...
    m_service->setNetworkReachable(false);
    QCOMPARE(m_service->status().nextAttemptMs, planned);
    // ...and with one it brings the retry forward.
    m_service->setNetworkReachable(true);
    QVERIFY(m_service->status().nextAttemptMs < planned - 5000);
    QCOMPARE(waitSubmit(5000).outcome, SubmitResult::Outcome::Sent);
    QCOMPARE(m_service->status().failures, 0);
}

void TestSyncService::rateLimitHonoursRetryAfter()
{
    makeService(100); // a backoff far shorter than the server's Retry-After
    signIn();
    m_server->forced = {{u"submissions"_s, status(429, 2)}};
    const std::int64_t t0 = QDateTime::currentMSecsSinceEpoch();
    m_service->submitNow();
    const SubmitResult limited = waitSubmit();
    QCOMPARE(limited.outcome, SubmitResult::Outcome::RateLimited);
    QCOMPARE(limited.retryAfterSeconds, 2);
    const SyncStatus s = m_service->status();
    QCOMPARE(s.lastResult, u"rate limited"_s);
    QVERIFY2(s.nextAttemptMs - s.lastAttemptMs >= 1995,
             qPrintable(QString::number(s.nextAttemptMs - s.lastAttemptMs)));
    QTest::qWait(1500);
    QCOMPARE(m_submits->size(), 1); // not before Retry-After
    QCOMPARE(waitSubmit(3000).outcome, SubmitResult::Outcome::Sent);
    QVERIFY(QDateTime::currentMSecsSinceEpoch() - t0 >= 2000);
}

void TestSyncService::unauthorizedSignsOut()
{
    makeService();
    signIn();
    m_service->setAutoSubmit(true, 60);
    QCOMPARE(waitSubmit().outcome, SubmitResult::Outcome::Sent);
    m_server->revoked = true;
    newUsageToday(100);
    QCOMPARE(waitSubmit().outcome, SubmitResult::Outcome::SignedOut);
    SyncStatus s = m_service->status();
    QVERIFY(s.signedIn);
    QVERIFY(s.signedOut);
    QVERIFY(!s.canSubmit());
    QCOMPARE(s.nextAttemptMs, 0); // nothing planned: it would only fail again
    // Neither changes nor Submit now send anything while signed out.
    const int requests = int(m_server->requests.size());
    m_service->notifyUsageChanged();
    m_service->submitNow();
    QTest::qWait(m_timing.settleMs * 2);
    QCOMPARE(m_server->requests.size(), requests);

    // Signing in again (with the account's token) replaces the dead sign-in.
    m_server->revoked = false;
    QSignalSpy done(m_service.get(), &SyncService::accountOpFinished);
    LoginRequest r;
    r.server = u"http://sync.test"_s;
    r.token = m_server->token;
    m_service->login(r);
    QVERIFY(done.wait(5000));
    QVERIFY2(done.first().at(1).toBool(), qPrintable(done.first().at(2).toString()));
    QVERIFY(done.first().at(3).toString().isEmpty()); // no new token to show
    s = m_service->status();
    QVERIFY(s.signedIn && !s.signedOut);
    QCOMPARE(s.username, u"ann"_s);
    // Auto-submit is still on: the new device sends everything.
    QCOMPARE(waitSubmit().outcome, SubmitResult::Outcome::Sent);
}

void TestSyncService::refusalPausesAutoSubmit()
{
    makeService();
    signIn();
    m_server->forced = {{u"submissions"_s, status(403)}};
    m_service->setAutoSubmit(true, 60);
    QCOMPARE(waitSubmit().outcome, SubmitResult::Outcome::Refused);
    SyncStatus s = m_service->status();
    QVERIFY(s.paused);
    QCOMPARE(s.failures, 0);
    QVERIFY(s.lastError.contains(u"forced by the test"_s));
    // Paused: changes do not send the refused body again and again.
    const int submissions = m_server->count(u"submissions"_s);
    newUsageToday(100);
    QTest::qWait(m_timing.settleMs * 2);
    QCOMPARE(m_server->count(u"submissions"_s), submissions);
    // Submit now is the user's call: it tries, and clears the pause.
    m_service->submitNow();
    QCOMPARE(waitSubmit().outcome, SubmitResult::Outcome::Sent);
    QVERIFY(!m_service->status().paused);
}

void TestSyncService::oneSubmitAtATime()
{
    makeService();
    signIn();
    m_server->replyDelayMs = 100;
    m_service->submitNow();
    m_service->submitNow();
    m_service->setVisibility(u"public"_s);
    m_service->submitNow();
    QTRY_VERIFY_WITH_TIMEOUT(m_submits->size() >= 2, 5000);
    QTest::qWait(500);
    QCOMPARE(m_server->maxInFlight, 1);
    // The first sends; the ones asked for while it was queued or running make
    // at most one more (which finds nothing new).
    QCOMPARE(m_submits->size(), 2);
    QCOMPARE(m_submits->at(1).at(0).value<SubmitResult>().outcome,
             SubmitResult::Outcome::NothingToSend);
    QCOMPARE(m_service->status().visibility, u"public"_s);
    // Only one body was ever sent; the second submit found the server up to date.
    QCOMPARE(m_server->bodies.size(), 1);
}

void TestSyncService::visibilityAndDeletion()
{
    makeService();
    signIn();
    QSignalSpy done(m_service.get(), &SyncService::accountOpFinished);
    m_service->setVisibility(u"unlisted"_s);
    QVERIFY(done.wait(5000));
    QCOMPARE(done.last().at(0).value<SyncService::AccountOp>(), SyncService::AccountOp::Visibility);
    QVERIFY(done.last().at(1).toBool());
    QCOMPARE(m_server->visibility, u"unlisted"_s);
    QCOMPARE(m_service->status().visibility, u"unlisted"_s);

    // Refused before anything is sent (possibly at once, so no wait()).
    m_service->setVisibility(u"everyone"_s);
    QTRY_COMPARE(done.size(), 2);
    QVERIFY(!done.last().at(1).toBool());
    QVERIFY(!done.last().at(2).toString().isEmpty());
    QCOMPARE(m_server->visibility, u"unlisted"_s);

    m_service->deleteServerData();
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 3, 5000);
    QCOMPARE(done.last().at(0).value<SyncService::AccountOp>(),
             SyncService::AccountOp::DeleteServerData);
    QVERIFY(done.last().at(1).toBool());
    QCOMPARE(m_server->count(u"DELETE /api/v1/me"_s), 1);
    QVERIFY(!m_service->status().signedIn);
    QVERIFY(m_secrets->values.isEmpty());
}

void TestSyncService::storeErrorIsReported()
{
    // A store path below a file cannot be opened.
    QFile blocker(m_dir->filePath(u"file"_s));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    SyncService service(m_dir->filePath(u"file/usage.db"_s));
    service.setParts([] { return std::make_unique<FakeServer>(); },
                     [] { return std::make_unique<FakeSecrets>(); });
    QSignalSpy statuses(&service, &SyncService::statusChanged);
    service.start();
    QCOMPARE(statuses.size(), 1);
    QVERIFY(!service.status().storeError.isEmpty());
    QSignalSpy done(&service, &SyncService::accountOpFinished);
    service.login(LoginRequest {u"http://sync.test"_s, u"ann"_s, {}, {}});
    QCOMPARE(done.size(), 1);
    QVERIFY(!done.first().at(1).toBool());
    QCOMPARE(done.first().at(2).toString(), service.status().storeError);
}

void TestSyncService::previewIsADryRunOfTheFirstSubmit()
{
    qRegisterMetaType<SubmitPreview>();
    // Asked before the store is open (the first-run wizard may be first): it
    // runs once the service starts, without the network or the keyring.
    createService();
    QSignalSpy previews(m_service.get(), &SyncService::submitPreviewReady);
    m_service->previewSubmit();
    QCOMPARE(previews.size(), 0);
    m_service->start();
    QTRY_COMPARE_WITH_TIMEOUT(previews.size(), 1, 5000);
    const SubmitPreview p = previews.first().at(0).value<SubmitPreview>();
    QVERIFY2(p.error.isEmpty(), qPrintable(p.error));
    // The two messages init() wrote, three and two days ago: two hourly rows,
    // one body, the newer row as the sample's.
    QCOMPARE(p.bodies, 1);
    QCOMPARE(p.rows, 2);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QCOMPARE(p.firstDay, now.addDays(-3).date().toString(Qt::ISODate));
    QCOMPARE(p.lastDay, now.addDays(-2).date().toString(Qt::ISODate));
    QCOMPARE(p.sampleIndex, 0);
    QVERIFY(p.sampleRow.has_value());
    QCOMPARE(p.sampleRow->tokens.input, 2000);
    QCOMPARE(p.sampleRow->agent, u"claude-code"_s);
    Submission body;
    QString error;
    QVERIFY2(WireCodec::parse(p.sample, &body, &error), qPrintable(error));
    QCOMPARE(body.seq, 1);
    QCOMPARE(body.prevHash, WireCodec::zeroHash());
    QCOMPARE(body.buckets.size(), 2);
    QCOMPARE(body.buckets.at(0).tokens.input + body.buckets.at(1).tokens.input, 3000);
    // Nothing left and nothing was asked of anyone.
    QCOMPARE(m_server->requests.size(), 0);
    QVERIFY(m_secrets->values.isEmpty());
    {
        LocalStore store;
        QVERIFY(store.open(m_home->dbPath(), &error));
        QVERIFY(SyncStore(store).outbox(0, false).isEmpty());
    }

    // Signed in, a preview asks the server which days it lacks, and sends nothing.
    signIn();
    const int requests = int(m_server->requests.size());
    m_service->previewSubmit();
    QTRY_COMPARE_WITH_TIMEOUT(previews.size(), 2, 5000);
    const SubmitPreview signedIn = previews.at(1).at(0).value<SubmitPreview>();
    QVERIFY2(signedIn.error.isEmpty(), qPrintable(signedIn.error));
    QCOMPARE(signedIn.rows, 2);
    QCOMPARE(m_server->count(u"/checksums"_s), 1);
    QCOMPARE(m_server->count(u"/submissions"_s), 0);
    QCOMPARE(int(m_server->requests.size()), requests + 1);
}

QTEST_GUILESS_MAIN(TestSyncService)
#include "test_app_syncservice.moc"
