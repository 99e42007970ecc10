// BulkInsert: rows buffered and written many per statement arrive exactly as
// one INSERT per row would write them, whatever the count (a full statement,
// several, a remainder, nothing), with every kind of value; an upsert tail
// applies per row; a failing row fails the write and the caller's
// transaction leaves the table as it was.

#include "store/bulkinsert.h"
#include "store/database.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <string>

using namespace Qt::StringLiterals;

class TestBulkInsert : public QObject
{
    Q_OBJECT

private slots:
    void rowsArriveInAnyCount_data();
    void rowsArriveInAnyCount();
    void everyKindOfValue();
    void upsertTailAppliesPerRow();
    void failingRowFailsTheWrite();

private:
    bool open(Database &db, const QString &name);
    QTemporaryDir m_dir;
};

bool TestBulkInsert::open(Database &db, const QString &name)
{
    QString error;
    if (!db.open(m_dir.filePath(name), false, &error)) {
        qWarning() << error;
        return false;
    }
    return db.exec("CREATE TABLE t(k INTEGER PRIMARY KEY, v INTEGER NOT NULL, s TEXT)");
}

void TestBulkInsert::rowsArriveInAnyCount_data()
{
    QTest::addColumn<int>("rows");
    const int full = BulkInsert::RowsPerStatement; // SQLite 3.40: no lower limit
    for (int n : {0, 1, full - 1, full, full + 1, 3 * full + 17})
        QTest::addRow("%d", n) << n;
}

void TestBulkInsert::rowsArriveInAnyCount()
{
    QFETCH(int, rows);
    Database db;
    QVERIFY(open(db, u"count-%1.db"_s.arg(rows)));
    {
        BulkInsert insert(db, "INSERT INTO t(k, v, s)", 3);
        // The row counts above are around a full statement's.
        QCOMPARE(insert.rowsPerStatement(), BulkInsert::RowsPerStatement);
        for (int i = 0; i < rows; ++i) {
            const std::string s = "row " + std::to_string(i);
            QVERIFY(
                insert.value(std::int64_t(1000 + i)).value(std::int64_t(i * 7)).text(s).endRow());
        }
        QVERIFY(insert.flush());
        QCOMPARE(insert.rowsWritten(), std::int64_t(rows));
        // A second flush with nothing buffered writes nothing.
        QVERIFY(insert.flush());
        QCOMPARE(insert.rowsWritten(), std::int64_t(rows));
    }
    Statement count(db, "SELECT COUNT(*), COALESCE(SUM(v), 0), MIN(k), MAX(k) FROM t");
    QVERIFY(count.step());
    QCOMPARE(count.int64(0), std::int64_t(rows));
    // 7 * (0 + 1 + ... + rows-1)
    QCOMPARE(count.int64(1), std::int64_t(7) * rows * (rows - 1) / 2);
    if (rows > 0) {
        QCOMPARE(count.int64(2), std::int64_t(1000));
        QCOMPARE(count.int64(3), std::int64_t(1000 + rows - 1));
        Statement last(db, "SELECT s FROM t WHERE k = ?1");
        last.bind(1, std::int64_t(1000 + rows - 1));
        QVERIFY(last.step());
        QCOMPARE(last.text(0), u"row %1"_s.arg(rows - 1));
    }
}

void TestBulkInsert::everyKindOfValue()
{
    Database db;
    QString error;
    QVERIFY(db.open(m_dir.filePath(u"kinds.db"_s), false, &error));
    QVERIFY(db.exec("CREATE TABLE k(i INTEGER, r REAL, t TEXT, b BLOB, n INTEGER)"));
    const char bytes[] = {'\0', '\x01', '\xff', 'a', '\0'};
    BulkInsert insert(db, "INSERT INTO k(i, r, t, b, n)", 5);
    QVERIFY(insert.value(std::int64_t(-9007199254740993))
                .value(2.5)
                .text("grüße")
                .blob(bytes, int(sizeof bytes))
                .null()
                .endRow());
    QVERIFY(
        insert.value(std::int64_t(0)).value(std::nan("")).text("").blob(bytes, 0).null().endRow());
    QVERIFY(insert.flush());
    Statement st(db, "SELECT i, r, typeof(r), t, b, typeof(b), n IS NULL FROM k ORDER BY rowid");
    QVERIFY(st.step());
    QCOMPARE(st.int64(0), std::int64_t(-9007199254740993));
    QCOMPARE(st.real(1), 2.5);
    QCOMPARE(st.text(3), u"grüße"_s);
    QCOMPARE(st.blob(4), QByteArray(bytes, sizeof bytes));
    QCOMPARE(st.int64(6), std::int64_t(1));
    QVERIFY(st.step());
    // SQLite stores a NaN as NULL, as a single-row bind would.
    QCOMPARE(st.text(2), u"null"_s);
    QCOMPARE(st.text(3), QString());
    QCOMPARE(st.text(5), u"blob"_s);
    QCOMPARE(st.blob(4).size(), 0);
    QVERIFY(!st.step());
}

void TestBulkInsert::upsertTailAppliesPerRow()
{
    Database db;
    QVERIFY(open(db, u"upsert.db"_s));
    QVERIFY(db.exec("INSERT INTO t(k, v) VALUES(1, 10), (2, 20)"));
    BulkInsert insert(db, "INSERT INTO t(k, v)", 2,
                      "ON CONFLICT(k) DO UPDATE SET v = v + excluded.v WHERE excluded.v > 0");
    for (std::int64_t k = 1; k <= 300; ++k)
        QVERIFY(insert.value(k).value(k == 2 ? std::int64_t(-5) : std::int64_t(1)).endRow());
    QVERIFY(insert.flush());
    Statement st(db, "SELECT k, v FROM t WHERE k <= 3 ORDER BY k");
    QVERIFY(st.step());
    QCOMPARE(st.int64(1), std::int64_t(11)); // added to
    QVERIFY(st.step());
    QCOMPARE(st.int64(1), std::int64_t(20)); // the WHERE kept it
    QVERIFY(st.step());
    QCOMPARE(st.int64(1), std::int64_t(1)); // new
    Statement count(db, "SELECT COUNT(*) FROM t");
    QVERIFY(count.step());
    QCOMPARE(count.int64(0), std::int64_t(300));
}

void TestBulkInsert::failingRowFailsTheWrite()
{
    Database db;
    QVERIFY(open(db, u"failing.db"_s));
    {
        Transaction tx(db);
        QVERIFY(tx.isActive());
        BulkInsert insert(db, "INSERT INTO t(k, v)", 2);
        bool ok = true;
        // A row of the second statement repeats a key: that statement fails, at the row
        // that fills it.
        const int full = insert.rowsPerStatement();
        QVERIFY(full > 5);
        for (int i = 0; i < 2 * full && ok; ++i)
            ok = insert.value(std::int64_t(i == full + 5 ? 5 : i)).value(std::int64_t(i)).endRow();
        QVERIFY(!ok);
        QCOMPARE(insert.rowsWritten(), std::int64_t(full));
        // The transaction is not committed: its destructor rolls back.
    }
    Statement count(db, "SELECT COUNT(*) FROM t");
    QVERIFY(count.step());
    QCOMPARE(count.int64(0), std::int64_t(0));
}

QTEST_GUILESS_MAIN(TestBulkInsert)
#include "test_bulkinsert.moc"
