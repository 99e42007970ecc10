#include "wire/wirecodec.h"
#include "wire/wirecrypto.h"

#include <QDateTime>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;

class TestWireCodec : public QObject
{
    Q_OBJECT

private:
    static Submission sample()
    {
        Submission s;
        s.deviceId = u"dev-0123456789"_s;
        s.seq = 42;
        s.prevHash = QString(64, u'f');
        s.client = {u"tokentally"_s, u"0.1.0"_s, u"linux"_s};
        WireBucket b;
        b.hour = WireCodec::parseHour(u"2026-11-20T14:00:00Z");
        b.agent = u"claude-code"_s;
        b.model = u"claude-sonnet-4-5"_s;
        b.tokens = {1200, 3000, 250000, 5400, 100};
        b.messages = 18;
        b.sessions = 2;
        s.buckets = {b};
        return s;
    }

private slots:
    void roundTrip()
    {
        const Submission s = sample();
        const QByteArray body = WireCodec::serialize(s);
        QVERIFY(body.startsWith(R"({"schema":1,"deviceId":"dev-0123456789","seq":42,)"));
        QVERIFY(body.contains(R"("hour":"2026-11-20T14:00:00Z")"));
        Submission parsed;
        QString error;
        QVERIFY2(WireCodec::parse(body, &parsed, &error), qPrintable(error));
        QCOMPARE(parsed, s);
        QCOMPARE(WireCodec::serialize(parsed), body);
    }

    void parseHourMatchesQDateTime()
    {
        // Every hour of a leap year and a DST-free calendar walk agree with Qt's parser.
        const QDateTime start(QDate(2024, 1, 1), QTime(0, 0), QTimeZone::utc());
        for (int h = 0; h < 366 * 24; h += 7) {
            const QDateTime t = start.addSecs(std::int64_t(h) * 3600);
            const QString text = t.toString(u"yyyy-MM-dd'T'HH':00:00Z'"_s);
            QCOMPARE(WireCodec::parseHour(text), t.toSecsSinceEpoch());
            QCOMPARE(WireCodec::formatHour(WireCodec::parseHour(text)), text);
        }
        QCOMPARE(WireCodec::parseHour(u"2020-01-01T00:00:00Z"), 1577836800);
    }

    void parseHourRejects_data()
    {
        QTest::addColumn<QString>("text");
        for (const char *bad :
             {"2026-11-20T24:00:00Z", "2026-02-30T10:00:00Z", "2026-13-01T10:00:00Z",
              "2026-00-10T10:00:00Z", "2026-11-2aT10:00:00Z", "2026-11-20T1 :00:00Z",
              "0000-01-01T00:00:00Z", "2026-11-20 10:00:00Z", "+026-11-20T10:00:00Z",
              "2026-11-20T10:30:00Z", "2026-11-20T10:00:00"})
            QTest::addRow("%s", bad) << QString::fromLatin1(bad);
    }

    void parseHourRejects()
    {
        QFETCH(QString, text);
        QCOMPARE(WireCodec::parseHour(text), -1);
    }

    void rejects_data()
    {
        QTest::addColumn<QByteArray>("from");
        QTest::addColumn<QByteArray>("to");
        QTest::addColumn<QString>("reason");
        QTest::addRow("unknown field")
            << QByteArray(R"("seq":42,)") << QByteArray(R"("seq":42,"cwd":"/x",)")
            << u"unknown field: cwd"_s;
        QTest::addRow("missing field")
            << QByteArray(R"("seq":42,)") << QByteArray() << u"missing field: seq"_s;
        QTest::addRow("negative") << QByteArray(R"("output":5400)") << QByteArray(R"("output":-1)")
                                  << u"negative count"_s;
        QTest::addRow("fraction") << QByteArray(R"("messages":18)")
                                  << QByteArray(R"("messages":1.5)") << u"not an integer"_s;
        QTest::addRow("over 2^53") << QByteArray(R"("input":1200)")
                                   << QByteArray(R"("input":9007199254740993)") << u"too large"_s;
        QTest::addRow("offset hour")
            << QByteArray("14:00:00Z") << QByteArray("14:00:00+01:00") << u"invalid hour"_s;
        QTest::addRow("space in model")
            << QByteArray("claude-sonnet-4-5") << QByteArray("my notes") << u"invalid model"_s;
        QTest::addRow("upper prevHash") << QByteArray(R"("prevHash":"f)")
                                        << QByteArray(R"("prevHash":"F)") << u"invalid prevHash"_s;
        QTest::addRow("schema 2") << QByteArray(R"("schema":1)") << QByteArray(R"("schema":2)")
                                  << u"unsupported schema"_s;
        QTest::addRow("reasoning > output")
            << QByteArray(R"("reasoning":100)") << QByteArray(R"("reasoning":9999)")
            << u"reasoning exceeds output"_s;
        QTest::addRow("array body")
            << QByteArray(R"({"schema")") << QByteArray(R"([{"schema")") << u"malformed JSON"_s;
    }

    void rejects()
    {
        QFETCH(QByteArray, from);
        QFETCH(QByteArray, to);
        QFETCH(QString, reason);
        QByteArray body = WireCodec::serialize(sample());
        QVERIFY(body.contains(from));
        body.replace(from, to);
        Submission parsed;
        QString error;
        QVERIFY(!WireCodec::parse(body, &parsed, &error));
        QVERIFY2(error.contains(reason), qPrintable(error));
    }

    void signAndVerify()
    {
        const DeviceKey key = DeviceKey::generate();
        QVERIFY(key.isValid());
        QCOMPARE(key.publicKey().size(), 32);
        const QByteArray body = WireCodec::serialize(sample());
        const QByteArray signature = key.sign(body);
        QCOMPARE(signature.size(), 64);
        QVERIFY(WireCrypto::verify(key.publicKey(), body, signature));
        QByteArray tampered = body;
        tampered.replace("5400", "5401");
        QVERIFY(!WireCrypto::verify(key.publicKey(), tampered, signature));
        QVERIFY(!WireCrypto::verify(DeviceKey::generate().publicKey(), body, signature));
        // A key restored from its seed signs identically (Ed25519 is deterministic).
        const DeviceKey restored = DeviceKey::fromPrivateKey(key.privateKey());
        QCOMPARE(restored.publicKey(), key.publicKey());
        QCOMPARE(restored.sign(body), signature);
    }

    void hashesAndBase64()
    {
        QCOMPARE(WireCrypto::sha256Hex("abc"),
                 u"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"_s);
        QByteArray out;
        QVERIFY(WireCrypto::fromBase64("aGVsbG8=", &out));
        QCOMPARE(out, QByteArray("hello"));
        QVERIFY(!WireCrypto::fromBase64("aGV$bG8=", &out));
    }

    void dayChecksumIgnoresOrder()
    {
        WireBucket a = sample().buckets.first();
        WireBucket b = a;
        b.model = u"gpt-5"_s;
        b.agent = u"codex"_s;
        QCOMPARE(WireCodec::dayChecksum({a, b}), WireCodec::dayChecksum({b, a}));
        WireBucket c = b;
        c.tokens.output += 1;
        QVERIFY(WireCodec::dayChecksum({a, b}) != WireCodec::dayChecksum({a, c}));
        QCOMPARE(WireCodec::dayChecksum({a}),
                 WireCrypto::sha256Hex("2026-11-20T14:00:00Z|claude-code|claude-sonnet-4-5|1200|"
                                       "3000|250000|5400|100|18|2\n"));
    }
};

QTEST_APPLESS_MAIN(TestWireCodec)
#include "test_wirecodec.moc"
