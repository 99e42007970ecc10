// LocalStore::open on a new file from several connections at once: each one
// migrates or finds the store migrated, none fails (the tray and a statusline
// start together on a first run).

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

QTEST_GUILESS_MAIN(TestLocalStore)
#include "test_localstore.moc"
