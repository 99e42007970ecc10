// tokentally-server's command line: strict numbers, addresses and switches.
#include "serveroptions.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestServerOptions : public QObject
{
    Q_OBJECT

private slots:
    void rejects_data();
    void rejects();
    void accepts();
    void commands();
};

void TestServerOptions::rejects_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("error");
    // "6OO" once became 0, which switched rate limiting off.
    QTest::addRow("letter O in a number")
        << QStringList {u"--rate-limit-ip"_s, u"6OO"_s} << u"--rate-limit-ip"_s;
    QTest::addRow("negative") << QStringList {u"--rate-limit-token"_s, u"-1"_s}
                              << u"--rate-limit-token"_s;
    QTest::addRow("fraction") << QStringList {u"--threads"_s, u"2.5"_s} << u"--threads"_s;
    QTest::addRow("too many threads")
        << QStringList {u"--threads"_s, u"100000"_s} << u"--threads"_s;
    QTest::addRow("empty number") << QStringList {u"--register-limit"_s, QString()}
                                  << u"--register-limit"_s;
    QTest::addRow("auth failures 0")
        << QStringList {u"--auth-failures"_s, u"0"_s} << u"--auth-failures"_s;
    QTest::addRow("pool") << QStringList {u"--db-pool"_s, u"lots"_s} << u"--db-pool"_s;
    // ":0" once listened on an empty host.
    QTest::addRow("empty host") << QStringList {u"--listen"_s, u":0"_s} << u"--listen"_s;
    QTest::addRow("no port") << QStringList {u"--listen"_s, u"127.0.0.1"_s} << u"--listen"_s;
    QTest::addRow("port too big") << QStringList {u"--listen"_s, u"127.0.0.1:70000"_s}
                                  << u"--listen"_s;
    QTest::addRow("port letters") << QStringList {u"--listen"_s, u"127.0.0.1:80a"_s}
                                  << u"--listen"_s;
    QTest::addRow("bare ipv6") << QStringList {u"--listen"_s, u"::1:8787"_s} << u"--listen"_s;
    QTest::addRow("registration") << QStringList {u"--open-registration"_s, u"yes"_s}
                                  << u"--open-registration"_s;
    QTest::addRow("database scheme")
        << QStringList {u"--database"_s, u"mysql://x/y"_s} << u"--database"_s;
    QTest::addRow("db and database")
        << QStringList {u"--db"_s, u"/tmp/x.db"_s, u"--database"_s, u"postgresql://u@h/d"_s}
        << u"exclude each other"_s;
    QTest::addRow("public url") << QStringList {u"--public-url"_s, u"ftp://x"_s}
                                << u"--public-url"_s;
    QTest::addRow("tls half") << QStringList {u"--tls-cert"_s, u"c.pem"_s} << u"--tls-key"_s;
    QTest::addRow("unknown command") << QStringList {u"frobnicate"_s} << u"unknown command"_s;
    QTest::addRow("migrate without --to")
        << QStringList {u"migrate"_s, u"--from"_s, u"sqlite:/tmp/a.db"_s} << u"migrate"_s;
    QTest::addRow("migrate from non-sqlite")
        << QStringList {u"migrate"_s, u"--from"_s, u"/tmp/a.db"_s, u"--to"_s,
                        u"postgresql://u@h/d"_s}
        << u"migrate"_s;
    QTest::addRow("--to without migrate")
        << QStringList {u"--to"_s, u"postgresql://u@h/d"_s} << u"migrate"_s;
    QTest::addRow("unknown option") << QStringList {u"--rate-limit"_s, u"5"_s} << u"rate-limit"_s;
}

void TestServerOptions::rejects()
{
    QFETCH(QStringList, args);
    QFETCH(QString, error);
    QString message;
    const auto options =
        ServerOptions::parse(QStringList {u"tokentally-server"_s} + args, &message);
    QVERIFY(!options);
    QVERIFY2(message.contains(error), qPrintable(message));
}

void TestServerOptions::accepts()
{
    QString error;
    const auto o = ServerOptions::parse(
        {u"tokentally-server"_s, u"--listen"_s, u"[::1]:0"_s, u"--rate-limit-ip"_s, u"0"_s,
         u"--threads"_s, u"8"_s, u"--database"_s, u"postgresql://tally@db.example:5433/tally"_s,
         u"--open-registration"_s, u"off"_s, u"--public-url"_s, u"https://t.example/x/"_s},
        &error);
    QVERIFY2(o, qPrintable(error));
    QCOMPARE(o->config.host, u"::1"_s);
    QCOMPARE(o->config.port, 0);
    QCOMPARE(o->config.ipRequestsPerMinute, 0);
    QCOMPARE(o->config.threads, 8);
    QCOMPARE(o->config.databaseUrl, u"postgresql://tally@db.example:5433/tally"_s);
    QVERIFY(!o->config.openRegistration);
    QCOMPARE(o->config.publicUrl, u"https://t.example/x"_s);
    QCOMPARE(o->command, ServerOptions::Command::Serve);
    // Defaults.
    const auto d = ServerOptions::parse({u"tokentally-server"_s}, &error);
    QVERIFY(d);
    QCOMPARE(d->config.host, u"127.0.0.1"_s);
    QCOMPARE(d->config.port, 8787);
    QCOMPARE(d->config.ipRequestsPerMinute, 600);
    QVERIFY(d->config.databaseUrl.isEmpty());
    QVERIFY(d->config.databasePath.endsWith(u"tokentally-server/server.db"_s));
}

void TestServerOptions::commands()
{
    QString error;
    const auto users = ServerOptions::parse(
        {u"tokentally-server"_s, u"--db"_s, u"/tmp/x.db"_s, u"users"_s, u"hide"_s, u"bob"_s},
        &error);
    QVERIFY(users);
    QCOMPARE(users->command, ServerOptions::Command::Users);
    QCOMPARE(users->commandArgs, (QStringList {u"hide"_s, u"bob"_s}));
    const auto migrate =
        ServerOptions::parse({u"tokentally-server"_s, u"migrate"_s, u"--from"_s,
                              u"sqlite:/tmp/a b.db"_s, u"--to"_s, u"postgres://u@h:1/d"_s},
                             &error);
    QVERIFY2(migrate, qPrintable(error));
    QCOMPARE(migrate->command, ServerOptions::Command::Migrate);
    QCOMPARE(migrate->migrateFrom, u"/tmp/a b.db"_s);
    QCOMPARE(migrate->migrateTo, u"postgres://u@h:1/d"_s);
}

QTEST_GUILESS_MAIN(TestServerOptions)
#include "test_serveroptions.moc"
