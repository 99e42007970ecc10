// The usage engine against the generator's oracle (tests/fixtures/README.md):
// exact totals, drop counts, incremental reads, truncation, replacement,
// deletion, order independence and privacy of the store.

#include "enginefixture.h"
#include "pricing/pricetable.h"
#include "report/reportformatter.h"
#include "sources/sourcediscovery.h"
#include "store/database.h"
#include "store/localschema.h"
#include "store/localstore.h"
#include "testhelpers.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace EngineFixture;

class TestEngine : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void exactTotals();
    void exactTotalsOtherHomes_data();
    void exactTotalsOtherHomes();
    void secondScanReadsNothing();
    void appendCompletesPendingLine();
    void appendNewLine();
    void truncatedFileIsReplaced();
    void replacedFileIsReplaced();
    void deletedFileKeepsHistory();
    void laterFilesChangeWinnersExactly();
    void singleThreadEqualsParallel();
    void bulkScanGivesItsCacheBack();
    void firstScanEqualsSmallScans();
    void privacyOfStoreAndReports();
    void priceOverrideRepricesTheStore();
    void upgradeFromSchema2();
    void upgradeFromSchema3ReadsCodexAgain();

private:
    QString copyHome(const QString &name);
    QString newDb(const QString &name) { return m_work.filePath(name + u".db"_s); }
    Rows freshScan(const QString &home, const QString &name);
    QStringList claudeMainFiles(const QString &home);

    QTemporaryDir m_gen;
    QTemporaryDir m_work;
    QJsonObject m_expected;
};

void TestEngine::initTestCase()
{
    pinClock();
    QVERIFY(m_gen.isValid() && m_work.isValid());
    QString error;
    QVERIFY2(TestHelpers::generateHome(m_gen.path() + u"/g"_s, {u"--seed"_s, u"7"_s}, &error),
             qPrintable(error));
    m_expected = readJson(m_gen.path() + u"/g/expected.json"_s);
    QVERIFY(m_expected.value(u"rows"_s).toArray().size() > 20);
}

QString TestEngine::copyHome(const QString &name)
{
    const QString dst = m_work.filePath(name);
    const int rc = QProcess::execute(u"cp"_s, {u"-a"_s, m_gen.path() + u"/g/home"_s, dst});
    return rc == 0 ? dst : QString();
}

Rows TestEngine::freshScan(const QString &home, const QString &name)
{
    const QString db = newDb(name + u"-fresh"_s);
    QString error;
    ScanStats stats;
    if (!scan(home, db, &stats, &error))
        qWarning() << "fresh scan failed" << error;
    return reportRows(db);
}

QStringList TestEngine::claudeMainFiles(const QString &home)
{
    QStringList files;
    QDirIterator it(home + u"/.claude/projects"_s, {u"*.jsonl"_s}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString f = it.next();
        if (!f.contains(u"/subagents/"_s))
            files << f;
    }
    files.sort();
    return files;
}

void TestEngine::exactTotals()
{
    const QString db = newDb(u"exact"_s);
    QString error;
    ScanStats stats;
    QVERIFY2(scan(m_gen.path() + u"/g/home"_s, db, &stats, &error), qPrintable(error));
    const Rows expected = expectedRows(m_expected);
    const Rows actual = reportRows(db);
    QVERIFY2(actual == expected, qPrintable(diff(expected, actual)));
    QCOMPARE(reportTotals(db), numbersOf(m_expected.value(u"totals"_s).toObject()));

    LocalStore store;
    QVERIFY(store.open(db, &error));
    const AccountingStats acc = store.accounting();
    const QJsonObject dropped = m_expected.value(u"dropped"_s).toObject();
    for (int i = 0; i < DropReasonCount; ++i) {
        const QString id = dropReasonId(DropReason(i));
        QVERIFY2(dropped.contains(id), qPrintable(id));
        QCOMPARE(acc.drops.byReason[size_t(i)], dropped.value(id).toInteger());
    }
    QCOMPARE(acc.malformedLines, m_expected.value(u"malformedLines"_s).toInteger());
    const QJsonObject malformed = m_expected.value(u"malformed"_s).toObject();
    for (int i = 0; i < MalformedReasonCount; ++i) {
        const QString id = malformedReasonId(MalformedReason(i));
        QVERIFY2(malformed.value(id).toInteger() > 0, qPrintable(id));
        QCOMPARE(acc.malformed.byReason[size_t(i)], malformed.value(id).toInteger());
    }
    QCOMPARE(acc.pendingBytes, m_expected.value(u"pendingBytes"_s).toInteger());
    QStringList unpriced;
    for (const QJsonValue &v : m_expected.value(u"unpricedModels"_s).toArray())
        unpriced << v.toString();
    QCOMPARE(acc.unpricedModels, unpriced);
    QCOMPARE(acc.messages,
             m_expected.value(u"totals"_s).toObject().value(u"messages"_s).toInteger());
}

void TestEngine::exactTotalsOtherHomes_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addRow("seed 1") << QStringList {u"--seed"_s, u"1"_s};
    QTest::addRow("seed 3, 90 days") << QStringList {u"--seed"_s, u"3"_s, u"--days"_s, u"90"_s};
    QTest::addRow("seed 5, 3 days, 4 MB") << QStringList {
        u"--seed"_s, u"5"_s, u"--days"_s, u"3"_s, u"--target-bytes"_s, u"4000000"_s};
}

void TestEngine::exactTotalsOtherHomes()
{
    QFETCH(QStringList, args);
    QTemporaryDir dir;
    QString error;
    QVERIFY2(TestHelpers::generateHome(dir.filePath(u"g"_s), args, &error), qPrintable(error));
    const QJsonObject expected = readJson(dir.filePath(u"g/expected.json"_s));
    const QString db = dir.filePath(u"u.db"_s);
    ScanStats stats;
    QVERIFY2(scan(dir.filePath(u"g/home"_s), db, &stats, &error), qPrintable(error));
    const Rows want = expectedRows(expected);
    const Rows got = reportRows(db);
    QVERIFY2(got == want, qPrintable(diff(want, got)));
    LocalStore store;
    QVERIFY(store.open(db, &error));
    const AccountingStats acc = store.accounting();
    QCOMPARE(acc.malformedLines, expected.value(u"malformedLines"_s).toInteger());
    for (int i = 0; i < MalformedReasonCount; ++i)
        QCOMPARE(acc.malformed.byReason[size_t(i)],
                 expected.value(u"malformed"_s)
                     .toObject()
                     .value(malformedReasonId(MalformedReason(i)))
                     .toInteger());
    const QJsonObject dropped = expected.value(u"dropped"_s).toObject();
    for (int i = 0; i < DropReasonCount; ++i)
        QCOMPARE(acc.drops.byReason[size_t(i)],
                 dropped.value(dropReasonId(DropReason(i))).toInteger());
}

void TestEngine::secondScanReadsNothing()
{
    const QString db = newDb(u"second"_s);
    QString error;
    ScanStats first, second;
    QVERIFY(scan(m_gen.path() + u"/g/home"_s, db, &first, &error));
    QVERIFY(first.bytesRead > 1000000);
    const Rows before = reportRows(db);
    QVERIFY(scan(m_gen.path() + u"/g/home"_s, db, &second, &error));
    QCOMPARE(second.bytesRead, 0);
    QCOMPARE(second.filesRead, 0);
    QCOMPARE(second.countedDelta, 0);
    QCOMPARE(reportRows(db), before);
}

void TestEngine::appendCompletesPendingLine()
{
    const QString home = copyHome(u"pending"_s);
    QVERIFY(!home.isEmpty());
    const QString db = newDb(u"pending"_s);
    QString error;
    ScanStats stats;
    QVERIFY(scan(home, db, &stats, &error));
    const QByteArray completion =
        TestHelpers::readFile(m_gen.path() + u"/g/pending_completion.txt"_s);
    QVERIFY(completion.endsWith('\n'));
    const QString pendingFile =
        m_expected.value(u"pendingFile"_s).toString().mid(5); // drop "home/"
    QFile f(home + u'/' + pendingFile);
    QVERIFY(f.open(QIODevice::Append));
    f.write(completion);
    f.close();

    QVERIFY(scan(home, db, &stats, &error));
    // Only the half line waiting at the cursor plus the appended bytes are read.
    QCOMPARE(stats.bytesRead, m_expected.value(u"pendingBytes"_s).toInteger() + completion.size());
    QCOMPARE(stats.filesRead, 1);
    QCOMPARE(stats.countedDelta, 1);

    Rows expected = expectedRows(m_expected);
    const QJsonObject effect = m_expected.value(u"pendingCompletionEffect"_s).toObject();
    const QString key = effect.value(u"date"_s).toString() + u'|' +
        effect.value(u"agent"_s).toString() + u'|' + effect.value(u"model"_s).toString();
    const Numbers d = numbersOf(effect);
    Numbers &n = expected[key];
    n.input += d.input;
    n.output += d.output;
    n.cacheRead += d.cacheRead;
    n.cacheWrite += d.cacheWrite;
    n.reasoning += d.reasoning;
    n.total += d.total;
    n.messages += d.messages;
    n.sessions += d.sessions;
    const Rows actual = reportRows(db);
    QVERIFY2(actual == expected, qPrintable(diff(expected, actual)));
    const Rows fresh = freshScan(home, u"pending"_s);
    QVERIFY2(actual == fresh, qPrintable(diff(fresh, actual)));
}

void TestEngine::appendNewLine()
{
    const QString home = copyHome(u"append"_s);
    const QString db = newDb(u"append"_s);
    QString error;
    ScanStats stats;
    QVERIFY(scan(home, db, &stats, &error));
    const Rows before = reportRows(db);
    const QString target = claudeMainFiles(home).value(3);
    QVERIFY(!target.isEmpty());
    const QByteArray line =
        R"({"parentUuid":"p","isSidechain":false,"type":"assistant","sessionId":"appended-session","timestamp":"2026-10-05T12:34:56.000Z","requestId":"req_appended_1","message":{"id":"msg_appended_1","model":"claude-sonnet-4-5-20250929","role":"assistant","content":[{"type":"text","text":"done"}],"usage":{"input_tokens":11,"cache_creation_input_tokens":22,"cache_read_input_tokens":33,"output_tokens":44}}})"
        "\n";
    QFile f(target);
    QVERIFY(f.open(QIODevice::Append));
    f.write(line);
    f.close();
    QVERIFY(scan(home, db, &stats, &error));
    QCOMPARE(stats.bytesRead, qint64(line.size()));
    QCOMPARE(stats.countedDelta, 1);
    const Rows after = reportRows(db);
    const QString key = u"2026-10-05|claude-code|claude-sonnet-4-5-20250929"_s;
    QCOMPARE(after.value(key).messages, before.value(key).messages + 1);
    QCOMPARE(after.value(key).total, before.value(key).total + 110);
    const Rows fresh = freshScan(home, u"append"_s);
    QVERIFY2(after == fresh, qPrintable(diff(fresh, after)));
}

void TestEngine::truncatedFileIsReplaced()
{
    const QString home = copyHome(u"truncate"_s);
    const QString db = newDb(u"truncate"_s);
    QString error;
    ScanStats stats;
    QVERIFY(scan(home, db, &stats, &error));
    const Rows before = reportRows(db);
    // Cut the biggest main session file at a line boundary near its middle.
    QString target;
    qint64 biggest = 0;
    for (const QString &f : claudeMainFiles(home)) {
        if (QFileInfo(f).size() > biggest) {
            biggest = QFileInfo(f).size();
            target = f;
        }
    }
    QByteArray bytes = TestHelpers::readFile(target);
    const qsizetype cut = bytes.indexOf('\n', bytes.size() / 2) + 1;
    QVERIFY(cut > 0);
    QFile f(target);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(bytes.left(cut));
    f.close();
    QVERIFY(scan(home, db, &stats, &error));
    QCOMPARE(stats.filesReplaced, 1);
    QCOMPARE(stats.bytesRead, cut);
    const Rows after = reportRows(db);
    QVERIFY(after != before);
    const Rows fresh = freshScan(home, u"truncate"_s);
    QVERIFY2(after == fresh, qPrintable(diff(fresh, after)));
}

void TestEngine::replacedFileIsReplaced()
{
    const QString home = copyHome(u"replace"_s);
    const QString db = newDb(u"replace"_s);
    QString error;
    ScanStats stats;
    QVERIFY(scan(home, db, &stats, &error));
    // An editor-style replacement: new content, renamed over the old file
    // (new inode), longer than before so size alone cannot tell.
    QStringList codex;
    QDirIterator it(home + u"/.codex/sessions"_s, {u"*.jsonl"_s}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        codex << it.next();
    codex.sort();
    QVERIFY(codex.size() >= 2);
    const QByteArray a = TestHelpers::readFile(codex.at(0));
    const QByteArray b = TestHelpers::readFile(codex.at(1));
    const QByteArray replacement = b + a.left(a.indexOf('\n') + 1);
    QFile tmp(codex.at(0) + u".tmp"_s);
    QVERIFY(tmp.open(QIODevice::WriteOnly));
    tmp.write(replacement);
    tmp.close();
    QVERIFY(QFile::remove(codex.at(0)));
    QVERIFY(QFile::rename(codex.at(0) + u".tmp"_s, codex.at(0)));
    QVERIFY(scan(home, db, &stats, &error));
    QCOMPARE(stats.filesReplaced, 1);
    QVERIFY(stats.fullRecompute);
    const Rows after = reportRows(db);
    const Rows fresh = freshScan(home, u"replace"_s);
    QVERIFY2(after == fresh, qPrintable(diff(fresh, after)));

    // Same size, same inode, different bytes just before the cursor (the tail
    // hash covers the last 64 bytes read): rewritten in place, read again.
    QByteArray c = TestHelpers::readFile(codex.at(1));
    QVERIFY(c.size() > 100 && c.endsWith('\n'));
    QFile inPlace(codex.at(1));
    QVERIFY(inPlace.open(QIODevice::ReadWrite));
    // The last line loses its closing braces: it turns malformed, same size.
    inPlace.write(c.left(c.size() - 40) + QByteArray(39, ' ') + '\n');
    inPlace.close();
    QVERIFY(scan(home, db, &stats, &error));
    QCOMPARE(stats.filesReplaced, 1);
    const Rows fresh2 = freshScan(home, u"replace2"_s);
    const Rows after2 = reportRows(db);
    QVERIFY2(after2 == fresh2, qPrintable(diff(fresh2, after2)));
}

void TestEngine::deletedFileKeepsHistory()
{
    const QString home = copyHome(u"delete"_s);
    const QString db = newDb(u"delete"_s);
    QString error;
    ScanStats stats;
    QVERIFY(scan(home, db, &stats, &error));
    const Rows before = reportRows(db);
    const QString victim = claudeMainFiles(home).value(0);
    QVERIFY(QFile::remove(victim));
    QVERIFY(scan(home, db, &stats, &error));
    QCOMPARE(stats.filesDeleted, 1);
    QCOMPARE(stats.bytesRead, 0);
    const Rows after = reportRows(db);
    QVERIFY2(after == before, qPrintable(diff(before, after)));
    // A fresh scan no longer sees the file: history lives only in the store.
    QVERIFY(freshScan(home, u"delete"_s) != before);
}

void TestEngine::laterFilesChangeWinnersExactly()
{
    // Scan a home missing half of its files, then with all of them: late copies
    // (resumed sessions, sub-agents, archives, db vs JSON) must end in exactly
    // the state of one full scan.
    const QString home = copyHome(u"late"_s);
    const QString parked = m_work.filePath(u"late-parked"_s);
    QVERIFY(QDir().mkpath(parked));
    QStringList moved;
    int n = 0;
    QDirIterator it(home, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    QStringList all;
    while (it.hasNext())
        all << it.next();
    all.sort();
    for (const QString &f : all) {
        // Kimi's config and sub-agent metadata name models when a wire is read; they
        // are settings, not usage files, and stay (docs/agents/kimi-cli.md §4).
        if ((n++ % 2) == 0 || f.contains(u".db"_s) || f.endsWith(u"/config.toml"_s) ||
            f.endsWith(u"/meta.json"_s))
            continue;
        const QString rel = QDir(home).relativeFilePath(f);
        QVERIFY(QDir().mkpath(QFileInfo(parked + u'/' + rel).absolutePath()));
        QVERIFY(QFile::rename(f, parked + u'/' + rel));
        moved << rel;
    }
    const QString db = newDb(u"late"_s);
    QString error;
    ScanStats stats;
    QVERIFY(scan(home, db, &stats, &error));
    for (const QString &rel : moved)
        QVERIFY(QFile::rename(parked + u'/' + rel, home + u'/' + rel));
    QVERIFY(moved.size() > 20);
    QVERIFY(reportRows(db) != expectedRows(m_expected));
    QVERIFY(scan(home, db, &stats, &error));
    QCOMPARE(stats.filesReplaced, 0);
    const Rows expected = expectedRows(m_expected);
    const Rows actual = reportRows(db);
    QVERIFY2(actual == expected, qPrintable(diff(expected, actual)));
}

void TestEngine::singleThreadEqualsParallel()
{
    QString error;
    Rows results[2];
    for (int threads : {1, 2}) {
        const QString db = newDb(u"threads%1"_s.arg(threads));
        LocalStore store;
        QVERIFY(store.open(db, &error));
        Scanner scanner(store, PriceTable::bundled());
        scanner.setThreads(threads);
        ScanStats stats;
        QVERIFY(scanner.scan(environmentFor(m_gen.path() + u"/g/home"_s), &stats, &error));
        results[threads - 1] = reportRows(db);
    }
    QVERIFY2(results[0] == results[1], qPrintable(diff(results[0], results[1])));
}

// A big scan raises the connection's page cache for its transaction (Ledger);
// the tray keeps its connection, so the memory must be given back after.
void TestEngine::bulkScanGivesItsCacheBack()
{
    const QString db = newDb(u"cache"_s);
    QString error;
    LocalStore store;
    QVERIFY(store.open(db, &error));
    auto cacheSize = [&] {
        Statement st(store.database(), "PRAGMA cache_size");
        return st.step() ? st.int64(0) : 0;
    };
    const std::int64_t before = cacheSize();
    Scanner scanner(store, PriceTable::bundled());
    ScanStats stats;
    QVERIFY(scanner.scan(environmentFor(m_gen.path() + u"/g/home"_s), &stats, &error));
    QVERIFY2(stats.filesRead > 64, "too few files for a bulk scan");
    QCOMPARE(cacheSize(), before);
}

// The first scan into an empty store writes its files, sessions and chunks
// many rows per statement, with ids it assigns itself (Ledger's
// deferInserts); scans of a few files each write them one by one. Both must
// store the same thing.
void TestEngine::firstScanEqualsSmallScans()
{
    const QString home = m_gen.path() + u"/g/home"_s;
    const SourceEnvironment env = environmentFor(home);
    QString error;
    auto tableCounts = [](LocalStore &store) {
        QStringList counts;
        for (const char *sql :
             {"SELECT COUNT(*) FROM files", "SELECT COUNT(*) FROM chunks",
              "SELECT COUNT(*) FROM groups", "SELECT COUNT(*) FROM sessions",
              "SELECT COUNT(*) FROM db_rows", "SELECT COUNT(*) FROM quota_history",
              "SELECT SUM(lines) || ' ' || SUM(records) || ' ' || SUM(malformed) FROM files",
              "SELECT group_concat(reason || '=' || n) FROM (SELECT * FROM drops ORDER BY reason)",
              "SELECT COUNT(*) FROM chunks c LEFT JOIN files f ON f.id = c.file_id "
              "WHERE f.id IS NULL",
              "SELECT COUNT(*) FROM groups g LEFT JOIN chunks c ON c.id = g.ref >> 24 "
              "WHERE c.id IS NULL",
              "SELECT COUNT(*) FROM usage u LEFT JOIN sessions s ON s.id = u.session_id "
              "WHERE s.id IS NULL",
              "SELECT COUNT(*) FROM db_rows d LEFT JOIN chunks c ON c.id = d.chunk_id "
              "WHERE d.chunk_id IS NOT NULL AND c.id IS NULL"}) {
            Statement st(store.database(), sql);
            counts << (st.step() ? st.text(0) : u"?"_s);
        }
        return counts;
    };

    const QString bulkDb = newDb(u"first-bulk"_s);
    QStringList bulkCounts;
    {
        LocalStore store;
        QVERIFY(store.open(bulkDb, &error));
        Scanner scanner(store, PriceTable::bundled());
        ScanStats stats;
        QVERIFY(scanner.scan(env, &stats, &error));
        QVERIFY2(stats.filesRead > 64, "too few files for a bulk scan");
        bulkCounts = tableCounts(store);
    }
    const QString smallDb = newDb(u"first-small"_s);
    QStringList smallCounts;
    {
        LocalStore store;
        QVERIFY(store.open(smallDb, &error));
        Scanner scanner(store, PriceTable::bundled());
        QStringList paths;
        for (const SourceFile &f : SourceDiscovery::discover(env))
            paths << f.path;
        QVERIFY(paths.size() > 64);
        for (qsizetype i = 0; i < paths.size(); i += 16) {
            ScanStats stats;
            QVERIFY2(scanner.scanPaths(env, paths.mid(i, 16), &stats, &error), qPrintable(error));
        }
        smallCounts = tableCounts(store);
    }
    QCOMPARE(bulkCounts, smallCounts);
    QCOMPARE(bulkCounts.at(8), u"0"_s); // no chunk without its file
    QCOMPARE(bulkCounts.at(9), u"0"_s); // no winner without its chunk
    QCOMPARE(bulkCounts.at(10), u"0"_s); // no usage without its session
    QCOMPARE(bulkCounts.at(11), u"0"_s); // no database row without its chunk
    QVERIFY(bulkCounts.at(4).toInt() > 0); // the fixture has an OpenCode database
    const Rows bulk = reportRows(bulkDb);
    QVERIFY2(bulk == reportRows(smallDb), qPrintable(diff(bulk, reportRows(smallDb))));
    QVERIFY(bulk.size() > 20);
}

void TestEngine::privacyOfStoreAndReports()
{
    const QString db = newDb(u"privacy"_s);
    QString error;
    LocalStore store;
    QVERIFY(store.open(db, &error));
    Scanner scanner(store, PriceTable::bundled());
    ScanStats stats;
    QVERIFY(scanner.scan(environmentFor(m_gen.path() + u"/g/home"_s), &stats, &error));

    // Everything written while the connection is open, WAL included, plus every report.
    QByteArray haystack = TestHelpers::readFile(db) + TestHelpers::readFile(db + u"-wal"_s) +
        TestHelpers::readFile(db + u"-shm"_s);
    QVERIFY(haystack.size() > 10000);
    for (ReportKind kind : {ReportKind::Daily, ReportKind::Weekly, ReportKind::Monthly,
                            ReportKind::Session, ReportKind::Model, ReportKind::Agent}) {
        ReportQuery q;
        q.kind = kind;
        q.breakdown = kind == ReportKind::Daily;
        const Report r = Report::build(store, q);
        haystack +=
            ReportFormatter::json(r) + ReportFormatter::csv(r) + ReportFormatter::table(r).toUtf8();
    }
    const QJsonArray secrets = m_expected.value(u"secrets"_s).toArray();
    QVERIFY(secrets.size() >= 10);
    for (const QJsonValue &s : secrets) {
        const QByteArray secret = s.toString().toUtf8();
        QVERIFY(!secret.isEmpty());
        QVERIFY2(!haystack.contains(secret), secret.constData());
    }
    // The same check can fail: the secrets are really in the agents' files.
    QByteArray sources;
    QDirIterator it(m_gen.path() + u"/g/home"_s, QDir::Files | QDir::Hidden,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString f = it.next();
        sources += f.toUtf8() + TestHelpers::readFile(f);
    }
    QVERIFY(sources.contains(secrets.first().toString().toUtf8()));
}

void TestEngine::priceOverrideRepricesTheStore()
{
    const QString db = newDb(u"prices"_s);
    QString error;
    ScanStats stats;
    QVERIFY(scan(m_gen.path() + u"/g/home"_s, db, &stats, &error));
    auto modelReport = [&] {
        LocalStore store;
        store.open(db, &error);
        ReportQuery q;
        q.kind = ReportKind::Model;
        return Report::build(store, q);
    };
    const Report before = modelReport();
    QStringList unpriced;
    for (const QJsonValue &v : m_expected.value(u"unpricedModels"_s).toArray())
        unpriced << v.toString();
    QVERIFY(unpriced.contains(u"totally-made-up-model-9"_s));
    QCOMPARE(before.unpricedModels, unpriced);

    // The user prices the unknown models; nothing new is read, everything is re-priced.
    const QString file = m_work.filePath(u"prices.json"_s);
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    QJsonObject models;
    for (const QString &m : unpriced)
        models.insert(
            m,
            QJsonObject {
                {u"in"_s, 1e-6}, {u"out"_s, 2e-6}, {u"cw"_s, 0}, {u"cw1h"_s, 0}, {u"cr"_s, 0}});
    f.write(QJsonDocument(QJsonObject {{u"models"_s, models}}).toJson());
    f.close();
    PriceTable table = PriceTable::bundled();
    QVERIFY2(table.loadOverrideFile(file, &error), qPrintable(error));
    QVERIFY(table.version() != PriceTable::bundled().version());
    {
        LocalStore store;
        QVERIFY(store.open(db, &error));
        Scanner scanner(store, table);
        QVERIFY(scanner.scan(environmentFor(m_gen.path() + u"/g/home"_s), &stats, &error));
        QCOMPARE(store.accounting().priceTableVersion, table.version());
    }
    const Report after = modelReport();
    QVERIFY(after.unpricedModels.isEmpty());
    for (const ReportRow &row : after.rows) {
        if (!unpriced.contains(row.model))
            continue;
        QVERIFY(row.cost);
        const double expected = row.tokens.input * 1e-6 + row.tokens.output * 2e-6;
        QVERIFY2(qAbs(*row.cost - expected) < 1e-6,
                 qPrintable(u"%1 vs %2 (in %3 out %4 cw %5 cr %6)"_s.arg(*row.cost)
                                .arg(expected)
                                .arg(row.tokens.input)
                                .arg(row.tokens.output)
                                .arg(row.tokens.cacheWrite)
                                .arg(row.tokens.cacheRead)));
    }
    QCOMPARE(after.totals.tokens, before.totals.tokens);
    QVERIFY(*after.totals.cost > *before.totals.cost);
}

void TestEngine::upgradeFromSchema2()
{
    // A store as schema 2 left it: step 3's columns, tables and indexes gone, and
    // what it could not have known (malformed reasons, row outcomes) with them.
    const QString db = newDb(u"upgrade"_s);
    QString error;
    ScanStats stats;
    QVERIFY(scan(m_gen.path() + u"/g/home"_s, db, &stats, &error));
    {
        Database d;
        QVERIFY(d.open(db, false, &error));
        QVERIFY2(d.exec("DROP INDEX files_skipped; DROP INDEX chunks_gkey; DROP INDEX "
                        "usage_session; ALTER TABLE files DROP COLUMN malformed_by; ALTER TABLE "
                        "files DROP COLUMN skipped; ALTER TABLE chunks DROP COLUMN gkey; DROP "
                        "TABLE db_rows; DROP TABLE quota; DROP TABLE quota_history; DROP TABLE "
                        "quota_skipped; PRAGMA "
                        "user_version = 2;",
                        &error),
                 qPrintable(error));
    }
    // Opening migrates; the next scan reads every file again, once, and ends
    // exactly where a fresh scan does, drops and malformed reasons included.
    QVERIFY(scan(m_gen.path() + u"/g/home"_s, db, &stats, &error));
    QCOMPARE(stats.filesReplaced, stats.filesSeen);
    QVERIFY(stats.fullRecompute);
    QCOMPARE(stats.countedDelta, 0);
    const Rows expected = expectedRows(m_expected);
    QVERIFY2(reportRows(db) == expected, qPrintable(diff(expected, reportRows(db))));
    LocalStore store;
    QVERIFY(store.open(db, &error));
    QCOMPARE(store.database().userVersion(), LocalSchema::Version);
    const AccountingStats acc = store.accounting();
    QCOMPARE(acc.malformedLines, m_expected.value(u"malformedLines"_s).toInteger());
    for (int i = 0; i < MalformedReasonCount; ++i)
        QCOMPARE(acc.malformed.byReason[size_t(i)],
                 m_expected.value(u"malformed"_s)
                     .toObject()
                     .value(malformedReasonId(MalformedReason(i)))
                     .toInteger());
    for (int i = 0; i < DropReasonCount; ++i)
        QCOMPARE(acc.drops.byReason[size_t(i)],
                 m_expected.value(u"dropped"_s)
                     .toObject()
                     .value(dropReasonId(DropReason(i)))
                     .toInteger());
    // And then nothing more to read.
    QVERIFY(scan(m_gen.path() + u"/g/home"_s, db, &stats, &error));
    QCOMPARE(stats.filesRead, 0);
}

void TestEngine::upgradeFromSchema3ReadsCodexAgain()
{
    // Step 3 stores never kept Codex's rate limits: after the upgrade, the next
    // scan reads the Codex logs again (only those), finds their windows, and
    // the totals stay exactly what they were.
    const QString db = newDb(u"upgrade3"_s);
    const QString home = m_gen.path() + u"/g/home"_s;
    QString error;
    ScanStats stats;
    QVERIFY(scan(home, db, &stats, &error));
    size_t windows = 0;
    {
        LocalStore store;
        QVERIFY(store.open(db, &error));
        windows = store.quotas().size();
        QVERIFY(windows >= 2); // the generator writes 5h and 7d windows
        QVERIFY(store.database().exec(
            "DROP TABLE quota_history; DROP TABLE quota_skipped; DELETE FROM quota; "
            "PRAGMA user_version = 3;",
            &error));
    }
    QVERIFY(scan(home, db, &stats, &error));
    QVERIFY(stats.filesReplaced > 0);
    QVERIFY(stats.filesReplaced < stats.filesSeen);
    QCOMPARE(stats.countedDelta, 0);
    const Rows expected = expectedRows(m_expected);
    QVERIFY2(reportRows(db) == expected, qPrintable(diff(expected, reportRows(db))));
    LocalStore store;
    QVERIFY(store.open(db, &error));
    QCOMPARE(store.quotas().size(), windows);
    QVERIFY(!store.quotaHistory(0).empty());
}

QTEST_GUILESS_MAIN(TestEngine)
#include "test_engine.moc"
