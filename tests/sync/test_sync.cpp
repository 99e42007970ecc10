// Sync end to end (DESIGN.md §4): the real `tokentally` CLI on generated HOMEs,
// a real tokentally-server on loopback behind a capturing proxy, and a private
// keyring. The server's totals must equal the local report's exactly.

#include "synccheck.h"
#include "syncfixture.h"
#include "testhelpers.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;

class TestSync : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void submitEqualsLocalTotals();
    void resubmitSendsOnlyChangedDays();
    void secondDeviceAddsUp();
    void dryRunSendsNothing();
    void statusAndOutboxTellWhatLeft();
    void tamperedBodyIsRefused();
    void replayedBodyGetsConflictAndClientRecovers();
    void rewrittenPastDayIsReplaced();
    void visibilityAndDeleteServerData();
    void futureRowsAreListedNotLooped();

private:
    //! A signed-in client with everything submitted once.
    SyncFixture::Client signedIn(const QString &name, const QStringList &generatorArgs = {},
                                 int days = 30);
    void checkPrivacy(const QList<SyncFixture::Client> &clients);

    std::unique_ptr<SyncFixture> m_fixture;
    QHash<QString, QString> m_tokens; //!< user → API token printed at login
};

void TestSync::init()
{
    m_fixture = std::make_unique<SyncFixture>();
    QString error;
    QVERIFY2(m_fixture->start(&error), qPrintable(error));
}

void TestSync::cleanup()
{
    m_fixture.reset();
    m_tokens.clear();
}

SyncFixture::Client TestSync::signedIn(const QString &name, const QStringList &generatorArgs,
                                       int days)
{
    QString error;
    QString token;
    const SyncFixture::Client c = m_fixture->signIn(name, generatorArgs, days, &error, &token);
    if (c.home.isEmpty())
        qWarning("sign-in failed: %s", qPrintable(error));
    m_tokens.insert(name, token);
    return c;
}

void TestSync::checkPrivacy(const QList<SyncFixture::Client> &clients)
{
    const QString violations = m_fixture->privacyViolations(clients);
    QVERIFY2(violations.isEmpty(), qPrintable(violations));
    QVERIFY(!m_fixture->proxy().requests().isEmpty());
}

void TestSync::submitEqualsLocalTotals()
{
    const SyncFixture::Client c = signedIn(u"alice"_s, {u"--seed"_s, u"3"_s});
    const SyncFixture::Run r = m_fixture->cli(c, {u"submit"_s, u"--json"_s});
    QVERIFY2(r.code == 0, r.err.constData());
    const QJsonObject o = r.json();
    QVERIFY(o.value(u"bodiesSent"_s).toInt() >= 1);
    QVERIFY(o.value(u"bucketsSent"_s).toInt() > 20);
    QVERIFY(o.value(u"daysSent"_s).toInt() > 10);
    QVERIFY(o.contains(u"rejected"_s));
    for (const QString &tz : {u"UTC"_s, u"+09:00"_s, u"America/Los_Angeles"_s}) {
        const QString diff = SyncCheck::compareWithServer(*m_fixture, {c}, u"alice"_s, tz);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }
    checkPrivacy({c});
}

void TestSync::resubmitSendsOnlyChangedDays()
{
    const SyncFixture::Client c = signedIn(u"bob"_s, {u"--seed"_s, u"5"_s});
    QCOMPARE(m_fixture->cli(c, {u"submit"_s}).code, 0);
    m_fixture->proxy().clear();
    const SyncFixture::Run again = m_fixture->cli(c, {u"submit"_s, u"--json"_s});
    QCOMPARE(again.code, 0);
    QCOMPARE(again.json().value(u"bodiesSent"_s).toInt(-1), 0);
    // One request: the checksum call.
    QCOMPARE(m_fixture->proxy().requests().size(), 1);
    QVERIFY(m_fixture->proxy().requests().first().path.contains(u"/checksums"_s));

    // Complete the half-written line the generator left: exactly its day changes.
    const QJsonObject expected =
        QJsonDocument::fromJson(TestHelpers::readFile(c.generated + u"/expected.json"_s)).object();
    const QString pendingFile = c.generated + u'/' + expected.value(u"pendingFile"_s).toString();
    QFile completion(c.generated + u"/pending_completion.txt"_s);
    QVERIFY(completion.open(QIODevice::ReadOnly));
    QFile log(pendingFile);
    QVERIFY(log.open(QIODevice::Append));
    log.write(completion.readAll());
    log.close();
    const SyncFixture::Run changed = m_fixture->cli(c, {u"submit"_s, u"--json"_s});
    QVERIFY2(changed.code == 0, changed.err.constData());
    QCOMPARE(changed.json().value(u"bodiesSent"_s).toInt(), 1);
    QCOMPARE(changed.json().value(u"daysSent"_s).toInt(), 1);
    const QString day =
        expected.value(u"pendingCompletionEffect"_s).toObject().value(u"date"_s).toString();
    const auto requests = m_fixture->proxy().requests();
    const QByteArray body = requests.last().body;
    QVERIFY2(body.contains(QByteArray(day.toUtf8() + 'T')), body.constData());
    QCOMPARE(body.count("\"hour\":\""), body.count(QByteArray("\"hour\":\"" + day.toUtf8())));
    const QString diff = SyncCheck::compareWithServer(*m_fixture, {c}, u"bob"_s, u"UTC"_s);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    checkPrivacy({c});
}

void TestSync::secondDeviceAddsUp()
{
    const SyncFixture::Client first = signedIn(u"carol"_s, {u"--seed"_s, u"1"_s});
    QVERIFY(!m_tokens.value(u"carol"_s).isEmpty());
    QCOMPARE(m_fixture->cli(first, {u"submit"_s}).code, 0);
    // A second machine: another HOME and store, signed in with the token the
    // first login printed (read from stdin, so it is not in the process list).
    QString error;
    const SyncFixture::Client second =
        m_fixture->newClient(u"carol2"_s, {u"--seed"_s, u"7"_s}, &error);
    QVERIFY2(!second.home.isEmpty(), qPrintable(error));
    const SyncFixture::Run login = m_fixture->cli(
        second, {u"login"_s, u"--server"_s, m_fixture->serverUrl(), u"--token"_s, u"-"_s},
        m_tokens.value(u"carol"_s).toUtf8() + '\n');
    QVERIFY2(login.code == 0, login.err.constData());
    QVERIFY(login.out.contains("carol"));
    const SyncFixture::Run submit = m_fixture->cli(second, {u"submit"_s, u"--json"_s});
    QVERIFY2(submit.code == 0, submit.err.constData());
    QVERIFY(submit.json().value(u"bodiesSent"_s).toInt() >= 1);
    QCOMPARE(m_fixture->server().get(u"/api/v1/users/carol"_s).json().value(u"devices"_s).toInt(),
             2);
    for (const QString &tz : {u"UTC"_s, u"America/Los_Angeles"_s}) {
        const QString diff =
            SyncCheck::compareWithServer(*m_fixture, {first, second}, u"carol"_s, tz);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }
    // A wrong token signs nobody in and leaves nothing behind.
    const SyncFixture::Client third = m_fixture->newClient(u"carol3"_s, {}, &error, 2);
    const SyncFixture::Run bad = m_fixture->cli(
        third, {u"login"_s, u"--server"_s, m_fixture->serverUrl(), u"--token"_s, u"tt_nope"_s});
    QCOMPARE(bad.code, 1);
    QVERIFY2(bad.err.contains("token"), bad.err.constData());
    QVERIFY(
        !m_fixture->cli(third, {u"status"_s, u"--json"_s}).json().value(u"signedIn"_s).toBool());
    checkPrivacy({first, second});
}

void TestSync::dryRunSendsNothing()
{
    // Before signing in: what a first submit would send, and no request at all.
    QString error;
    const SyncFixture::Client c = m_fixture->newClient(u"dora"_s, {u"--seed"_s, u"2"_s}, &error);
    QVERIFY2(!c.home.isEmpty(), qPrintable(error));
    const SyncFixture::Run dry = m_fixture->cli(c, {u"submit"_s, u"--dry-run"_s});
    QVERIFY2(dry.code == 0, dry.err.constData());
    QVERIFY(m_fixture->proxy().requests().isEmpty());
    const QList<QByteArray> lines = dry.out.trimmed().split('\n');
    QVERIFY(!lines.isEmpty());
    qint64 tokens = 0;
    for (const QByteArray &line : lines) {
        const QJsonObject body = QJsonDocument::fromJson(line).object();
        QCOMPARE(body.value(u"schema"_s).toInt(), 1);
        QVERIFY(body.value(u"buckets"_s).toArray().size() <= 500);
        for (const QJsonValue &b : body.value(u"buckets"_s).toArray()) {
            const QJsonObject o = b.toObject();
            // Exactly the whitelisted fields.
            QCOMPARE(o.keys(),
                     (QStringList {u"agent"_s, u"cacheRead"_s, u"cacheWrite"_s, u"hour"_s,
                                   u"input"_s, u"messages"_s, u"model"_s, u"output"_s,
                                   u"reasoning"_s, u"sessions"_s}));
            tokens += o.value(u"input"_s).toInteger() + o.value(u"cacheWrite"_s).toInteger() +
                o.value(u"cacheRead"_s).toInteger() + o.value(u"output"_s).toInteger();
        }
    }
    QCOMPARE(tokens, m_fixture->localTotals(c, u"UTC"_s).value(u"totalTokens"_s).toInteger());
    // Signed in, a dry run asks only for the checksums and sends no body.
    QVERIFY(!m_fixture->login(c, u"dora"_s, &error).isEmpty());
    m_fixture->proxy().clear();
    const SyncFixture::Run signedDry = m_fixture->cli(c, {u"submit"_s, u"--dry-run"_s});
    QCOMPARE(signedDry.code, 0);
    for (const CapturedRequest &r : m_fixture->proxy().requests())
        QCOMPARE(r.method, QByteArray("GET"));
    QCOMPARE(m_fixture->server().get(u"/api/v1/users/dora"_s).status, 404); // private, empty
    QVERIFY(m_fixture->cli(c, {u"outbox"_s, u"--json"_s})
                .json()
                .value(u"entries"_s)
                .toArray()
                .isEmpty());
}

void TestSync::statusAndOutboxTellWhatLeft()
{
    const SyncFixture::Client c = signedIn(u"erin"_s, {u"--seed"_s, u"4"_s});
    const SyncFixture::Run before = m_fixture->cli(c, {u"status"_s, u"--json"_s});
    QCOMPARE(before.code, 0);
    QVERIFY(before.json().value(u"daysPending"_s).toInt() > 10);
    QCOMPARE(before.json().value(u"lastSubmit"_s).toString(), QString());
    QCOMPARE(m_fixture->cli(c, {u"submit"_s}).code, 0);

    const QJsonObject status = m_fixture->cli(c, {u"status"_s, u"--json"_s}).json();
    QCOMPARE(status.value(u"server"_s).toString(), m_fixture->serverUrl());
    QCOMPARE(status.value(u"username"_s).toString(), u"erin"_s);
    QVERIFY(status.value(u"deviceId"_s).toString().startsWith(u"d-"_s));
    QCOMPARE(status.value(u"visibility"_s).toString(), u"public"_s);
    QCOMPARE(status.value(u"lastResult"_s).toString(), u"sent"_s);
    QCOMPARE(status.value(u"daysPending"_s).toInt(), 0);
    QCOMPARE(status.value(u"lastError"_s).toString(), QString());
    QVERIFY(QDateTime::fromString(status.value(u"lastSubmit"_s).toString(), Qt::ISODate)
                .secsTo(QDateTime::currentDateTimeUtc()) < 120);

    // The outbox holds every body that reached the server, byte for byte.
    QList<QByteArray> sent;
    for (const CapturedRequest &r : m_fixture->proxy().requests()) {
        if (r.method == "POST" && r.path == u"/api/v1/submissions")
            sent << r.body;
    }
    QVERIFY(!sent.isEmpty());
    const QJsonArray entries =
        m_fixture->cli(c, {u"outbox"_s, u"--json"_s}).json().value(u"entries"_s).toArray();
    QCOMPARE(entries.size(), sent.size());
    for (const QJsonValue &v : entries) {
        const QJsonObject e = v.toObject();
        const QByteArray body = e.value(u"body"_s).toString().toUtf8();
        QVERIFY(sent.contains(body));
        QCOMPARE(e.value(u"state"_s).toString(), u"accepted"_s);
        QCOMPARE(e.value(u"httpStatus"_s).toInt(), 200);
        const SyncFixture::Run show = m_fixture->cli(
            c, {u"outbox"_s, u"--show"_s, QString::number(e.value(u"id"_s).toInt())});
        QCOMPARE(show.out.trimmed(), body);
    }
    const SyncFixture::Run table = m_fixture->cli(c, {u"outbox"_s});
    QVERIFY(table.out.contains("accepted"));
    checkPrivacy({c});
}

void TestSync::tamperedBodyIsRefused()
{
    const SyncFixture::Client c = signedIn(u"frank"_s, {u"--seed"_s, u"6"_s});
    // Someone in the middle changes a number: the signature no longer holds.
    m_fixture->proxy().setHook([](CapturedRequest &r) {
        if (r.method == "POST" && r.path == u"/api/v1/submissions")
            r.body.replace("\"input\":", "\"input\":1");
        return CaptureProxy::Decision {};
    });
    const SyncFixture::Run tampered = m_fixture->cli(c, {u"submit"_s, u"--json"_s});
    QCOMPARE(tampered.code, 1);
    QCOMPARE(tampered.json().value(u"result"_s).toString(), u"refused"_s);
    QVERIFY2(tampered.err.contains("signature"), tampered.err.constData());
    const QJsonArray entries =
        m_fixture->cli(c, {u"outbox"_s, u"--json"_s}).json().value(u"entries"_s).toArray();
    QCOMPARE(entries.first().toObject().value(u"httpStatus"_s).toInt(), 403);
    QCOMPARE(entries.first().toObject().value(u"state"_s).toString(), u"rejected"_s);
    QCOMPARE(m_fixture->server()
                 .get(u"/api/v1/users/frank"_s)
                 .json()
                 .value(u"totals"_s)
                 .toObject()
                 .value(u"messages"_s)
                 .toInt(),
             0);
    // Untouched, the same data goes through exactly.
    m_fixture->proxy().setHook({});
    const SyncFixture::Run clean = m_fixture->cli(c, {u"submit"_s});
    QVERIFY2(clean.code == 0, clean.err.constData());
    const QString diff = SyncCheck::compareWithServer(*m_fixture, {c}, u"frank"_s, u"UTC"_s);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    checkPrivacy({c});
}

void TestSync::replayedBodyGetsConflictAndClientRecovers()
{
    const SyncFixture::Client c = signedIn(u"gina"_s, {u"--seed"_s, u"8"_s});
    QCOMPARE(m_fixture->cli(c, {u"submit"_s}).code, 0);
    CapturedRequest old;
    for (const CapturedRequest &r : m_fixture->proxy().requests()) {
        if (r.method == "POST" && r.path == u"/api/v1/submissions")
            old = r;
    }
    QVERIFY(!old.body.isEmpty());
    // New data, and a replay of the old signed body in front of the new one:
    // the server answers the replay with 409, the client resyncs and resends.
    const QJsonObject expected =
        QJsonDocument::fromJson(TestHelpers::readFile(c.generated + u"/expected.json"_s)).object();
    QFile log(c.generated + u'/' + expected.value(u"pendingFile"_s).toString());
    QVERIFY(log.open(QIODevice::Append));
    log.write(TestHelpers::readFile(c.generated + u"/pending_completion.txt"_s));
    log.close();
    auto replayed = std::make_shared<std::atomic<int>>(0);
    CaptureProxy *proxy = &m_fixture->proxy();
    proxy->setHook([proxy, old, replayed](CapturedRequest &r) {
        CaptureProxy::Decision d;
        if (r.method == "POST" && r.path == u"/api/v1/submissions" && (*replayed)++ == 0) {
            const CapturedRequest answer = proxy->forward(old);
            d.mode = CaptureProxy::Decision::Mode::Respond;
            d.status = answer.status;
            d.body = answer.answer;
        }
        return d;
    });
    const SyncFixture::Run r = m_fixture->cli(c, {u"submit"_s, u"--json"_s});
    QVERIFY2(r.code == 0, r.err.constData());
    QCOMPARE(replayed->load(), 2); // the replay, then the resend
    const QJsonArray entries =
        m_fixture->cli(c, {u"outbox"_s, u"--json"_s}).json().value(u"entries"_s).toArray();
    QCOMPARE(entries.at(0).toObject().value(u"state"_s).toString(), u"accepted"_s);
    QCOMPARE(entries.at(1).toObject().value(u"state"_s).toString(), u"conflict"_s);
    QCOMPARE(entries.at(1).toObject().value(u"httpStatus"_s).toInt(), 409);
    const QString diff = SyncCheck::compareWithServer(*m_fixture, {c}, u"gina"_s, u"UTC"_s);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    checkPrivacy({c});
}

void TestSync::rewrittenPastDayIsReplaced()
{
    const SyncFixture::Client c = signedIn(u"hank"_s, {u"--seed"_s, u"10"_s});
    QCOMPARE(m_fixture->cli(c, {u"submit"_s}).code, 0);
    // An agent rewrites an old transcript shorter: its day's rows shrink or
    // vanish. Copies elsewhere (resumed sessions, archives) can hide a
    // truncation, so truncate transcripts until the local totals move.
    const qint64 before = m_fixture->localTotals(c, u"UTC"_s).value(u"totalTokens"_s).toInteger();
    QStringList files;
    QDirIterator it(c.home, {u"*.jsonl"_s}, QDir::Files | QDir::Hidden,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    files.sort();
    bool moved = false;
    for (const QString &victim : std::as_const(files)) {
        QByteArray text = TestHelpers::readFile(victim);
        text.truncate(text.lastIndexOf('\n', text.size() / 3) + 1);
        QFile f(victim);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(text);
        f.close();
        QCOMPARE(m_fixture->cli(c, {u"scan"_s}).code, 0);
        if (m_fixture->localTotals(c, u"UTC"_s).value(u"totalTokens"_s).toInteger() != before) {
            moved = true;
            break;
        }
    }
    QVERIFY(moved);
    const SyncFixture::Run r = m_fixture->cli(c, {u"submit"_s, u"--json"_s});
    QVERIFY2(r.code == 0, r.err.constData());
    QVERIFY(r.json().value(u"bodiesSent"_s).toInt() >= 1);
    const QJsonObject answer = QJsonDocument::fromJson(m_fixture->cli(c, {u"outbox"_s, u"--json"_s})
                                                           .json()
                                                           .value(u"entries"_s)
                                                           .toArray()
                                                           .first()
                                                           .toObject()
                                                           .value(u"answer"_s)
                                                           .toString()
                                                           .toUtf8())
                                   .object();
    QVERIFY2(answer.value(u"replaced"_s).toInt() >= 1, QJsonDocument(answer).toJson().constData());
    const QString diff = SyncCheck::compareWithServer(*m_fixture, {c}, u"hank"_s, u"UTC"_s);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    checkPrivacy({c});
}

void TestSync::visibilityAndDeleteServerData()
{
    const SyncFixture::Client c = signedIn(u"iris"_s, {u"--seed"_s, u"12"_s}, 5);
    QCOMPARE(m_fixture->cli(c, {u"submit"_s}).code, 0);
    QCOMPARE(m_fixture->server().get(u"/api/v1/users/iris"_s).status, 200);
    QCOMPARE(m_fixture->cli(c, {u"visibility"_s, u"private"_s}).code, 0);
    QCOMPARE(m_fixture->server().get(u"/api/v1/users/iris"_s).status, 404);
    QCOMPARE(m_fixture->cli(c, {u"visibility"_s, u"everyone"_s}).code, 2);
    QCOMPARE(m_fixture->cli(c, {u"status"_s, u"--json"_s}).json().value(u"visibility"_s).toString(),
             u"private"_s);

    // Not interactive and no --yes: nothing happens.
    const SyncFixture::Run refused = m_fixture->cli(c, {u"delete-server-data"_s});
    QCOMPARE(refused.code, 2);
    QVERIFY(refused.err.contains("--yes"));
    const qint64 localBefore =
        m_fixture->localTotals(c, u"UTC"_s).value(u"totalTokens"_s).toInteger();
    const SyncFixture::Run deleted = m_fixture->cli(c, {u"delete-server-data"_s, u"--yes"_s});
    QVERIFY2(deleted.code == 0, deleted.err.constData());
    int code = -1;
    QVERIFY(!m_fixture->server().admin({u"users"_s, u"list"_s}, &code).contains("iris"));
    QVERIFY(!m_fixture->cli(c, {u"status"_s, u"--json"_s}).json().value(u"signedIn"_s).toBool());
    QVERIFY(!m_fixture->keyring().secretToolSearch(u"TokenTally"_s).contains("api-token"));
    QCOMPARE(m_fixture->localTotals(c, u"UTC"_s).value(u"totalTokens"_s).toInteger(), localBefore);
    checkPrivacy({c});
}

void TestSync::futureRowsAreListedNotLooped()
{
    const SyncFixture::Client c = signedIn(u"jay"_s, {u"--seed"_s, u"14"_s}, 4);
    // A clock running ahead wrote a line three hours from now: the server would
    // refuse its hour, so it is held back, listed, and not retried in a loop.
    const QDateTime ahead = QDateTime::currentDateTimeUtc().addSecs(3 * 3600);
    QDir().mkpath(c.home + u"/.claude/projects/-home-tester-ahead"_s);
    QFile f(c.home + u"/.claude/projects/-home-tester-ahead/0b6e5c3a-ahead.jsonl"_s);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QStringLiteral(R"({"type":"assistant","sessionId":"0b6e5c3a-ahead","timestamp":"%1",)"
                           R"("requestId":"req_ahead","message":{"id":"msg_ahead","model":)"
                           R"("claude-sonnet-4-5-20250929","usage":{"input_tokens":7,)"
                           R"("cache_creation_input_tokens":0,"cache_read_input_tokens":0,)"
                           R"("output_tokens":5}}})"
                           "\n")
                .arg(ahead.toString(Qt::ISODateWithMs))
                .toUtf8());
    f.close();
    const SyncFixture::Run r = m_fixture->cli(c, {u"submit"_s, u"--json"_s});
    QVERIFY2(r.code == 0, r.err.constData());
    const QJsonArray rejected = r.json().value(u"rejected"_s).toArray();
    QCOMPARE(rejected.size(), 1);
    const QJsonObject row = rejected.first().toObject();
    QCOMPARE(row.value(u"agent"_s).toString(), u"claude-code"_s);
    QCOMPARE(row.value(u"model"_s).toString(), u"claude-sonnet-4-5-20250929"_s);
    QCOMPARE(row.value(u"reason"_s).toString(), u"hour in the future"_s);
    QCOMPARE(row.value(u"hour"_s).toString(), ahead.toString(u"yyyy-MM-dd'T'HH':00:00Z'"_s));
    const QJsonObject status = m_fixture->cli(c, {u"status"_s, u"--json"_s}).json();
    QCOMPARE(status.value(u"notSent"_s).toArray().size(), 1);
    QCOMPARE(status.value(u"daysPending"_s).toInt(), 0);
    // No loop: the next submit sends nothing.
    m_fixture->proxy().clear();
    const SyncFixture::Run again = m_fixture->cli(c, {u"submit"_s, u"--json"_s});
    QCOMPARE(again.json().value(u"bodiesSent"_s).toInt(-1), 0);
    QCOMPARE(m_fixture->proxy().requests().size(), 1);
    for (const CapturedRequest &req : m_fixture->proxy().requests())
        QVERIFY(!req.body.contains("\"input\":7,"));
    checkPrivacy({c});
}

QTEST_GUILESS_MAIN(TestSync)
#include "test_sync.moc"
