// LocalStore::open on a new file from several connections at once: each one
// migrates or finds the store migrated, none fails (the tray and a statusline
// start together on a first run).

#include "store/database.h"
#include "store/localstore.h"

#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;

class TestLocalStore : public QObject
{
    Q_OBJECT

private slots:
    void concurrentFirstOpenMigratesOnce();
    void newerSchemaIsRefused();
    void pageSizeOfNewAndOldStores();
    void setCacheSizeGivesTheOldSize();
};

void TestLocalStore::concurrentFirstOpenMigratesOnce()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    constexpr int Rounds = 20;
    constexpr int Openers = 4;
    for (int round = 0; round < Rounds; ++round) {
        const QString path = dir.filePath(u"usage-%1.db"_s.arg(round));
        std::atomic<int> ready {0};
        std::vector<QString> errors(Openers);
        std::vector<std::unique_ptr<QThread>> threads;
        for (int i = 0; i < Openers; ++i) {
            threads.emplace_back(QThread::create([&, i] {
                // Start together: every opener reads schema 0 before any commits.
                ++ready;
                while (ready.load() < Openers)
                    QThread::yieldCurrentThread();
                LocalStore store;
                QString error;
                if (!store.open(path, &error))
                    errors[size_t(i)] = error.isEmpty() ? u"open failed"_s : error;
            }));
            threads.back()->start();
        }
        for (auto &t : threads)
            QVERIFY(t->wait(60000));
        for (int i = 0; i < Openers; ++i)
            QVERIFY2(
                errors[size_t(i)].isEmpty(),
                qPrintable(u"round %1, opener %2: %3"_s.arg(round).arg(i).arg(errors[size_t(i)])));
        LocalStore store;
        QString error;
        QVERIFY2(store.open(path, &error), qPrintable(error));
        QCOMPARE(store.database().userVersion(), LocalStore::SchemaVersion);
    }
}

void TestLocalStore::newerSchemaIsRefused()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"usage.db"_s);
    {
        LocalStore store;
        QString error;
        QVERIFY2(store.open(path, &error), qPrintable(error));
        QVERIFY(store.database().exec("PRAGMA user_version = " +
                                      std::to_string(LocalStore::SchemaVersion + 1)));
    }
    LocalStore store;
    QString error;
    QVERIFY(!store.open(path, &error));
    QVERIFY2(error.contains(u"newer TokenTally"_s), qPrintable(error));
}

namespace {

std::int64_t pragma(Database &db, const char *name)
{
    Statement st(db, std::string("PRAGMA ") + name);
    return st.step() ? st.int64(0) : -1;
}

} // namespace

// New stores get 16 KiB pages (a cold scan writes a quarter as many); a store
// made with SQLite's 4 KiB default keeps them and still opens and migrates.
void TestLocalStore::pageSizeOfNewAndOldStores()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    {
        LocalStore store;
        QString error;
        QVERIFY2(store.open(dir.filePath(u"new.db"_s), &error), qPrintable(error));
        QCOMPARE(pragma(store.database(), "page_size"), std::int64_t(16384));
    }
    const QString oldPath = dir.filePath(u"old.db"_s);
    {
        Database db;
        QString error;
        QVERIFY2(db.open(oldPath, false, &error), qPrintable(error));
        QVERIFY(db.exec("CREATE TABLE t(x)"));
        QCOMPARE(pragma(db, "page_size"), std::int64_t(4096));
    }
    LocalStore store;
    QString error;
    QVERIFY2(store.open(oldPath, &error), qPrintable(error));
    QCOMPARE(pragma(store.database(), "page_size"), std::int64_t(4096));
    QCOMPARE(store.database().userVersion(), LocalStore::SchemaVersion);
}

void TestLocalStore::setCacheSizeGivesTheOldSize()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    Database db;
    QString error;
    QVERIFY2(db.open(dir.filePath(u"cache.db"_s), false, &error), qPrintable(error));
    const std::int64_t before = pragma(db, "cache_size");
    QCOMPARE(db.setCacheSize(-65536), before);
    QCOMPARE(pragma(db, "cache_size"), std::int64_t(-65536));
    QCOMPARE(db.setCacheSize(before), std::int64_t(-65536));
    QCOMPARE(pragma(db, "cache_size"), before);
}

QTEST_GUILESS_MAIN(TestLocalStore)
#include "test_localstore.moc"
