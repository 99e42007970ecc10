// tokentally-server on PostgreSQL with several processes: cross-process
// freshness, the database deciding between concurrent submissions, exact
// totals under load from both processes, outages, bad DSNs, and the migration
// from SQLite compared answer by answer.
#include "pgcluster.h"
#include "servertestclient.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>
#include <QTimeZone>

#include <atomic>
#include <thread>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

const QStringList Unlimited {
    u"--rate-limit-ip"_s, u"0"_s, u"--rate-limit-token"_s, u"0"_s, u"--register-limit"_s, u"0"_s,
    u"--quiet"_s};

} // namespace

class TestPostgres : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void badDatabaseUrl();
    void twoProcessesSeeEachOthersWrites();
    void concurrentSubmissionsOfOneSeq();
    void twentyDevicesThroughBoth();
    void adminCommandsReachEveryProcess();
    void databaseOutage();
    void migrationFromSqlite();

private:
    PgCluster m_cluster;
    ServerProcess m_a;
    ServerProcess m_b;
};

void TestPostgres::initTestCase()
{
    QString error;
    QVERIFY2(m_cluster.start(&error), qPrintable(error));
    const QString uri = m_cluster.createDatabase(&error);
    QVERIFY2(!uri.isEmpty(), qPrintable(error));
    QVERIFY2(m_a.startOn(uri, Unlimited, &error), qPrintable(error));
    QVERIFY2(m_b.startOn(uri, Unlimited, &error), qPrintable(error));
}

void TestPostgres::badDatabaseUrl()
{
    for (const QString &uri :
         {u"postgresql://nobody@/nosuchdb?host=/nonexistent-dir&port=1"_s,
          u"postgresql://tally@db.invalid:5432/tally"_s, m_cluster.uri(u"no_such_database"_s)}) {
        QProcess p;
        p.start(ServerProcess::program(), {u"--listen"_s, u"127.0.0.1:0"_s, u"--database"_s, uri});
        QVERIFY(p.waitForFinished(20000));
        const QByteArray err = p.readAllStandardError();
        // A clear startup error, not a crash.
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 1);
        QVERIFY2(err.contains("cannot connect to PostgreSQL"), err.constData());
    }
}

void TestPostgres::twoProcessesSeeEachOthersWrites()
{
    const QString token = m_a.registerUser(u"across"_s);
    QVERIFY(!token.isEmpty());
    TestDevice d = m_a.addDevice(token);
    QCOMPARE(m_a.setVisibility(token, u"public"_s).status, 200);
    QCOMPARE(m_a.submit(token, d, {makeBucket(recentHour(0, 0), u"claude-sonnet-4-5"_s, 1000, 0)})
                 .status,
             200);
    auto boardTotal = [](const ServerProcess &s) {
        return s.get(u"/api/v1/leaderboard?q=across"_s)
            .json()[u"entries"_s][0][u"tokens"_s][u"total"_s]
            .toInteger();
    };
    auto page = [](const ServerProcess &s) {
        const QString html = QString::fromUtf8(s.get(u"/?q=across"_s).body);
        return QRegularExpression(u"across</a></td><td class=\"num value\"[^>]*>([^<]*)<"_s)
            .match(html)
            .captured(1);
    };
    auto profile = [](const ServerProcess &s) {
        const QString html = QString::fromUtf8(s.get(u"/u/across"_s).body);
        return QRegularExpression(u"Tokens</div><div class=\"card-value\" title=\"([^\"]*)\""_s)
            .match(html)
            .captured(1);
    };
    auto badge = [](const ServerProcess &s) {
        const QString svg = QString::fromUtf8(s.get(u"/badge/across.svg"_s).body);
        return QRegularExpression(u"aria-label=\"tokens: ([^\"]*)\""_s).match(svg).captured(1);
    };
    // B has everything cached before the next write.
    QTRY_COMPARE_WITH_TIMEOUT(boardTotal(m_b), 1000, 1000);
    QCOMPARE(page(m_b), u"1.0K"_s);
    QCOMPARE(profile(m_b), u"1,000"_s);
    QCOMPARE(badge(m_b), u"1.0K"_s);

    QElapsedTimer timer;
    QCOMPARE(
        m_a.submit(token, d, {makeBucket(recentHour(0, 1), u"claude-sonnet-4-5"_s, 5'000'000, 0)})
            .status,
        200);
    timer.start();
    // A, which took the write: the very next request.
    QCOMPARE(boardTotal(m_a), 5'001'000);
    QCOMPARE(page(m_a), u"5.0M"_s);
    // B: within a second, for each view.
    QTRY_COMPARE_WITH_TIMEOUT(boardTotal(m_b), 5'001'000, 1000);
    QTRY_COMPARE_WITH_TIMEOUT(page(m_b), u"5.0M"_s, 1000);
    QTRY_COMPARE_WITH_TIMEOUT(profile(m_b), u"5,001,000"_s, 1000);
    QTRY_COMPARE_WITH_TIMEOUT(badge(m_b), u"5.0M"_s, 1000);
    qInfo("process B showed the write after %lld ms", timer.elapsed());
    QVERIFY(timer.elapsed() < 1000);

    // A visibility change through B reaches A.
    QCOMPARE(m_b.setVisibility(token, u"private"_s).status, 200);
    QCOMPARE(badge(m_b), u"not found"_s);
    QTRY_COMPARE_WITH_TIMEOUT(badge(m_a), u"not found"_s, 1000);
    QTRY_COMPARE_WITH_TIMEOUT(boardTotal(m_a), 0, 1000);
}

void TestPostgres::concurrentSubmissionsOfOneSeq()
{
    const QString token = m_a.registerUser(u"racer"_s);
    TestDevice d = m_a.addDevice(token);
    QVERIFY(!d.id.isEmpty());
    for (int round = 0; round < 20; ++round) {
        // Two different bodies for the same seq, one through each process.
        const QByteArray first = ServerProcess::nextBody(
            d, {makeBucket(recentHour(1, round), u"gpt-5"_s, 10, 1, u"codex"_s)});
        const QByteArray second = ServerProcess::nextBody(
            d, {makeBucket(recentHour(1, round), u"gpt-5"_s, 20, 2, u"codex"_s)});
        Reply ra, rb;
        std::atomic<int> ready {0};
        auto send = [&](const ServerProcess &s, const QByteArray &b, Reply *out) {
            const QByteArray sig = WireCrypto::toBase64(d.key->sign(b));
            ++ready;
            while (ready < 2) { }
            *out = s.submitBody(token, b, sig);
        };
        std::thread ta(send, std::cref(m_a), std::cref(first), &ra);
        std::thread tb(send, std::cref(m_b), std::cref(second), &rb);
        ta.join();
        tb.join();
        QVERIFY2((ra.status == 200) != (rb.status == 200),
                 qPrintable(u"round %1: %2 %3 / %4 %5"_s.arg(round).arg(ra.status).arg(
                     QString::fromUtf8(ra.body), QString::number(rb.status),
                     QString::fromUtf8(rb.body))));
        const Reply &lost = ra.status == 200 ? rb : ra;
        QCOMPARE(lost.status, 409);
        QCOMPARE(lost.json().value(u"expectedSeq"_s).toInteger(), d.seq + 2);
        const QByteArray &won = ra.status == 200 ? first : second;
        d.seq += 1;
        d.lastHash = WireCrypto::sha256Hex(won);
        QCOMPARE(lost.json().value(u"lastHash"_s).toString(), d.lastHash);
    }
    // The chain is intact: the next submission goes through.
    QCOMPARE(
        m_b.submit(token, d, {makeBucket(recentHour(1, 22), u"gpt-5"_s, 1, 1, u"codex"_s)}).status,
        200);
}

void TestPostgres::twentyDevicesThroughBoth()
{
    constexpr int Devices = 20;
    constexpr int Rounds = 10;
    struct Client
    {
        QString token;
        TestDevice device;
    };
    std::vector<Client> clients(Devices);
    for (int i = 0; i < Devices; ++i) {
        clients[size_t(i)].token = m_a.registerUser(u"load%1"_s.arg(i));
        clients[size_t(i)].device = m_b.addDevice(clients[size_t(i)].token);
        QCOMPARE(m_a.setVisibility(clients[size_t(i)].token, u"public"_s).status, 200);
    }
    std::atomic<int> failures {0};
    std::vector<std::thread> threads;
    for (int i = 0; i < Devices; ++i) {
        threads.emplace_back([&, i] {
            Client &c = clients[size_t(i)];
            for (int r = 0; r < Rounds; ++r) {
                // Each round rewrites one hour and adds another: replaces
                // and inserts, alternating between the processes.
                const ServerProcess &s = (i + r) % 2 ? m_a : m_b;
                const Reply reply = s.submit(
                    c.token, c.device,
                    {makeBucket(recentHour(2, 0), u"claude-sonnet-4-5"_s, 100 * (r + 1), 0),
                     makeBucket(recentHour(2, 1 + r), u"claude-sonnet-4-5"_s, 1000 + i, 0)});
                if (reply.status != 200)
                    ++failures;
            }
        });
    }
    for (auto &t : threads)
        t.join();
    QCOMPARE(failures.load(), 0);
    // Per device: the last rewrite of hour 0 (1000) plus ten added hours.
    const auto day = QDateTime::fromSecsSinceEpoch(recentHour(2, 0), QTimeZone::utc())
                         .date()
                         .toString(Qt::ISODate);
    for (const ServerProcess *s : {&m_a, &m_b}) {
        const Reply r = s->get(u"/api/v1/leaderboard?period=custom&from="_s + day + u"&to="_s +
                               day + u"&q=load&limit=200"_s);
        const QJsonArray entries = r.json().value(u"entries"_s).toArray();
        QCOMPARE(entries.size(), Devices);
        qint64 sum = 0;
        for (const QJsonValue &e : entries) {
            const int i = e[u"username"_s].toString().mid(4).toInt();
            QCOMPARE(e[u"tokens"_s][u"total"_s].toInteger(), qint64(1000 + Rounds * (1000 + i)));
            sum += e[u"tokens"_s][u"total"_s].toInteger();
        }
        QCOMPARE(sum,
                 qint64(Devices) * (1000 + Rounds * 1000) + Rounds * (Devices * (Devices - 1) / 2));
    }
}

void TestPostgres::adminCommandsReachEveryProcess()
{
    const QString token = m_a.registerUser(u"admin-target"_s);
    TestDevice d = m_a.addDevice(token);
    QCOMPARE(m_a.setVisibility(token, u"public"_s).status, 200);
    QCOMPARE(
        m_a.submit(token, d, {makeBucket(recentHour(0, 0), u"gpt-5"_s, 10, 10, u"codex"_s)}).status,
        200);
    auto onBoard = [](const ServerProcess &s) {
        return s.get(u"/api/v1/leaderboard?q=admin-target"_s).json().value(u"total"_s).toInt() == 1;
    };
    QTRY_VERIFY_WITH_TIMEOUT(onBoard(m_a) && onBoard(m_b), 1000);
    int code = -1;
    m_a.admin({u"users"_s, u"hide"_s, u"admin-target"_s, u"spam"_s}, &code);
    QCOMPARE(code, 0);
    QTRY_VERIFY_WITH_TIMEOUT(!onBoard(m_a) && !onBoard(m_b), 1000);
    m_b.admin({u"users"_s, u"unhide"_s, u"admin-target"_s}, &code);
    QCOMPARE(code, 0);
    QTRY_VERIFY_WITH_TIMEOUT(onBoard(m_a) && onBoard(m_b), 1000);
}

void TestPostgres::databaseOutage()
{
    PgCluster cluster;
    QString error;
    QVERIFY2(cluster.start(&error), qPrintable(error));
    const QString uri = cluster.createDatabase(&error);
    ServerProcess server;
    QVERIFY2(server.startOn(uri, Unlimited, &error), qPrintable(error));
    const QString token = server.registerUser(u"outage"_s);
    QVERIFY(!token.isEmpty());
    TestDevice d = server.addDevice(token);
    QCOMPARE(server.get(u"/api/v1/stats"_s).status, 200);

    QVERIFY(cluster.stopServer());
    // The database is gone: 503 with a JSON reason, for reads and writes.
    for (const Reply &r :
         {server.get(u"/api/v1/me"_s, {{u"Authorization"_s, bearer(token)}}),
          server.submit(token, d, {makeBucket(recentHour(0, 0), u"gpt-5"_s, 1, 1, u"codex"_s)})}) {
        QCOMPARE(r.status, 503);
        QCOMPARE(r.json().value(u"error"_s).toString(), u"unavailable"_s);
        QCOMPARE(r.reason(), u"database unavailable"_s);
    }
    QCOMPARE(server.get(u"/healthz"_s).status, 200); // still running
    // The store-wide numbers known before the outage are still served (SiteStats).
    QCOMPARE(server.get(u"/api/v1/stats"_s).status, 200);

    // Back again: the same process recovers, no restart.
    QVERIFY2(cluster.startServer(&error), qPrintable(error));
    QTRY_COMPARE_WITH_TIMEOUT(
        server.get(u"/api/v1/me"_s, {{u"Authorization"_s, bearer(token)}}).status, 200, 10000);
    QCOMPARE(server.submit(token, d, {makeBucket(recentHour(0, 0), u"gpt-5"_s, 1, 1, u"codex"_s)})
                 .status,
             200);
    QCOMPARE(server.stop(), 0);
}

void TestPostgres::migrationFromSqlite()
{
    // A SQLite server with history: 100 seeded users x 60 days, plus users
    // who registered, added devices and submitted through the API.
    QString error;
    QTemporaryDir dir;
    const QString dbPath = dir.path() + u"/source.db"_s;
    {
        QProcess seed;
        seed.start(QStringLiteral(TOKENTALLY_SEED_BIN),
                   {u"--db"_s, dbPath, u"--users"_s, u"100"_s, u"--days"_s, u"60"_s});
        QVERIFY(seed.waitForFinished(120000));
        QCOMPARE(seed.exitCode(), 0);
    }
    ServerProcess source;
    // --db on the seeded file.
    QVERIFY2(source.startWithDb(dbPath, Unlimited, &error), qPrintable(error));
    QStringList tokens;
    for (int i = 0; i < 3; ++i) {
        const QString token = source.registerUser(u"api-user%1"_s.arg(i));
        TestDevice d = source.addDevice(token);
        QCOMPARE(source.setVisibility(token, i == 2 ? u"unlisted"_s : u"public"_s).status, 200);
        for (int s = 0; s < 3; ++s)
            QCOMPARE(source
                         .submit(token, d,
                                 {makeBucket(recentHour(s + 1, 10), u"claude-opus-4-1"_s,
                                             100 * (s + i), 7)})
                         .status,
                     200);
        tokens.append(token);
    }
    int code = -1;
    source.admin({u"users"_s, u"hide"_s, u"user00007"_s, u"review"_s}, &code);
    QCOMPARE(code, 0);
    QCOMPARE(source.stop(), 0);

    const QString target = m_cluster.createDatabase(&error);
    QVERIFY2(!target.isEmpty(), qPrintable(error));
    QProcess migrate;
    migrate.start(ServerProcess::program(),
                  {u"migrate"_s, u"--from"_s, u"sqlite:"_s + dbPath, u"--to"_s, target});
    QVERIFY(migrate.waitForFinished(120000));
    const QByteArray out = migrate.readAllStandardOutput() + migrate.readAllStandardError();
    qInfo("%s", out.constData());
    QCOMPARE(migrate.exitCode(), 0);
    QVERIFY(out.contains("migrated 103 users"));
    QVERIFY(out.contains("verified"));

    // A second run refuses the now non-empty target.
    migrate.start(ServerProcess::program(),
                  {u"migrate"_s, u"--from"_s, u"sqlite:"_s + dbPath, u"--to"_s, target});
    QVERIFY(migrate.waitForFinished(60000));
    QCOMPARE(migrate.exitCode(), 1);
    QVERIFY(migrate.readAllStandardError().contains("not empty"));

    // Both backends answer every board and profile byte for byte.
    ServerProcess a;
    ServerProcess b;
    QVERIFY2(a.startWithDb(dbPath, Unlimited, &error), qPrintable(error));
    QVERIFY2(b.startOn(target, Unlimited, &error), qPrintable(error));
    int compared = 0;
    for (const QString &period : {u"day"_s, u"week"_s, u"month"_s, u"year"_s, u"all"_s}) {
        for (const QString &metric :
             {u"tokens"_s, u"output"_s, u"fresh"_s, u"cost"_s, u"messages"_s, u"sessions"_s,
              u"activeDays"_s, u"streak"_s, u"cacheEfficiency"_s}) {
            for (const QString &extra :
                 {QString(), u"&tz=America%2FLos_Angeles"_s, u"&agent=codex"_s}) {
                const QString path = u"/api/v1/leaderboard?limit=200&period="_s + period +
                    u"&metric="_s + metric + extra;
                const Reply ra = a.get(path);
                const Reply rb = b.get(path);
                QCOMPARE(ra.status, 200);
                QVERIFY2(ra.body == rb.body, qPrintable(path));
                ++compared;
            }
        }
    }
    for (int i = 0; i < 100; ++i) {
        const QString path = u"/api/v1/users/user%1"_s.arg(i, 5, 10, QChar(u'0'));
        const Reply ra = a.get(path);
        QCOMPARE(ra.status, 200);
        QVERIFY2(ra.body == b.get(path).body, qPrintable(path));
        ++compared;
    }
    for (int i = 0; i < 3; ++i) {
        const QString path = u"/api/v1/users/api-user%1?tz=%2B09:00"_s.arg(i);
        QVERIFY2(a.get(path).body == b.get(path).body, qPrintable(path));
        // Token hashes and chains came along: the user goes on submitting.
        const Reply me = b.get(u"/api/v1/me"_s, {{u"Authorization"_s, bearer(tokens[i])}});
        QCOMPARE(me.json().value(u"username"_s).toString(), u"api-user%1"_s.arg(i));
        ++compared;
    }
    qInfo("%d answers identical on SQLite and PostgreSQL", compared);
    QVERIFY(b.registerUser(u"after-migration"_s).size() > 0); // ids continue
    QCOMPARE(a.stop(), 0);
    QCOMPARE(b.stop(), 0);
}

QTEST_GUILESS_MAIN(TestPostgres)
#include "test_postgres.moc"
