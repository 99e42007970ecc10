// ResponseCache: answers valid while their stamp is; bounded by count and by
// bytes; when full, the oldest quarter goes and the newest stay.

#include "http/responsecache.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestResponseCache : public QObject
{
    Q_OBJECT

private slots:
    void stampDecides()
    {
        ResponseCache cache;
        const ChangeLog::Stamp v1 {1, 1, 1}, v2 {2, 1, 1};
        cache.put(u"k"_s, v1, {"body", "text/plain", 200});
        QCOMPARE(cache.get(u"k"_s, v1)->body, QByteArray("body"));
        QVERIFY(!cache.get(u"k"_s, v2));
        QVERIFY(!cache.get(u"other"_s, v1));
    }

    void fullByCountDropsTheOldestQuarter()
    {
        ResponseCache cache;
        const ChangeLog::Stamp v {1, 0, 0};
        for (int i = 0; i < 5000; ++i)
            cache.put(u"k%1"_s.arg(i), v, {"x", "text/plain", 200});
        // The 5,001st store finds it full.
        cache.put(u"new"_s, v, {"x", "text/plain", 200});
        QVERIFY(cache.get(u"new"_s, v));
        QVERIFY(!cache.get(u"k0"_s, v));
        QVERIFY(!cache.get(u"k1000"_s, v));
        QVERIFY(cache.get(u"k1300"_s, v));
        QVERIFY(cache.get(u"k4999"_s, v));
        QCOMPARE(cache.size(), qsizetype(5000 - 1250 + 1));
    }

    void fullByBytes()
    {
        ResponseCache cache;
        const ChangeLog::Stamp v {1, 0, 0};
        const QByteArray mb(1024 * 1024, 'b');
        for (int i = 0; i < 40; ++i)
            cache.put(u"big%1"_s.arg(i), v, {mb, "text/plain", 200});
        QVERIFY(cache.bytes() <= 33 * 1024 * 1024);
        QVERIFY(cache.get(u"big39"_s, v));
        QVERIFY(!cache.get(u"big0"_s, v));
    }

    void replacingAKeyKeepsTheCount()
    {
        ResponseCache cache;
        const ChangeLog::Stamp v {1, 0, 0};
        cache.put(u"k"_s, v, {QByteArray(1000, 'a'), "text/plain", 200});
        cache.put(u"k"_s, v, {QByteArray(10, 'a'), "text/plain", 200});
        QCOMPARE(cache.size(), qsizetype(1));
        QCOMPARE(cache.bytes(), qsizetype(2 + 10 + 10));
    }
};

QTEST_GUILESS_MAIN(TestResponseCache)
#include "test_responsecache.moc"
