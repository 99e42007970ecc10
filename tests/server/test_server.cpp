#include "servertestclient.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

namespace {

std::int64_t hourAt(QDate date, int hour)
{
    return QDateTime(date, QTime(hour, 0), QTimeZone::utc()).toSecsSinceEpoch();
}

//! The user's tokens per local date from the profile API in \a tz.
QMap<QString, qint64> daysOf(const ServerProcess &server, const QString &name, const QString &tz)
{
    QMap<QString, qint64> out;
    const Reply r = server.get(u"/api/v1/users/"_s + name + u"?tz="_s +
                               QString::fromLatin1(QUrl::toPercentEncoding(tz)));
    for (const QJsonValue &v : r.json().value(u"days"_s).toArray())
        out.insert(v[u"date"_s].toString(), qint64(v[u"tokens"_s].toDouble()));
    return out;
}

} // namespace

class TestServer : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void versionAndHelp();
    void healthAndMetrics();
    void registerValidation_data();
    void registerValidation();
    void devices();
    void happyPathSubmission();
    void statsCatchUpWithWrites();
    void badSubmissions_data();
    void badSubmissions();
    void idempotentAndRewrite();
    void twoDevicesAddUp();
    void timeZones_data();
    void timeZones();
    void visibilityAndDelete();
    void leaderboardQueries();
    void badLeaderboardParams_data();
    void badLeaderboardParams();
    void checksums();
    void trustFlagsAndAdmin();
    void rateLimitsAndAuthDelays();
    void hostHeader();

private:
    ServerProcess m_server;
    QString m_token; // "carol": the main submitter of the bad-input cases
    TestDevice m_device;
};

void TestServer::initTestCase()
{
    QString error;
    QVERIFY2(m_server.start({u"--rate-limit-ip"_s, u"0"_s, u"--rate-limit-token"_s, u"0"_s,
                             u"--register-limit"_s, u"0"_s, u"--auth-failures"_s, u"1000"_s},
                            &error),
             qPrintable(error));
    m_token = m_server.registerUser(u"carol"_s);
    QVERIFY(!m_token.isEmpty());
    m_device = m_server.addDevice(m_token);
    QVERIFY(!m_device.id.isEmpty());
}

void TestServer::cleanupTestCase()
{
    // Run alone, a test function may not have asked for /healthz.
    QCOMPARE(m_server.get(u"/healthz"_s).status, 200);
    // SIGTERM drains and exits cleanly.
    QCOMPARE(m_server.stop(), 0);
    const QByteArray log = m_server.log();
    QVERIFY(log.contains("GET /healthz 200"));
    QVERIFY(log.contains("stopped"));
}

void TestServer::versionAndHelp()
{
    QProcess p;
    p.start(ServerProcess::program(), {u"--version"_s});
    QVERIFY(p.waitForFinished(10000));
    QCOMPARE(p.exitCode(), 0);
    QVERIFY(p.readAllStandardOutput().contains(TOKENTALLY_VERSION));
    p.start(ServerProcess::program(), {u"--help"_s});
    QVERIFY(p.waitForFinished(10000));
    QCOMPARE(p.exitCode(), 0);
    const QByteArray help = p.readAllStandardOutput();
    QVERIFY(help.contains("--listen"));
    QVERIFY(help.contains("--db"));
    QVERIFY(help.contains("users"));
}

void TestServer::healthAndMetrics()
{
    const Reply h = m_server.get(u"/healthz"_s);
    QCOMPARE(h.status, 200);
    QCOMPARE(h.body, "ok\n");
    QCOMPARE(h.headers.value(u"x-content-type-options"_s), u"nosniff"_s);
    // A request is counted once its answer is sent: allow the logger a moment.
    Reply m;
    QTRY_VERIFY((m = m_server.get(u"/metrics"_s))
                    .body.contains(
                        "tokentally_http_requests_total{route=\"GET /healthz\",status=\"200\"}"));
    QCOMPARE(m.status, 200);
    QVERIFY(m.body.contains("tokentally_users "));
    const Reply missing = m_server.get(u"/no/such/route"_s);
    QCOMPARE(missing.status, 404);
    QCOMPARE(missing.json().value(u"error"_s).toString(), u"not_found"_s);
    const Reply stats = m_server.get(u"/api/v1/stats"_s);
    QCOMPARE(stats.status, 200);
    QVERIFY(stats.json().value(u"users"_s).toInt() >= 1);
    QVERIFY(!stats.json().value(u"priceTableVersion"_s).toString().isEmpty());
}

void TestServer::registerValidation_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("reason");
    QTest::addRow("xss") << QByteArray(R"({"username":"<script>alert(1)</script>"})") << 400
                         << u"invalid username"_s;
    QTest::addRow("sql") << QByteArray(R"({"username":"x'; DROP TABLE users;--"})") << 400
                         << u"invalid username"_s;
    QTest::addRow("short") << QByteArray(R"({"username":"ab"})") << 400 << u"invalid username"_s;
    QTest::addRow("long") << (R"({"username":")" + QByteArray(33, 'a') + R"("})") << 400
                          << u"invalid username"_s;
    QTest::addRow("unknown field")
        << QByteArray(R"({"username":"dave","email":"x@y"})") << 400 << u"unknown field: email"_s;
    QTest::addRow("malformed") << QByteArray(R"({"username":)") << 400 << u"malformed JSON"_s;
    QTest::addRow("not a string") << QByteArray(R"({"username":42})") << 400 << u"not a string"_s;
    QTest::addRow("taken") << QByteArray(R"({"username":"CAROL"})") << 409 << u"username taken"_s;
}

void TestServer::registerValidation()
{
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, reason);
    const QByteArray before = m_server.dump();
    const Reply r = m_server.request("POST", u"/api/v1/register"_s, body);
    QCOMPARE(r.status, status);
    QVERIFY2(r.reason().contains(reason), qPrintable(r.reason()));
    QVERIFY(!r.json().value(u"error"_s).toString().isEmpty());
    QCOMPARE(m_server.dump(), before);
}

void TestServer::devices()
{
    const QString token = m_server.registerUser(u"devuser"_s);
    QVERIFY(!token.isEmpty());
    const TestDevice d = m_server.addDevice(token);
    QVERIFY(!d.id.isEmpty());
    const QString key = QString::fromLatin1(WireCrypto::toBase64(d.key->publicKey()));
    auto post = [this](const QString &tok, const QJsonObject &o) {
        return m_server.request("POST", u"/api/v1/devices"_s, QJsonDocument(o).toJson(),
                                {{u"Authorization"_s, bearer(tok)}});
    };
    // Registering the same device again is idempotent and tells the chain head.
    Reply again = post(token, {{u"deviceId"_s, d.id}, {u"publicKey"_s, key}, {u"label"_s, u"x"_s}});
    QCOMPARE(again.status, 200);
    QCOMPARE(again.json().value(u"seq"_s).toInt(), 0);
    const QByteArray before = m_server.dump();
    // Another user cannot take it.
    QCOMPARE(post(m_token, {{u"deviceId"_s, d.id}, {u"publicKey"_s, key}}).status, 409);
    QCOMPARE(post(token, {{u"deviceId"_s, u"dev-other-1"_s}, {u"publicKey"_s, u"AAAA"_s}}).status,
             400);
    QCOMPARE(post(token, {{u"deviceId"_s, u"bad id!"_s}, {u"publicKey"_s, key}}).status, 400);
    QCOMPARE(
        post(token,
             {{u"deviceId"_s, u"dev-other-2"_s}, {u"publicKey"_s, key}, {u"hostname"_s, u"box"_s}})
            .reason(),
        u"unknown field: hostname"_s);
    QCOMPARE(post(u"tt_nope"_s, {{u"deviceId"_s, u"dev-other-3"_s}, {u"publicKey"_s, key}}).status,
             401);
    QCOMPARE(m_server.dump(), before);
}

void TestServer::happyPathSubmission()
{
    const QString token = m_server.registerUser(u"happy"_s);
    TestDevice d = m_server.addDevice(token);
    WireBucket b = makeBucket(recentHour(1, 10), u"claude-sonnet-4-5"_s, 1000, 500);
    b.tokens.cacheRead = 10000;
    b.tokens.cacheWrite = 2000;
    const Reply r = m_server.submit(
        token, d, {b, makeBucket(recentHour(1, 11), u"gpt-5"_s, 300, 200, u"codex"_s)});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(u"accepted"_s).toInt(), 2);
    QVERIFY(r.json().value(u"rejected"_s).toArray().isEmpty());
    QVERIFY(r.json().value(u"priceTableVersion"_s).toString().startsWith(u"litellm-"_s));
    // Private by default: not on the board, no profile.
    QCOMPARE(m_server.get(u"/api/v1/users/happy"_s).status, 404);
    QCOMPARE(m_server.setVisibility(token, u"public"_s).status, 200);
    const QJsonObject p = m_server.get(u"/api/v1/users/happy"_s).json();
    const QJsonObject totals = p.value(u"totals"_s).toObject();
    QCOMPARE(totals[u"tokens"_s][u"total"_s].toInteger(), 1000 + 500 + 10000 + 2000 + 300 + 200);
    QVERIFY(totals[u"costUSD"_s].toDouble() > 0);
    QCOMPARE(p.value(u"devices"_s).toInt(), 1);
    QCOMPARE(p.value(u"models"_s).toArray().size(), 2);
    QCOMPARE(p.value(u"agents"_s).toArray().size(), 2);
    // An agent this server does not know is rejected by index; the rest is kept.
    const Reply partial = m_server.submit(
        token, d, {makeBucket(recentHour(1, 12), u"cursor-small"_s, 10, 10, u"cursor"_s)});
    QCOMPARE(partial.status, 200);
    QCOMPARE(partial.json().value(u"accepted"_s).toInt(), 0);
    QCOMPARE(partial.json()[u"rejected"_s][0][u"reason"_s].toString(), u"unknown agent"_s);
}

// Store-wide numbers may lag writes by SiteStats::MaxAgeMs (5 s), not more.
void TestServer::statsCatchUpWithWrites()
{
    const QString token = m_server.registerUser(u"statsfollow"_s);
    TestDevice d = m_server.addDevice(token);
    auto tokens = [&] {
        return m_server.get(u"/api/v1/stats"_s).json().value(u"tokens"_s).toInteger();
    };
    // Past the bound, the next answer is computed afresh: an exact baseline.
    QTest::qWait(5500);
    const qint64 before = tokens();
    QCOMPARE(
        m_server.submit(token, d, {makeBucket(recentHour(1, 9), u"gpt-5"_s, 700, 300, u"codex"_s)})
            .status,
        200);
    QTRY_COMPARE_WITH_TIMEOUT(tokens(), before + 1000, 8000);
    QCOMPARE(
        m_server.submit(token, d, {makeBucket(recentHour(1, 8), u"gpt-5"_s, 70, 30, u"codex"_s)})
            .status,
        200);
    QTRY_COMPARE_WITH_TIMEOUT(tokens(), before + 1100, 8000);
}

void TestServer::badSubmissions_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("reason");
    QTest::addRow("malformed JSON") << u"malformed"_s << 400 << u"malformed JSON"_s;
    QTest::addRow("unknown field") << u"unknownTop"_s << 400 << u"unknown field: path"_s;
    QTest::addRow("unknown bucket field")
        << u"unknownBucket"_s << 400 << u"unknown field: buckets[0].project"_s;
    QTest::addRow("negative count")
        << u"negative"_s << 400 << u"negative count: buckets[0].input"_s;
    QTest::addRow("huge count") << u"huge"_s << 400 << u"count too large"_s;
    QTest::addRow("fraction") << u"fraction"_s << 400 << u"not an integer"_s;
    QTest::addRow("string count") << u"stringCount"_s << 400 << u"not a number"_s;
    QTest::addRow("future hour") << u"future"_s << 400 << u"hour in the future"_s;
    QTest::addRow("hour not whole") << u"halfHour"_s << 400 << u"invalid hour"_s;
    QTest::addRow("tokens per hour cap") << u"cap"_s << 400 << u"over the cap"_s;
    QTest::addRow("schema") << u"schema"_s << 400 << u"unsupported schema"_s;
    QTest::addRow("free text model") << u"model"_s << 400 << u"invalid model"_s;
    QTest::addRow("duplicate bucket") << u"duplicate"_s << 400 << u"duplicate bucket"_s;
    QTest::addRow("too many buckets") << u"tooMany"_s << 413 << u"too many buckets"_s;
    QTest::addRow("oversize body") << u"oversize"_s << 413 << u"too large"_s;
    QTest::addRow("bad token") << u"badToken"_s << 401 << u"bad token"_s;
    QTest::addRow("missing token") << u"noToken"_s << 401 << u"missing token"_s;
    QTest::addRow("bad signature") << u"badSignature"_s << 403 << u"bad signature"_s;
    QTest::addRow("garbage signature") << u"garbageSignature"_s << 403 << u"bad signature"_s;
    QTest::addRow("missing signature") << u"noSignature"_s << 403 << u"missing signature"_s;
    QTest::addRow("other user's device") << u"otherDevice"_s << 403 << u"unknown device"_s;
    QTest::addRow("replayed seq") << u"replay"_s << 409 << u"replayed seq"_s;
    QTest::addRow("skipped seq") << u"skip"_s << 409 << u"skipped seq"_s;
    QTest::addRow("wrong prevHash") << u"prevHash"_s << 409 << u"prevHash mismatch"_s;
}

void TestServer::badSubmissions()
{
    QFETCH(QString, kind);
    QFETCH(int, status);
    QFETCH(QString, reason);

    // One accepted submission first, so replays have something to replay.
    if (m_device.seq == 0)
        QCOMPARE(m_server
                     .submit(m_token, m_device,
                             {makeBucket(recentHour(2), u"claude-opus-4-1"_s, 10, 20)})
                     .status,
                 200);

    Submission s;
    s.deviceId = m_device.id;
    s.seq = m_device.seq + 1;
    s.prevHash = m_device.lastHash;
    s.client = {u"tokentally"_s, u"0.1.0"_s, u"linux"_s};
    s.buckets = {makeBucket(recentHour(2, 13), u"claude-sonnet-4-5"_s, 100, 50)};
    QString token = m_token;
    const DeviceKey *key = m_device.key.get();

    if (kind == u"future")
        s.buckets[0].hour = (QDateTime::currentSecsSinceEpoch() / 3600 + 3) * 3600;
    if (kind == u"cap") {
        s.buckets[0].tokens.cacheRead = 1'500'000'000;
        s.buckets.append(makeBucket(s.buckets[0].hour, u"claude-opus-4-1"_s, 600'000'000, 1));
    }
    if (kind == u"schema")
        s.schema = 2;
    if (kind == u"model")
        s.buckets[0].model = u"my secret project notes"_s;
    if (kind == u"duplicate")
        s.buckets.append(s.buckets[0]);
    if (kind == u"tooMany") {
        for (int i = 0; i < 500; ++i)
            s.buckets.append(
                makeBucket(recentHour(3 + i / 24, i % 24), u"claude-haiku-4-5"_s, 1, 1));
    }
    if (kind == u"oversize") {
        for (int i = 0; i < 3500; ++i)
            s.buckets.append(
                makeBucket(recentHour(3 + i / 24, i % 24), u"claude-haiku-4-5"_s, 1, 1));
    }
    if (kind == u"badToken")
        token = u"tt_0000"_s;
    if (kind == u"replay") {
        s.seq = m_device.seq;
    }
    if (kind == u"skip")
        s.seq = m_device.seq + 2;
    if (kind == u"prevHash")
        s.prevHash = QString(64, u'a');
    std::shared_ptr<DeviceKey> otherKey;
    if (kind == u"otherDevice") {
        const QString other = m_server.registerUser(u"mallory"_s);
        QVERIFY(!other.isEmpty());
        const TestDevice d = m_server.addDevice(other);
        s.deviceId = d.id;
        otherKey = d.key;
        key = otherKey.get();
    }

    QByteArray body = WireCodec::serialize(s);
    if (kind == u"malformed")
        body.chop(3);
    if (kind == u"unknownTop")
        body.insert(1, R"("path":"/home/me/project",)");
    if (kind == u"unknownBucket")
        body.replace(R"("sessions":1})", R"("sessions":1,"project":"secret"})");
    if (kind == u"negative")
        body.replace(R"("input":100)", R"("input":-100)");
    if (kind == u"huge")
        body.replace(R"("input":100)", R"("input":1e300)");
    if (kind == u"fraction")
        body.replace(R"("input":100)", R"("input":100.5)");
    if (kind == u"stringCount")
        body.replace(R"("input":100)", R"("input":"100")");
    if (kind == u"halfHour")
        body.replace(":00:00Z", ":30:00Z");

    QByteArray signature = WireCrypto::toBase64(key->sign(body));
    if (kind == u"badSignature")
        signature = WireCrypto::toBase64(DeviceKey::generate().sign(body));
    if (kind == u"garbageSignature")
        signature = "!!!not base64!!!";
    if (kind == u"noSignature")
        signature = QByteArray();

    const QByteArray before = m_server.dump();
    Reply r;
    if (kind == u"noToken") {
        r = m_server.request("POST", u"/api/v1/submissions"_s, body,
                             {{u"X-TokenTally-Signature"_s, QString::fromLatin1(signature)}});
    } else {
        r = m_server.submitBody(token, body, signature);
    }
    QCOMPARE(r.status, status);
    QVERIFY2(r.reason().contains(reason), qPrintable(r.reason()));
    QVERIFY(!r.json().value(u"error"_s).toString().isEmpty());
    if (status == 409) {
        // The answer tells the client where to resync from.
        QCOMPARE(r.json().value(u"expectedSeq"_s).toInt(), int(m_device.seq + 1));
        QCOMPARE(r.json().value(u"lastHash"_s).toString(), m_device.lastHash);
    }
    QCOMPARE(m_server.dump(), before);
}

void TestServer::idempotentAndRewrite()
{
    const QString token = m_server.registerUser(u"idem"_s);
    TestDevice d = m_server.addDevice(token);
    QCOMPARE(m_server.setVisibility(token, u"unlisted"_s).status, 200);
    const QList<WireBucket> buckets {
        makeBucket(recentHour(4, 9), u"claude-sonnet-4-5"_s, 100, 10),
        makeBucket(recentHour(4, 10), u"claude-sonnet-4-5"_s, 200, 20)};
    auto total = [this] {
        return m_server.get(u"/api/v1/users/idem"_s)
            .json()[u"totals"_s][u"tokens"_s][u"total"_s]
            .toInteger();
    };
    QCOMPARE(m_server.submit(token, d, buckets).status, 200);
    QCOMPARE(total(), 330);
    const Reply again = m_server.submit(token, d, buckets);
    QCOMPARE(again.status, 200);
    QCOMPARE(again.json().value(u"replaced"_s).toInt(), 0);
    QCOMPARE(total(), 330);
    // A rewrite of a past hour replaces it, and the chain log records it.
    const Reply rewrite = m_server.submit(
        token, d, {makeBucket(recentHour(4, 9), u"claude-sonnet-4-5"_s, 1000, 100)});
    QCOMPARE(rewrite.status, 200);
    QCOMPARE(rewrite.json().value(u"replaced"_s).toInt(), 1);
    QCOMPARE(total(), 1100 + 220);
    const QByteArray dump = m_server.dump();
    const QList<QByteArray> lines = dump.split('\n');
    int rewrites = 0;
    for (const QByteArray &line : lines) {
        const QList<QByteArray> cells = line.split('|');
        // submissions: device, seq, body_hash, prev_hash, received, buckets, replaced, version
        if (cells.size() == 9 && cells[0] == d.id.toUtf8().toHex() &&
            cells[6] == QByteArray("1").toHex())
            ++rewrites;
    }
    QCOMPARE(rewrites, 1);
}

void TestServer::twoDevicesAddUp()
{
    const QString token = m_server.registerUser(u"twodev"_s);
    TestDevice a = m_server.addDevice(token);
    TestDevice b = m_server.addDevice(token);
    QCOMPARE(m_server.setVisibility(token, u"public"_s).status, 200);
    const std::int64_t hour = recentHour(5, 15);
    QCOMPARE(m_server.submit(token, a, {makeBucket(hour, u"gpt-5"_s, 1000, 1, u"codex"_s)}).status,
             200);
    QCOMPARE(m_server.submit(token, b, {makeBucket(hour, u"gpt-5"_s, 2000, 2, u"codex"_s)}).status,
             200);
    const QJsonObject p = m_server.get(u"/api/v1/users/twodev"_s).json();
    QCOMPARE(p[u"totals"_s][u"tokens"_s][u"total"_s].toInteger(), 3003);
    QCOMPARE(p[u"devices"_s].toInt(), 2);
    const QString day =
        QDateTime::fromSecsSinceEpoch(hour, QTimeZone::utc()).date().toString(Qt::ISODate);
    const Reply board = m_server.get(u"/api/v1/leaderboard?period=custom&from="_s + day +
                                     u"&to="_s + day + u"&agent=codex&q=twodev"_s);
    QCOMPARE(board.status, 200);
    QCOMPARE(board.json()[u"entries"_s][0][u"tokens"_s][u"total"_s].toInteger(), 3003);
}

void TestServer::timeZones_data()
{
    QTest::addColumn<QString>("tz");
    QTest::addColumn<QList<qint64>>("expected"); // tokens on D-1, D, D+1
    QTest::addRow("UTC") << u"UTC"_s << QList<qint64> {0, 1111, 110000};
    QTest::addRow("+09:00") << u"+09:00"_s << QList<qint64> {0, 11, 111100};
    QTest::addRow("America/Los_Angeles")
        << u"America/Los_Angeles"_s << QList<qint64> {1, 11110, 100000};
}

void TestServer::timeZones()
{
    QFETCH(QString, tz);
    QFETCH(QList<qint64>, expected);
    // D is in November, when Los Angeles is at -08:00 (PST) — or in whatever
    // month the clock says; the expectations only need D and D+1 to share
    // the offset, so pick D with the same offset on both days.
    QDate d = QDateTime::currentDateTimeUtc().date().addDays(-20);
    const QTimeZone la("America/Los_Angeles");
    while (la.offsetFromUtc(QDateTime(d.addDays(-1), QTime(0, 0), QTimeZone::utc())) !=
           la.offsetFromUtc(QDateTime(d.addDays(2), QTime(0, 0), QTimeZone::utc())))
        d = d.addDays(-3);
    const bool dst = la.offsetFromUtc(QDateTime(d, QTime(12, 0), QTimeZone::utc())) == -7 * 3600;
    static QString name;
    static QDate seededFor;
    if (seededFor != d) {
        name = u"tzuser"_s;
        const QString token = m_server.registerUser(name);
        QVERIFY(!token.isEmpty());
        TestDevice dev = m_server.addDevice(token);
        QCOMPARE(m_server.setVisibility(token, u"unlisted"_s).status, 200);
        QList<WireBucket> buckets;
        const QList<std::pair<std::int64_t, std::int64_t>> points {
            {hourAt(d, 0), 1},
            {hourAt(d, 14), 10},
            {hourAt(d, 15), 100},
            {hourAt(d, 23), 1000},
            {hourAt(d.addDays(1), 7), 10000},
            {hourAt(d.addDays(1), 8), 100000}};
        for (const auto &[hour, tokens] : points)
            buckets.append(makeBucket(hour, u"claude-sonnet-4-5"_s, tokens, 0));
        QCOMPARE(m_server.submit(token, dev, buckets).status, 200);
        seededFor = d;
    }
    if (dst && tz == u"America/Los_Angeles") {
        // At -07:00 the 07:00Z bucket lands on D+1 as well.
        expected = {1, 1110, 110000};
    }
    const auto days = daysOf(m_server, name, tz);
    QCOMPARE(days.value(d.addDays(-1).toString(Qt::ISODate)), expected[0]);
    QCOMPARE(days.value(d.toString(Qt::ISODate)), expected[1]);
    QCOMPARE(days.value(d.addDays(1).toString(Qt::ISODate)), expected[2]);
}

void TestServer::visibilityAndDelete()
{
    const QString token = m_server.registerUser(u"shy"_s);
    TestDevice d = m_server.addDevice(token);
    QCOMPARE(m_server.submit(token, d, {makeBucket(recentHour(0, 0), u"gpt-5"_s, 5, 5, u"codex"_s)})
                 .status,
             200);
    auto onBoard = [this] {
        const Reply r = m_server.get(u"/api/v1/leaderboard?period=all&q=shy&tz=%2B00:30"_s);
        return r.json().value(u"total"_s).toInt() > 0;
    };
    QVERIFY(!onBoard());
    QCOMPARE(m_server.get(u"/api/v1/users/shy"_s).status, 404);
    QVERIFY(m_server.get(u"/badge/shy.svg"_s).body.contains("not found"));
    QCOMPARE(m_server.setVisibility(token, u"unlisted"_s).status, 200);
    const Reply me =
        m_server.request("GET", u"/api/v1/me"_s, {}, {{u"Authorization"_s, bearer(token)}});
    QCOMPARE(me.status, 200);
    QCOMPARE(me.json().value(u"username"_s).toString(), u"shy"_s);
    QCOMPARE(me.json().value(u"visibility"_s).toString(), u"unlisted"_s);
    QCOMPARE(me.json().value(u"devices"_s).toInt(), 1);
    QCOMPARE(m_server.request("GET", u"/api/v1/me"_s, {}, {{u"Authorization"_s, bearer(u"tt_x"_s)}})
                 .status,
             401);
    QCOMPARE(m_server.get(u"/api/v1/users/shy"_s).status, 200);
    QVERIFY(!m_server.get(u"/badge/cost/shy.svg"_s).body.contains("not found"));
    QCOMPARE(m_server.setVisibility(token, u"public"_s).json().value(u"visibility"_s).toString(),
             u"public"_s);
    // The very next request shows the change: no cache to wait out.
    QVERIFY(onBoard());

    const QByteArray before = m_server.dump();
    QCOMPARE(m_server.setVisibility(token, u"everyone"_s).status, 400);
    QCOMPARE(m_server
                 .request("PATCH", u"/api/v1/me"_s, R"({"visibility":"public","bio":"hi"})",
                          {{u"Authorization"_s, bearer(token)}})
                 .status,
             400);
    QCOMPARE(m_server.setVisibility(u"tt_wrong"_s, u"private"_s).status, 401);
    QCOMPARE(m_server.dump(), before);

    const Reply del =
        m_server.request("DELETE", u"/api/v1/me"_s, {}, {{u"Authorization"_s, bearer(token)}});
    QCOMPARE(del.status, 200);
    QVERIFY(!m_server.dump().contains(u"shy"_s.toUtf8().toHex()));
    QVERIFY(!m_server.dump().contains(d.id.toUtf8().toHex()));
    QCOMPARE(m_server.get(u"/api/v1/users/shy"_s).status, 404);
    QCOMPARE(m_server.setVisibility(token, u"public"_s).status, 401);
}

void TestServer::leaderboardQueries()
{
    // Three public users with known totals this month (today, in UTC).
    const std::int64_t hour = recentHour(0, 0);
    const QList<std::tuple<QString, std::int64_t, std::int64_t>> users {
        {u"lb-gold"_s, 9000, 100}, {u"lb-silver"_s, 5000, 900}, {u"lb-bronze"_s, 1000, 50}};
    for (const auto &[name, input, output] : users) {
        const QString token = m_server.registerUser(name);
        TestDevice d = m_server.addDevice(token);
        QCOMPARE(
            m_server.submit(token, d, {makeBucket(hour, u"claude-sonnet-4-5"_s, input, output)})
                .status,
            200);
        QCOMPARE(m_server.setVisibility(token, u"public"_s).status, 200);
    }
    auto names = [this](const QString &query) {
        QStringList out;
        const Reply r = m_server.get(u"/api/v1/leaderboard?"_s + query);
        for (const QJsonValue &e : r.json().value(u"entries"_s).toArray())
            out.append(e[u"username"_s].toString());
        return out;
    };
    QCOMPARE(names(u"period=day&q=lb-"_s),
             (QStringList {u"lb-gold"_s, u"lb-silver"_s, u"lb-bronze"_s}));
    QCOMPARE(names(u"period=day&q=lb-&metric=output"_s),
             (QStringList {u"lb-silver"_s, u"lb-gold"_s, u"lb-bronze"_s}));
    QCOMPARE(names(u"period=day&q=lb-&limit=1&offset=1"_s), QStringList {u"lb-silver"_s});
    QCOMPARE(names(u"period=day&q=lb-&agent=codex"_s), QStringList());
    QCOMPARE(names(u"period=week&q=lb-&metric=activeDays"_s).size(), 3);
    const Reply r = m_server.get(u"/api/v1/leaderboard?period=month&q=lb-&metric=cost"_s);
    const QJsonArray entries = r.json().value(u"entries"_s).toArray();
    QCOMPARE(entries.size(), 3);
    QVERIFY(entries[0][u"costUSD"_s].toDouble() >= entries[1][u"costUSD"_s].toDouble());
    QCOMPARE(entries[0][u"rank"_s].toInt(), 1);
    for (const QString &metric :
         {u"fresh"_s, u"messages"_s, u"sessions"_s, u"streak"_s, u"cacheEfficiency"_s}) {
        QCOMPARE(m_server.get(u"/api/v1/leaderboard?period=year&metric="_s + metric).status, 200);
    }
}

void TestServer::badLeaderboardParams_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("reason");
    QTest::addRow("period") << u"period=decade"_s << u"unknown period"_s;
    QTest::addRow("metric") << u"metric=karma"_s << u"unknown metric"_s;
    QTest::addRow("tz") << u"tz=Mars/Olympus"_s << u"unknown time zone"_s;
    QTest::addRow("agent") << u"agent=notepad"_s << u"unknown agent"_s;
    QTest::addRow("limit") << u"limit=0"_s << u"limit"_s;
    QTest::addRow("offset") << u"offset=-1"_s << u"offset"_s;
    QTest::addRow("custom") << u"period=custom&from=2026-05-01&to=2026-04-01"_s << u"custom"_s;
}

void TestServer::badLeaderboardParams()
{
    QFETCH(QString, query);
    QFETCH(QString, reason);
    const Reply r = m_server.get(u"/api/v1/leaderboard?"_s + query);
    QCOMPARE(r.status, 400);
    QVERIFY2(r.reason().contains(reason), qPrintable(r.reason()));
}

void TestServer::checksums()
{
    const QString token = m_server.registerUser(u"sums"_s);
    TestDevice d = m_server.addDevice(token);
    const QList<WireBucket> buckets {makeBucket(recentHour(6, 1), u"claude-sonnet-4-5"_s, 1, 2),
                                     makeBucket(recentHour(6, 2), u"gpt-5"_s, 3, 4, u"codex"_s),
                                     makeBucket(recentHour(5, 2), u"gpt-5"_s, 5, 6, u"codex"_s)};
    QCOMPARE(m_server.submit(token, d, buckets).status, 200);
    const QString from = QDateTime::currentDateTimeUtc().date().addDays(-6).toString(Qt::ISODate);
    const Reply r = m_server.get(u"/api/v1/devices/"_s + d.id + u"/checksums?from="_s + from,
                                 {{u"Authorization"_s, bearer(token)}});
    QCOMPARE(r.status, 200);
    const QJsonObject days = r.json().value(u"days"_s).toObject();
    QCOMPARE(days.size(), 2);
    QCOMPARE(days.value(from).toString(), WireCodec::dayChecksum({buckets[1], buckets[0]}));
    QCOMPARE(r.json().value(u"seq"_s).toInt(), 1);
    QCOMPARE(m_server
                 .get(u"/api/v1/devices/"_s + d.id + u"/checksums"_s,
                      {{u"Authorization"_s, bearer(m_token)}})
                 .status,
             404);
    QCOMPARE(m_server.get(u"/api/v1/devices/"_s + d.id + u"/checksums"_s).status, 401);
}

void TestServer::trustFlagsAndAdmin()
{
    const QString token = m_server.registerUser(u"inventor"_s);
    TestDevice d = m_server.addDevice(token);
    QCOMPARE(m_server.setVisibility(token, u"public"_s).status, 200);
    QCOMPARE(m_server.submit(token, d, {makeBucket(recentHour(0, 0), u"hyperbrain-9000"_s, 10, 10)})
                 .status,
             200);
    int code = -1;
    QByteArray list = m_server.admin({u"users"_s, u"list"_s}, &code);
    QCOMPARE(code, 0);
    QVERIFY2(list.contains("inventor\tpublic\thidden\tinvented model names: hyperbrain-9000"),
             list.constData());
    auto onBoard = [this](const QString &tz) {
        return m_server
                   .get(u"/api/v1/leaderboard?period=all&q=inventor&tz="_s +
                        QString::fromLatin1(QUrl::toPercentEncoding(tz)))
                   .json()
                   .value(u"total"_s)
                   .toInt() > 0;
    };
    // The flag applies to the very next request.
    QVERIFY(!onBoard(u"+01:00"_s));
    m_server.admin({u"users"_s, u"unhide"_s, u"inventor"_s}, &code);
    QCOMPARE(code, 0);
    // The admin command is another process: the server hears of it within 1 s.
    QTRY_VERIFY_WITH_TIMEOUT(onBoard(u"+01:00"_s), 1000);
    // Cleared users are not flagged again for the same thing.
    QCOMPARE(m_server.submit(token, d, {makeBucket(recentHour(0, 1), u"hyperbrain-9000"_s, 1, 1)})
                 .status,
             200);
    list = m_server.admin({u"users"_s, u"list"_s}, &code);
    QVERIFY(list.contains("inventor\tpublic\tvisible"));
    m_server.admin({u"users"_s, u"delete"_s, u"inventor"_s}, &code);
    QCOMPARE(code, 0);
    QVERIFY(!m_server.admin({u"users"_s, u"list"_s}, &code).contains("inventor"));
    m_server.admin({u"users"_s, u"hide"_s, u"nobody-at-all"_s}, &code);
    QCOMPARE(code, 1);
}

void TestServer::rateLimitsAndAuthDelays()
{
    ServerProcess limited;
    QString error;
    QVERIFY2(limited.start({u"--rate-limit-ip"_s, u"5"_s, u"--auth-failures"_s, u"2"_s}, &error),
             qPrintable(error));
    int lastStatus = 0;
    Reply r;
    for (int i = 0; i < 6; ++i) {
        r = limited.request(
            "POST", u"/api/v1/register"_s,
            QJsonDocument(QJsonObject {{u"username"_s, u"rl-user-%1"_s.arg(i)}}).toJson());
        lastStatus = r.status;
    }
    QCOMPARE(lastStatus, 429);
    QVERIFY(r.headers.value(u"retry-after"_s).toInt() >= 1);
    QCOMPARE(r.json().value(u"error"_s).toString(), u"too_many_requests"_s);

    ServerProcess auth;
    QVERIFY2(auth.start({u"--auth-failures"_s, u"2"_s}, &error), qPrintable(error));
    const QString token = auth.registerUser(u"victim"_s);
    QVERIFY(!token.isEmpty());
    for (int i = 0; i < 2; ++i)
        QCOMPARE(auth.setVisibility(u"tt_guess%1"_s.arg(i), u"public"_s).status, 401);
    // From now on even a good token waits, for a growing time.
    const Reply blocked = auth.setVisibility(token, u"public"_s);
    QCOMPARE(blocked.status, 429);
    QVERIFY(blocked.headers.value(u"retry-after"_s).toInt() >= 1);
    QTest::qWait(1100 * blocked.headers.value(u"retry-after"_s).toInt());
    QCOMPARE(auth.setVisibility(token, u"public"_s).status, 200);
    QCOMPARE(auth.stop(), 0);
    QCOMPARE(limited.stop(), 0);
}

void TestServer::hostHeader()
{
    // Without --public-url: loopback names (any port) only, so a page on
    // another name cannot reach the server through DNS rebinding.
    const QString port = QString::number(m_server.port());
    for (const QString &host : QStringList {u"127.0.0.1:"_s + port, u"localhost:"_s + port,
                                            u"LocalHost"_s, u"[::1]:"_s + port}) {
        QCOMPARE(m_server.get(u"/healthz"_s, {{u"Host"_s, host}}).status, 200);
    }
    const QByteArray before = m_server.dump();
    for (const QString &host :
         QStringList {u"evil.example"_s, u"evil.example:"_s + port, u"127.0.0.1.evil.example"_s,
                      u"localhost.evil:"_s + port}) {
        const Reply r = m_server.request("POST", u"/api/v1/register"_s, R"({"username":"rebound"})",
                                         {{u"Host"_s, host}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json().value(u"error"_s).toString(), u"bad_request"_s);
        QCOMPARE(r.reason(), u"unexpected Host header"_s);
        QCOMPARE(m_server.get(u"/"_s, {{u"Host"_s, host}}).status, 400);
    }
    QCOMPARE(m_server.dump(), before);
}

QTEST_GUILESS_MAIN(TestServer)
#include "test_server.moc"
