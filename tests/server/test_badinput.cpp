// Every route against every class of bad input: a 4xx with a JSON reason,
// no hostile text echoed unescaped, and the database unchanged (a dump of
// every table before and after). Runs on SQLite and PostgreSQL.
#include "servertestclient.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QTest>
#include <QTimeZone>
#include <QUrl>

#include <functional>

using namespace Qt::StringLiterals;

class TestBadInput : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void badInputMatrix_data();
    void badInputMatrix();

private:
    ServerProcess m_server;
    QString m_token;
    TestDevice m_device;
};

void TestBadInput::initTestCase()
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
    // A public user the read routes can name.
    const QString gold = m_server.registerUser(u"lb-gold"_s);
    TestDevice d = m_server.addDevice(gold);
    QCOMPARE(m_server.setVisibility(gold, u"public"_s).status, 200);
    QCOMPARE(
        m_server.submit(gold, d, {makeBucket(recentHour(0, 0), u"claude-sonnet-4-5"_s, 9000, 100)})
            .status,
        200);
}

void TestBadInput::cleanupTestCase()
{
    QCOMPARE(m_server.stop(), 0);
}

void TestBadInput::badInputMatrix_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<int>("status");
    // route / class of bad input: the id selects how the request is built.
    const QList<std::tuple<const char *, const char *, int>> rows {
        {"register", "malformed JSON", 400},
        {"register", "unknown field", 400},
        {"register", "wrong type", 400},
        {"register", "XSS in username", 400},
        {"register", "SQL injection in username", 400},
        {"register", "path traversal in username", 400},
        {"register", "fullwidth Unicode username", 400},
        {"register", "zero-width space in username", 400},
        {"register", "right-to-left override in username", 400},
        {"register", "NUL in username", 400},
        {"register", "oversize body", 413},
        {"devices", "malformed JSON", 400},
        {"devices", "unknown field", 400},
        {"devices", "wrong type", 400},
        {"devices", "XSS in label", 400},
        {"devices", "SQL injection in deviceId", 400},
        {"devices", "bad token", 401},
        {"devices", "missing token", 401},
        {"devices", "expired token", 401},
        {"submissions", "malformed JSON", 400},
        {"submissions", "unknown field", 400},
        {"submissions", "wrong type", 400},
        {"submissions", "negative", 400},
        {"submissions", "fraction", 400},
        {"submissions", "over 2^53", 400},
        {"submissions", "future hour", 400},
        {"submissions", "duplicate bucket", 400},
        {"submissions", "too many buckets", 413},
        {"submissions", "oversize body", 413},
        {"submissions", "XSS in model", 400},
        {"submissions", "SQL injection in agent", 400},
        {"submissions", "SQL injection in deviceId", 400},
        {"submissions", "bad signature", 403},
        {"submissions", "replayed seq", 409},
        {"submissions", "skipped seq", 409},
        {"submissions", "bad token", 401},
        {"submissions", "missing token", 401},
        {"submissions", "expired token", 401},
        {"checksums", "bad from", 400},
        {"checksums", "SQL injection in device", 404},
        {"checksums", "missing token", 401},
        {"me", "PATCH malformed JSON", 400},
        {"me", "PATCH unknown field", 400},
        {"me", "PATCH wrong type", 400},
        {"me", "PATCH XSS in visibility", 400},
        {"me", "GET bad token", 401},
        {"me", "GET bad token with a Range header", 401},
        {"me", "DELETE missing token", 401},
        {"me", "DELETE expired token", 401},
        {"leaderboard", "negative limit", 400},
        {"leaderboard", "fraction limit", 400},
        {"leaderboard", "limit over 2^53", 400},
        {"leaderboard", "SQL injection in period", 400},
        {"leaderboard", "XSS in metric", 400},
        {"leaderboard", "SQL injection in tz", 400},
        {"leaderboard", "path traversal in tz", 400},
        {"leaderboard", "XSS in agent", 400},
        {"leaderboard", "bad custom dates", 400},
        {"users", "path traversal in name", 404},
        {"users", "XSS in name", 404},
        {"users", "SQL injection in name", 404},
        {"users", "odd Unicode in name", 404},
        {"users", "SQL injection in tz", 400},
        {"badge", "path traversal", 404},
        {"badge", "bad style", 400},
        {"badge", "bad color", 400},
        {"static", "path traversal", 404},
        {"any", "oversize header", 400},
        {"any", "oversize request line", 414},
    };
    for (const auto &[route, kind, status] : rows)
        QTest::addRow("%s: %s", route, kind)
            << (QString::fromLatin1(route) + u'/' + QString::fromLatin1(kind)) << status;
}

void TestBadInput::badInputMatrix()
{
    QFETCH(QString, id);
    QFETCH(int, status);
    // A deleted user's token stands for an expired one: tokens never expire,
    // they end with their account.
    static QString expired;
    if (expired.isEmpty()) {
        expired = m_server.registerUser(u"gone-user"_s);
        QCOMPARE(
            m_server.request("DELETE", u"/api/v1/me"_s, {}, {{u"Authorization"_s, bearer(expired)}})
                .status,
            200);
    }
    if (m_device.seq == 0)
        QCOMPARE(m_server
                     .submit(m_token, m_device,
                             {makeBucket(recentHour(2), u"gpt-5"_s, 1, 1, u"codex"_s)})
                     .status,
                 200);
    const QMap<QString, QString> auth {{u"Authorization"_s, bearer(m_token)}};
    const QString xss = u"<script>alert(1)</script>"_s;
    const QString sql = u"x'); DROP TABLE users;--"_s;
    const QString enc = QString::fromLatin1(QUrl::toPercentEncoding(sql));

    auto post = [this](const QString &path, const QByteArray &body,
                       const QMap<QString, QString> &headers = {}) {
        return m_server.request("POST", path, body, headers);
    };
    auto registerName = [&](const QString &name) {
        return post(u"/api/v1/register"_s,
                    QJsonDocument(QJsonObject {{u"username"_s, name}}).toJson());
    };
    const QString key =
        QString::fromLatin1(WireCrypto::toBase64(DeviceKey::generate().publicKey()));
    auto device = [&](const QJsonObject &o, const QString &token) {
        return post(u"/api/v1/devices"_s, QJsonDocument(o).toJson(),
                    token.isNull() ? QMap<QString, QString>()
                                   : QMap<QString, QString> {{u"Authorization"_s, bearer(token)}});
    };
    // A signed submission of the device's next seq, edited as text after
    // serialising (and signed after editing, so only the edit is wrong).
    auto submission = [&](const std::function<void(Submission &)> &edit,
                          const std::function<void(QByteArray &)> &text, const QString &token,
                          bool badSignature = false) {
        Submission s;
        s.deviceId = m_device.id;
        s.seq = m_device.seq + 1;
        s.prevHash = m_device.lastHash;
        s.client = {u"tokentally"_s, u"0.1.0"_s, u"linux"_s};
        s.buckets = {makeBucket(recentHour(2, 5), u"claude-sonnet-4-5"_s, 100, 50)};
        if (edit)
            edit(s);
        QByteArray body = WireCodec::serialize(s);
        if (text)
            text(body);
        const QByteArray signature = WireCrypto::toBase64(
            badSignature ? DeviceKey::generate().sign(body) : m_device.key->sign(body));
        QMap<QString, QString> headers {
            {u"X-TokenTally-Signature"_s, QString::fromLatin1(signature)}};
        if (!token.isNull())
            headers.insert(u"Authorization"_s, bearer(token));
        return post(u"/api/v1/submissions"_s, body, headers);
    };
    auto replace = [](const char *from, const QByteArray &to) {
        return [from, to](QByteArray &body) {
            body.replace(from, to);
        };
    };
    auto manyBuckets = [](int n) {
        return [n](Submission &s) {
            for (int i = 0; i < n; ++i)
                s.buckets.append(
                    makeBucket(recentHour(3 + i / 24, i % 24), u"claude-haiku-4-5"_s, 1, 1));
        };
    };
    auto patch = [&](const QByteArray &body, const QString &token) {
        return m_server.request("PATCH", u"/api/v1/me"_s, body,
                                {{u"Authorization"_s, bearer(token)}});
    };

    const QMap<QString, std::function<Reply()>> cases {
        {u"register/malformed JSON"_s,
         [&] {
             return post(u"/api/v1/register"_s, R"({"username":)");
         }},
        {u"register/unknown field"_s,
         [&] {
             return post(u"/api/v1/register"_s, R"({"username":"newbie","admin":true})");
         }},
        {u"register/wrong type"_s,
         [&] {
             return post(u"/api/v1/register"_s, R"({"username":["a"]})");
         }},
        {u"register/XSS in username"_s,
         [&] {
             return registerName(xss);
         }},
        {u"register/SQL injection in username"_s,
         [&] {
             return registerName(sql);
         }},
        {u"register/path traversal in username"_s,
         [&] {
             return registerName(u"../../etc/passwd"_s);
         }},
        {u"register/fullwidth Unicode username"_s,
         [&] {
             return registerName(u"ａｌｉｃｅ"_s);
         }},
        {u"register/zero-width space in username"_s,
         [&] {
             return registerName(u"alice\u200bx"_s);
         }},
        {u"register/right-to-left override in username"_s,
         [&] {
             return registerName(u"evil\u202egnp"_s);
         }},
        {u"register/NUL in username"_s,
         [&] {
             return registerName(u"ali"_s + QChar(0) + u"ce"_s);
         }},
        {u"register/oversize body"_s,
         [&] {
             return post(u"/api/v1/register"_s,
                         R"({"username":")" + QByteArray(600 * 1024, 'a') + R"("})");
         }},
        {u"devices/malformed JSON"_s,
         [&] {
             return post(u"/api/v1/devices"_s, "{", auth);
         }},
        {u"devices/unknown field"_s,
         [&] {
             return device({{u"deviceId"_s, u"dev-matrix-1"_s},
                            {u"publicKey"_s, key},
                            {u"hostname"_s, u"box"_s}},
                           m_token);
         }},
        {u"devices/wrong type"_s,
         [&] {
             return device({{u"deviceId"_s, 12345678}, {u"publicKey"_s, key}}, m_token);
         }},
        {u"devices/XSS in label"_s,
         [&] {
             return device(
                 {{u"deviceId"_s, u"dev-matrix-2"_s}, {u"publicKey"_s, key}, {u"label"_s, xss}},
                 m_token);
         }},
        {u"devices/SQL injection in deviceId"_s,
         [&] {
             return device({{u"deviceId"_s, sql}, {u"publicKey"_s, key}}, m_token);
         }},
        {u"devices/bad token"_s,
         [&] {
             return device({{u"deviceId"_s, u"dev-matrix-3"_s}, {u"publicKey"_s, key}},
                           u"tt_bad"_s);
         }},
        {u"devices/missing token"_s,
         [&] {
             return device({{u"deviceId"_s, u"dev-matrix-4"_s}, {u"publicKey"_s, key}}, QString());
         }},
        {u"devices/expired token"_s,
         [&] {
             return device({{u"deviceId"_s, u"dev-matrix-5"_s}, {u"publicKey"_s, key}}, expired);
         }},
        {u"submissions/malformed JSON"_s,
         [&] {
             return submission(
                 {}, [](QByteArray &b) { b.chop(2); }, m_token);
         }},
        {u"submissions/unknown field"_s,
         [&] {
             return submission({}, replace(R"("sessions":1})", R"("sessions":1,"cwd":"/home"})"),
                               m_token);
         }},
        {u"submissions/wrong type"_s,
         [&] {
             return submission({}, replace(R"("input":100)", R"("input":[100])"), m_token);
         }},
        {u"submissions/negative"_s,
         [&] {
             return submission({}, replace(R"("output":50)", R"("output":-50)"), m_token);
         }},
        {u"submissions/fraction"_s,
         [&] {
             return submission({}, replace(R"("messages":1,)", R"("messages":1.5,)"), m_token);
         }},
        {u"submissions/over 2^53"_s,
         [&] {
             return submission({}, replace(R"("input":100)", R"("input":9007199254740993)"),
                               m_token);
         }},
        {u"submissions/future hour"_s,
         [&] {
             return submission(
                 [](Submission &s) {
                     s.buckets[0].hour = (QDateTime::currentSecsSinceEpoch() / 3600 + 5) * 3600;
                 },
                 {}, m_token);
         }},
        {u"submissions/duplicate bucket"_s,
         [&] {
             return submission([](Submission &s) { s.buckets.append(s.buckets[0]); }, {}, m_token);
         }},
        {u"submissions/too many buckets"_s,
         [&] {
             return submission(manyBuckets(501), {}, m_token);
         }},
        {u"submissions/oversize body"_s,
         [&] {
             return submission(manyBuckets(4000), {}, m_token);
         }},
        {u"submissions/XSS in model"_s,
         [&] {
             return submission([&](Submission &s) { s.buckets[0].model = xss; }, {}, m_token);
         }},
        {u"submissions/SQL injection in agent"_s,
         [&] {
             return submission([&](Submission &s) { s.buckets[0].agent = sql; }, {}, m_token);
         }},
        {u"submissions/SQL injection in deviceId"_s,
         [&] {
             return submission([&](Submission &s) { s.deviceId = sql; }, {}, m_token);
         }},
        {u"submissions/bad signature"_s,
         [&] {
             return submission({}, {}, m_token, true);
         }},
        {u"submissions/replayed seq"_s,
         [&] {
             return submission([](Submission &s) { s.seq -= 1; }, {}, m_token);
         }},
        {u"submissions/skipped seq"_s,
         [&] {
             return submission([](Submission &s) { s.seq += 1; }, {}, m_token);
         }},
        {u"submissions/bad token"_s,
         [&] {
             return submission({}, {}, u"tt_nope"_s);
         }},
        {u"submissions/missing token"_s,
         [&] {
             return submission({}, {}, QString());
         }},
        {u"submissions/expired token"_s,
         [&] {
             return submission({}, {}, expired);
         }},
        {u"checksums/bad from"_s,
         [&] {
             return m_server.get(
                 u"/api/v1/devices/"_s + m_device.id + u"/checksums?from=2026-13-45"_s, auth);
         }},
        {u"checksums/SQL injection in device"_s,
         [&] {
             return m_server.get(u"/api/v1/devices/x--DROP-TABLE-devices/checksums"_s, auth);
         }},
        {u"checksums/missing token"_s,
         [&] {
             return m_server.get(u"/api/v1/devices/"_s + m_device.id + u"/checksums"_s);
         }},
        {u"me/PATCH malformed JSON"_s,
         [&] {
             return patch("{\"visibility\"", m_token);
         }},
        {u"me/PATCH unknown field"_s,
         [&] {
             return patch(R"({"visibility":"public","email":"a@b"})", m_token);
         }},
        {u"me/PATCH wrong type"_s,
         [&] {
             return patch(R"({"visibility":2})", m_token);
         }},
        {u"me/PATCH XSS in visibility"_s,
         [&] {
             return patch(QJsonDocument(QJsonObject {{u"visibility"_s, xss}}).toJson(), m_token);
         }},
        {u"me/GET bad token"_s,
         [&] {
             return m_server.get(u"/api/v1/me"_s, {{u"Authorization"_s, bearer(u"tt_zzz"_s)}});
         }},
        {u"me/DELETE missing token"_s,
         [&] {
             return m_server.request("DELETE", u"/api/v1/me"_s);
         }},
        {u"me/DELETE expired token"_s,
         [&] {
             return m_server.request("DELETE", u"/api/v1/me"_s, {},
                                     {{u"Authorization"_s, bearer(expired)}});
         }},
        {u"leaderboard/negative limit"_s,
         [&] {
             return m_server.get(u"/api/v1/leaderboard?limit=-5"_s);
         }},
        {u"leaderboard/fraction limit"_s,
         [&] {
             return m_server.get(u"/api/v1/leaderboard?limit=1.5"_s);
         }},
        {u"leaderboard/limit over 2^53"_s,
         [&] {
             return m_server.get(u"/api/v1/leaderboard?limit=9007199254740993"_s);
         }},
        {u"leaderboard/SQL injection in period"_s,
         [&] {
             return m_server.get(u"/api/v1/leaderboard?period="_s + enc);
         }},
        {u"leaderboard/XSS in metric"_s,
         [&] {
             return m_server.get(u"/api/v1/leaderboard?metric=%3Cscript%3E"_s);
         }},
        {u"leaderboard/SQL injection in tz"_s,
         [&] {
             return m_server.get(u"/api/v1/leaderboard?tz="_s + enc);
         }},
        {u"leaderboard/path traversal in tz"_s,
         [&] {
             return m_server.get(u"/api/v1/leaderboard?tz=..%2F..%2F..%2Fetc%2Fpasswd"_s);
         }},
        {u"leaderboard/XSS in agent"_s,
         [&] {
             return m_server.get(u"/api/v1/leaderboard?agent=%3Cimg%20src%3Dx%3E"_s);
         }},
        {u"leaderboard/bad custom dates"_s,
         [&] {
             return m_server.get(u"/api/v1/leaderboard?period=custom&from=2026-02-30&to=x"_s);
         }},
        {u"users/path traversal in name"_s,
         [&] {
             return m_server.get(u"/api/v1/users/..%2F..%2Fetc%2Fpasswd"_s);
         }},
        {u"users/XSS in name"_s,
         [&] {
             return m_server.get(u"/api/v1/users/%3Cscript%3E"_s);
         }},
        {u"users/SQL injection in name"_s,
         [&] {
             return m_server.get(u"/api/v1/users/"_s + enc);
         }},
        {u"users/odd Unicode in name"_s,
         [&] {
             return m_server.get(u"/api/v1/users/car%E2%80%AEol"_s);
         }},
        {u"users/SQL injection in tz"_s,
         [&] {
             return m_server.get(u"/api/v1/users/lb-gold?tz="_s + enc);
         }},
        {u"badge/path traversal"_s,
         [&] {
             return m_server.get(u"/badge/..%2F..%2Fetc%2Fpasswd.svg"_s);
         }},
        {u"badge/bad style"_s,
         [&] {
             return m_server.get(u"/badge/lb-gold.svg?style=%3Cscript%3E"_s);
         }},
        {u"badge/bad color"_s,
         [&] {
             return m_server.get(u"/badge/lb-gold.svg?color=red;background:url(x)"_s);
         }},
        {u"static/path traversal"_s,
         [&] {
             return m_server.get(u"/static/..%2F..%2F..%2Fetc%2Fpasswd"_s);
         }},
        {u"me/GET bad token with a Range header"_s,
         [&] {
             // httplib would cut the error's JSON to the range asked for.
             return m_server.get(
                 u"/api/v1/me"_s,
                 {{u"Authorization"_s, u"Bearer nope"_s}, {u"Range"_s, u"bytes=0-3"_s}});
         }},
        {u"any/oversize header"_s,
         [&] {
             return m_server.get(u"/healthz"_s, {{u"X-Padding"_s, QString(100000, u'a')}});
         }},
        {u"any/oversize request line"_s,
         [&] {
             return m_server.get(u"/api/v1/leaderboard?q="_s + QString(100000, u'a'));
         }},
    };
    QVERIFY2(cases.contains(id), qPrintable(id));
    const QByteArray before = m_server.dump();
    const Reply r = cases.value(id)();
    qInfo("%s -> %d %s", qPrintable(id), r.status, r.body.left(160).constData());
    QCOMPARE(r.status, status);
    const QJsonObject json = r.json();
    QVERIFY2(!json.value(u"error"_s).toString().isEmpty(), r.body.left(200).constData());
    QVERIFY2(!json.value(u"reason"_s).toString().isEmpty(), r.body.left(200).constData());
    // No echo of the hostile text unescaped, and nothing written.
    QVERIFY(!r.body.contains("<script>"));
    QCOMPARE(m_server.dump(), before);
}

QTEST_GUILESS_MAIN(TestBadInput)
#include "test_badinput.moc"
