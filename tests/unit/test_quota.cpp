// Quota windows from local files (docs/agents/quota.md): Codex rate_limits in
// both reset forms, windows named by length, weekly-in-primary, null
// rate_limits, hostile values, newest-wins across files in any order, Claude
// Code's cache, expiry, and the store's history and upgrade from step 3.

#include "quota/claudeusagecache.h"
#include "quota/codexratelimits.h"
#include "quota/quotabatch.h"
#include "quota/quotaformatter.h"
#include "quota/quotastatus.h"
#include "quota/quotawindow.h"
#include "sources/codexparser.h"
#include "sources/sourceenvironment.h"
#include "store/localstore.h"
#include "testhelpers.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;

class TestQuota : public QObject
{
    Q_OBJECT

private slots:
    void windowsAreNamedByLength_data();
    void windowsAreNamedByLength();
    void windowLengthOfNames();
    void resetsAtAbsolute();
    void resetsInSecondsCountsFromTheEvent();
    void weeklyInPrimary();
    void nullRateLimitsEraseNothing();
    void hostileWindowsAreSkipped_data();
    void hostileWindowsAreSkipped();
    void historyKeepsNewestPerSlot();
    void newestWinsAcrossFilesInAnyOrder();
    void batchKeepsNewestAcrossFilesInAnyOrder();
    void batchHistoryKeepsNewestPerSlot();
    void expiredWindowIsNotCurrent();
    void claudeCacheIsReadAndMarked();
    void claudeCacheTakesOnlyItsKey();
    void statuslineWinsOverOlderCache();
    void fixtureMatchesExpected();
    void upgradeFromStep3();
    void skippedCountsPerFile();

private:
    QTemporaryDir m_dir;
};

namespace {

constexpr std::int64_t FixtureNowMs = 1783080000000; // 2026-07-03T12:00:00Z

QString fixture(const QString &rel)
{
    return TestHelpers::sourceDir() + u"/tests/fixtures/agents/quota/"_s + rel;
}

std::int64_t iso(const char *text)
{
    return QDateTime::fromString(QString::fromLatin1(text), Qt::ISODateWithMs).toMSecsSinceEpoch();
}

QByteArray rateEvent(const char *ts, const QByteArray &rateLimits, const char *info = "null")
{
    return QByteArray(R"({"timestamp":")") + ts +
        R"(","type":"event_msg","payload":{"type":"token_count","info":)" + info +
        R"(,"rate_limits":)" + rateLimits + "}}\n";
}

QByteArray window(const QByteArray &used, const QByteArray &minutes, const QByteArray &reset = {})
{
    QByteArray w = R"({"used_percent":)" + used + R"(,"window_minutes":)" + minutes;
    if (!reset.isEmpty())
        w += "," + reset;
    return w + "}";
}

ParseResult parse(const QByteArray &text, std::int64_t notAfterMs = FixtureNowMs + 60000)
{
    QByteArray padded = text + QByteArray(64, '\0');
    SourceFile f {
        u"/h/.codex/sessions/rollout-2026-07-01T08-00-00-0193a0b1-0000-7000-8000-000000000001.jsonl"_s,
        Agent::Codex,
        SourceKind::AppendLog,
        {},
        0};
    ParseResult r;
    r.notAfterMs = notAfterMs;
    CodexParser::parse(f, padded.constData(), text.size(), 0, {}, r);
    return r;
}

const QuotaObservation *find(const std::vector<QuotaObservation> &list, const QString &window)
{
    auto it = std::find_if(list.begin(), list.end(),
                           [&](const QuotaObservation &q) { return q.window == window; });
    return it == list.end() ? nullptr : &*it;
}

// The newest observation per window, as the store keeps them.
std::vector<QuotaObservation> newest(const std::vector<QuotaObservation> &all)
{
    std::vector<QuotaObservation> out;
    for (const QuotaObservation &q : all) {
        auto it = std::find_if(out.begin(), out.end(),
                               [&](const QuotaObservation &o) { return o.window == q.window; });
        if (it == out.end())
            out.push_back(q);
        else if (q.observedMs >= it->observedMs)
            *it = q;
    }
    return out;
}

QStringList codexFixtureFiles()
{
    QStringList files;
    QDirIterator it(fixture(u"home/.codex"_s), {u"*.jsonl"_s}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    files.sort();
    return files;
}

ParseResult parseFile(const QString &path)
{
    const QByteArray text = TestHelpers::readFile(path);
    QByteArray padded = text + QByteArray(64, '\0');
    SourceFile f {path, Agent::Codex, SourceKind::AppendLog, {}, 0};
    ParseResult r;
    r.notAfterMs = FixtureNowMs;
    CodexParser::parse(f, padded.constData(), text.size(), 0, {}, r);
    return r;
}

} // namespace

void TestQuota::windowsAreNamedByLength_data()
{
    QTest::addColumn<int>("minutes");
    QTest::addColumn<QString>("name");
    QTest::newRow("299") << 299 << u"5h"_s;
    QTest::newRow("300") << 300 << u"5h"_s;
    QTest::newRow("10079") << 10079 << u"7d"_s;
    QTest::newRow("10080") << 10080 << u"7d"_s;
    QTest::newRow("43200") << 43200 << u"30d"_s;
    QTest::newRow("60") << 60 << u"60m"_s;
    QTest::newRow("301") << 301 << u"301m"_s;
    QTest::newRow("zero") << 0 << QString();
    QTest::newRow("negative") << -300 << QString();
    QTest::newRow("over a year") << 600000 << QString();
}

void TestQuota::windowsAreNamedByLength()
{
    QFETCH(int, minutes);
    QFETCH(QString, name);
    QCOMPARE(QuotaWindow::classify(minutes).value_or(QString()), name);
}

void TestQuota::windowLengthOfNames()
{
    QCOMPARE(QuotaWindow::minutes(u"5h"_s).value_or(-1), 300);
    QCOMPARE(QuotaWindow::minutes(u"7d"_s).value_or(-1), 10080);
    QCOMPARE(QuotaWindow::minutes(u"7d-sonnet"_s).value_or(-1), 10080);
    QCOMPARE(QuotaWindow::minutes(u"30d"_s).value_or(-1), 43200);
    QCOMPARE(QuotaWindow::minutes(u"60m"_s).value_or(-1), 60);
    QCOMPARE(QuotaWindow::minutes(u"gpt-5/5h"_s).value_or(-1), 300);
    QVERIFY(!QuotaWindow::minutes(u"fortnight"_s));
}

void TestQuota::resetsAtAbsolute()
{
    const ParseResult r = parse(rateEvent(
        "2026-07-01T15:30:00.000Z",
        "{\"primary\":" + window("42.5", "300", R"("resets_at":1782928800)") + ",\"secondary\":" +
            window("36", "10080", R"("resets_at":1783300000,"resets_in_seconds":5)") + "}"));
    QCOMPARE(r.quota.observations.size(), size_t(2));
    const auto *five = find(r.quota.observations, u"5h"_s);
    QVERIFY(five);
    QCOMPARE(five->usedPercent, 42.5);
    QCOMPARE(five->resetsAt.value_or(0), std::int64_t(1782928800)); // 2026-07-01T18:00:00Z
    QCOMPARE(five->observedMs, iso("2026-07-01T15:30:00Z"));
    QCOMPARE(five->agent, Agent::Codex);
    QCOMPARE(five->source, u"codex-log"_s);
    // Both forms: resets_at wins over resets_in_seconds.
    QCOMPARE(find(r.quota.observations, u"7d"_s)->resetsAt.value_or(0), std::int64_t(1783300000));
}

void TestQuota::resetsInSecondsCountsFromTheEvent()
{
    const ParseResult r = parse(rateEvent(
        "2026-07-01T14:00:00.000Z",
        "{\"primary\":" + window("20.0", "299", R"("resets_in_seconds":9000)") +
            ",\"secondary\":" + window("35.0", "10079", R"("resets_in_seconds":400000)") + "}"));
    QCOMPARE(find(r.quota.observations, u"5h"_s)->resetsAt.value_or(0) * 1000,
             iso("2026-07-01T16:30:00Z"));
    QCOMPARE(find(r.quota.observations, u"7d"_s)->resetsAt.value_or(0) * 1000,
             iso("2026-07-06T05:06:40Z"));
    // Without any reset field the window is kept with an unknown reset.
    const ParseResult none =
        parse(rateEvent("2026-07-01T14:00:00.000Z", "{\"primary\":" + window("20.0", "300") + "}"));
    QCOMPARE(none.quota.observations.size(), size_t(1));
    QVERIFY(!none.quota.observations[0].resetsAt);
}

void TestQuota::weeklyInPrimary()
{
    const ParseResult r =
        parse(rateEvent("2026-07-03T09:00:00.000Z",
                        "{\"primary\":" + window("12.0", "10080", R"("resets_at":1783468800)") +
                            ",\"secondary\":null,\"credits\":null,\"plan_type\":\"pro\"}"));
    QCOMPARE(r.quota.observations.size(), size_t(1));
    QCOMPARE(r.quota.observations[0].window, u"7d"_s);
    QCOMPARE(r.quota.observations[0].usedPercent, 12.0);
    QVERIFY(!find(r.quota.observations, u"5h"_s));
}

void TestQuota::nullRateLimitsEraseNothing()
{
    const QByteArray first =
        rateEvent("2026-07-01T14:00:00.000Z",
                  "{\"primary\":" + window("20.0", "300", R"("resets_at":1782930000)") + "}");
    const QByteArray text = first + rateEvent("2026-07-01T15:00:00.000Z", "null") +
        rateEvent("2026-07-01T15:10:00.000Z", R"({"primary":null,"secondary":null})") +
        R"({"timestamp":"2026-07-01T15:20:00.000Z","type":"event_msg","payload":{"type":"token_count","info":null}})"
        "\n";
    const ParseResult r = parse(text);
    QCOMPARE(r.quota.observations.size(), size_t(1));
    QCOMPARE(r.quota.observations[0].usedPercent, 20.0);
    QCOMPARE(r.quota.skipped, std::int64_t(0));

    // Nor in the store: a later read with null keeps what was stored.
    LocalStore store;
    QVERIFY(store.open(m_dir.filePath(u"null.db"_s), nullptr));
    for (const auto &q : parse(first).quota.observations)
        QVERIFY(store.setQuota(q));
    for (const auto &q : parse(rateEvent("2026-07-01T16:00:00.000Z", "null")).quota.observations)
        QVERIFY(store.setQuota(q));
    QCOMPARE(store.quotas().size(), size_t(1));
    QCOMPARE(store.quotas()[0].usedPercent, 20.0);
}

void TestQuota::hostileWindowsAreSkipped_data()
{
    QTest::addColumn<QByteArray>("line");
    const char *ts = "2026-07-01T14:00:00.000Z";
    auto primary = [&](const QByteArray &w) {
        return rateEvent(ts, "{\"primary\":" + w + "}");
    };
    QTest::newRow("negative percent") << primary(window("-5", "300"));
    QTest::newRow("percent over 100") << primary(window("140", "300"));
    QTest::newRow("percent as text") << primary(window("\"NaN\"", "300"));
    QTest::newRow("percent null") << primary(window("null", "300"));
    QTest::newRow("minutes null") << primary(window("10", "null"));
    QTest::newRow("minutes zero") << primary(window("10", "0"));
    QTest::newRow("minutes negative") << primary(window("10", "-300"));
    QTest::newRow("minutes fraction") << primary(window("10", "299.5"));
    QTest::newRow("minutes absurd") << primary(window("10", "1e12"));
    QTest::newRow("resets_at in 2500")
        << primary(window("10", "300", R"("resets_at":16725225600)"));
    QTest::newRow("resets_at long past") << primary(window("10", "300", R"("resets_at":1000)"));
    QTest::newRow("resets_in negative")
        << primary(window("10", "300", R"("resets_in_seconds":-60)"));
    QTest::newRow("window not an object") << rateEvent(ts, R"({"primary":42})");
    QTest::newRow("event in 1990")
        << rateEvent("1990-01-01T00:00:00.000Z", "{\"primary\":" + window("10", "300") + "}");
    QTest::newRow("event in the future")
        << rateEvent("2027-01-01T00:00:00.000Z", "{\"primary\":" + window("10", "300") + "}");
    QTest::newRow("unreadable timestamp")
        << rateEvent("yesterday", "{\"primary\":" + window("10", "300") + "}");
    QTest::newRow("odd limit id") << rateEvent(
        ts, "{\"limit_id\":\"../../x y\",\"primary\":" + window("10", "300") + "}");
}

void TestQuota::hostileWindowsAreSkipped()
{
    QFETCH(QByteArray, line);
    const ParseResult r = parse(line);
    QVERIFY(r.quota.observations.empty());
    QCOMPARE(r.quota.skipped, std::int64_t(1));
    // A good window next to a bad one still counts.
    const ParseResult good = parse(rateEvent("2026-07-01T14:00:00.000Z",
                                             "{\"primary\":" + window("10", "300") +
                                                 ",\"secondary\":" + window("-1", "10080") + "}"));
    QCOMPARE(good.quota.observations.size(), size_t(1));
    QCOMPARE(good.quota.skipped, std::int64_t(1));
}

void TestQuota::historyKeepsNewestPerSlot()
{
    // 14:00 and 14:10 share a 15-minute slot (the later wins); 14:20 has its own.
    const ParseResult r =
        parse(rateEvent("2026-07-01T14:00:00.000Z", "{\"primary\":" + window("10", "300") + "}") +
              rateEvent("2026-07-01T14:10:00.000Z", "{\"primary\":" + window("11", "300") + "}") +
              rateEvent("2026-07-01T14:20:00.000Z", "{\"primary\":" + window("13", "300") + "}"));
    QCOMPARE(r.quota.observations.size(), size_t(2));
    QCOMPARE(r.quota.observations[0].usedPercent, 11.0);
    QCOMPARE(r.quota.observations[1].usedPercent, 13.0);

    LocalStore store;
    QVERIFY(store.open(m_dir.filePath(u"history.db"_s), nullptr));
    for (const auto &q : r.quota.observations)
        QVERIFY(store.setQuota(q));
    // An older reading of the first slot, read later (another file), loses.
    QVERIFY(store.setQuota(
        {Agent::Codex, u"5h"_s, 99, std::nullopt, iso("2026-07-01T14:05:00Z"), u"codex-log"_s}));
    const auto history = store.quotaHistory(0);
    QCOMPARE(history.size(), size_t(2));
    QCOMPARE(history[0].usedPercent, 11.0);
    QCOMPARE(history[1].usedPercent, 13.0);
    QCOMPARE(store.quotaHistory(iso("2026-07-01T14:15:00Z")).size(), size_t(1));
    QCOMPARE(store.quotas().size(), size_t(1));
    QCOMPARE(store.quotas()[0].usedPercent, 13.0);
}

// The codex fixture's newest reading per window, whatever order its files
// were read in: the newest 5h and 7d sit in the archived file, whose name is
// the oldest.
static void verifyFixtureNewest(const std::vector<QuotaObservation> &q)
{
    QCOMPARE(q.size(), size_t(4));
    QCOMPARE(find(q, u"5h"_s)->usedPercent, 48.0);
    QCOMPARE(find(q, u"5h"_s)->observedMs, iso("2026-07-03T10:00:00Z"));
    QCOMPARE(find(q, u"7d"_s)->usedPercent, 13.0);
    QCOMPARE(find(q, u"30d"_s)->usedPercent, 5.0);
    QCOMPARE(find(q, u"60m"_s)->usedPercent, 1.0);
}

void TestQuota::newestWinsAcrossFilesInAnyOrder()
{
    const QStringList files = codexFixtureFiles();
    QCOMPARE(files.size(), 3);
    std::vector<int> order {0, 1, 2};
    int run = 0;
    do {
        LocalStore store;
        QVERIFY(store.open(m_dir.filePath(u"order%1.db"_s.arg(run++)), nullptr));
        for (int i : order) {
            for (const auto &q : parseFile(files[i]).quota.observations)
                QVERIFY(store.setQuota(q));
        }
        verifyFixtureNewest(store.quotas());
        if (QTest::currentTestFailed())
            return;
    } while (std::next_permutation(order.begin(), order.end()));
}

// What a scan does (Ledger): the current row and the history rows once, at the end.
void TestQuota::batchKeepsNewestAcrossFilesInAnyOrder()
{
    const QStringList files = codexFixtureFiles();
    QCOMPARE(files.size(), 3);
    std::vector<int> order {0, 1, 2};
    int run = 0;
    do {
        LocalStore store;
        QVERIFY(store.open(m_dir.filePath(u"batch%1.db"_s.arg(run++)), nullptr));
        // An older stored reading loses; so would a newer one win (checked below).
        QVERIFY(store.setQuota({Agent::Codex, u"5h"_s, 99.0, std::nullopt,
                                iso("2026-07-01T00:00:00Z"), u"codex-log"_s}));
        // The reference: every observation upserted on its own, as it comes.
        LocalStore oneByOne;
        QVERIFY(oneByOne.open(m_dir.filePath(u"one-by-one%1.db"_s.arg(run)), nullptr));
        QVERIFY(oneByOne.setQuota({Agent::Codex, u"5h"_s, 99.0, std::nullopt,
                                   iso("2026-07-01T00:00:00Z"), u"codex-log"_s}));
        QuotaBatch batch;
        int offered = 0;
        for (int i : order) {
            for (const auto &q : parseFile(files[i]).quota.observations) {
                batch.offer(q);
                QVERIFY(oneByOne.addQuotaHistory(q));
                ++offered;
            }
        }
        QVERIFY(offered > 4);
        QVERIFY(batch.write(store));
        verifyFixtureNewest(store.quotas());
        const auto history = store.quotaHistory(0);
        const auto expected = oneByOne.quotaHistory(0);
        QCOMPARE(history.size(), expected.size());
        for (size_t i = 0; i < history.size(); ++i) {
            QCOMPARE(history[i].window, expected[i].window);
            QCOMPARE(history[i].observedMs, expected[i].observedMs);
            QCOMPARE(history[i].usedPercent, expected[i].usedPercent);
            QCOMPARE(history[i].resetsAt, expected[i].resetsAt);
        }
        if (QTest::currentTestFailed())
            return;
    } while (std::next_permutation(order.begin(), order.end()));

    // A stored reading newer than the whole batch stays.
    LocalStore store;
    QVERIFY(store.open(m_dir.filePath(u"batch-newer.db"_s), nullptr));
    QVERIFY(store.setQuota(
        {Agent::Codex, u"5h"_s, 7.0, std::nullopt, iso("2026-08-01T00:00:00Z"), u"codex-log"_s}));
    QuotaBatch batch;
    for (const QString &file : files) {
        for (const auto &q : parseFile(file).quota.observations)
            batch.offer(q);
    }
    QVERIFY(batch.write(store));
    const auto q = store.quotas();
    QCOMPARE(find(q, u"5h"_s)->usedPercent, 7.0);
    QCOMPARE(find(q, u"7d"_s)->usedPercent, 13.0);
}

void TestQuota::batchHistoryKeepsNewestPerSlot()
{
    auto reading = [](double used, const char *at) {
        return QuotaObservation {Agent::Codex, u"5h"_s, used,
                                 std::nullopt, iso(at), u"codex-log"_s};
    };
    // Slot 14:00-14:15: an older, a newer and an equally new reading offered
    // later (it wins, as a later upsert would); slot 14:15-14:30: one reading.
    const std::vector<QuotaObservation> readings {
        reading(12, "2026-07-01T14:10:00Z"), reading(11, "2026-07-01T14:05:00Z"),
        reading(13, "2026-07-01T14:20:00Z"), reading(15, "2026-07-01T14:10:00Z")};
    LocalStore store;
    QVERIFY(store.open(m_dir.filePath(u"batch-history.db"_s), nullptr));
    // A stored 7d reading of an unrelated slot stays as it is.
    QVERIFY(store.addQuotaHistory(
        {Agent::Codex, u"7d"_s, 40, std::nullopt, iso("2026-07-01T14:00:00Z"), u"codex-log"_s}));
    QuotaBatch batch;
    for (const auto &q : readings)
        batch.offer(q);
    QVERIFY(batch.write(store));
    auto history = store.quotaHistory(0);
    QCOMPARE(history.size(), size_t(3));
    QCOMPARE(history[0].window, u"5h"_s);
    QCOMPARE(history[0].usedPercent, 15.0);
    QCOMPARE(history[0].observedMs, iso("2026-07-01T14:10:00Z"));
    QCOMPARE(history[1].usedPercent, 13.0);
    QCOMPARE(history[2].window, u"7d"_s);
    QCOMPARE(history[2].usedPercent, 40.0);

    // A second scan whose reading of the first slot is older than the stored one: it loses.
    QuotaBatch older;
    older.offer(reading(99, "2026-07-01T14:01:00Z"));
    QVERIFY(older.write(store));
    history = store.quotaHistory(0);
    QCOMPARE(history.size(), size_t(3));
    QCOMPARE(history[0].usedPercent, 15.0);
    // More rows than one statement takes (BulkInsert::RowsPerStatement), one per slot.
    QuotaBatch many;
    const std::int64_t start = iso("2026-07-02T00:00:00Z");
    for (int i = 0; i < 300; ++i)
        many.offer({Agent::Codex, u"7d"_s, double(i % 100), std::nullopt,
                    start + std::int64_t(i) * CodexRateLimits::HistorySlotMs, u"codex-log"_s});
    QVERIFY(many.write(store));
    history = store.quotaHistory(start);
    QCOMPARE(history.size(), size_t(300));
    QCOMPARE(history[299].usedPercent, 99.0);
    QCOMPARE(history[299].observedMs, start + 299 * CodexRateLimits::HistorySlotMs);
}

void TestQuota::expiredWindowIsNotCurrent()
{
    const QuotaObservation hour {Agent::Codex,
                                 u"60m"_s,
                                 1.0,
                                 iso("2026-07-03T10:00:00Z") / 1000,
                                 iso("2026-07-03T09:30:00Z"),
                                 u"codex-log"_s};
    const auto before = QuotaStatus::merge({hour}, {}, iso("2026-07-03T09:59:59Z"));
    QCOMPARE(before.size(), size_t(1));
    QVERIFY(!before[0].expired);
    QCOMPARE(before[0].usedPercent().value_or(-1), 1.0);
    const auto after = QuotaStatus::merge({hour}, {}, iso("2026-07-03T10:00:00Z"));
    QVERIFY(after[0].expired);
    QVERIFY(!after[0].usedPercent());
    const QJsonObject o = QJsonDocument::fromJson(QuotaFormatter::json(after, FixtureNowMs))
                              .object()[u"quotas"_s]
                              .toArray()[0]
                              .toObject();
    QVERIFY(o[u"usedPercent"_s].isNull());
    QCOMPARE(o[u"lastUsedPercent"_s].toDouble(), 1.0);
    QCOMPARE(o[u"expired"_s].toBool(), true);
    QVERIFY(
        QuotaFormatter::text(after, FixtureNowMs, QTimeZone::utc()).contains(u"reset (was 1%)"_s));
    QVERIFY(!QuotaFormatter::text(after, FixtureNowMs, QTimeZone::utc()).contains(u"resets "_s));
}

void TestQuota::claudeCacheIsReadAndMarked()
{
    const auto windows =
        ClaudeUsageCache::parse(TestHelpers::readFile(fixture(u"home/.claude.json"_s)));
    QCOMPARE(windows.size(), size_t(3)); // five_hour, seven_day, seven_day_sonnet
    const auto *five = find(windows, u"5h"_s);
    QVERIFY(five);
    QCOMPARE(five->usedPercent, 61.0);
    QCOMPARE(five->observedMs, iso("2026-07-03T06:00:00Z"));
    QCOMPARE(five->resetsAt.value_or(0) * 1000, iso("2026-07-03T08:00:00Z"));
    QCOMPARE(five->source, u"claude-cache"_s);
    QCOMPARE(find(windows, u"7d-sonnet"_s)->usedPercent, 9.0);
    QVERIFY(!find(windows, u"7d-opus"_s)); // null
    QVERIFY(!find(windows, u"extra_usage"_s));

    const auto entries = QuotaStatus::merge({}, windows, FixtureNowMs);
    QCOMPARE(entries.size(), size_t(3));
    for (const QuotaEntry &e : entries) {
        QVERIFY(e.cached);
        QCOMPARE(e.ageSeconds(FixtureNowMs), std::int64_t(6 * 3600));
    }
    QVERIFY(entries[0].expired); // 5h reset at 08:00
    QCOMPARE(entries[0].observation.window, u"5h"_s);

    // Where: CLAUDE_CONFIG_DIR's entries, else ~/.claude.json.
    SourceEnvironment env;
    env.home = u"/home/u"_s;
    QCOMPARE(ClaudeUsageCache::files(env), QStringList {u"/home/u/.claude.json"_s});
    env.claudeConfigDir = u"/a,/b"_s;
    QCOMPARE(ClaudeUsageCache::files(env),
             (QStringList {u"/a/.claude.json"_s, u"/b/.claude.json"_s}));
}

void TestQuota::claudeCacheTakesOnlyItsKey()
{
    QVERIFY(ClaudeUsageCache::parse(R"({"oauthAccount":{"emailAddress":"x@y"}})").empty());
    QVERIFY(ClaudeUsageCache::parse("not json").empty());
    // No fetch time, or an absurd one: not a snapshot we can date.
    QVERIFY(ClaudeUsageCache::parse(
                R"({"cachedUsageUtilization":{"utilization":{"five_hour":{"utilization":5}}}})")
                .empty());
    QVERIFY(
        ClaudeUsageCache::parse(
            R"({"cachedUsageUtilization":{"fetchedAtMs":5,"utilization":{"five_hour":{"utilization":5}}}})")
            .empty());
    const auto hostile = ClaudeUsageCache::parse(
        R"({"cachedUsageUtilization":{"fetchedAtMs":1783058400000,"utilization":{)"
        R"("five_hour":{"utilization":-3},"seven_day":{"utilization":"9"},)"
        R"("seven_day_opus":{"utilization":101},"seven_day_x":{"utilization":4}}}})");
    QCOMPARE(hostile.size(), size_t(1));
    QCOMPARE(hostile[0].window, u"7d-x"_s);
}

void TestQuota::statuslineWinsOverOlderCache()
{
    const auto cache =
        ClaudeUsageCache::parse(TestHelpers::readFile(fixture(u"home/.claude.json"_s)));
    const QuotaObservation line {Agent::ClaudeCode,
                                 u"5h"_s,
                                 18.5,
                                 iso("2026-07-03T15:00:00Z") / 1000,
                                 iso("2026-07-03T11:55:00Z"),
                                 u"claude-statusline"_s};
    const auto entries = QuotaStatus::merge({line}, cache, FixtureNowMs);
    QCOMPARE(entries.size(), size_t(3));
    QCOMPARE(entries[0].observation.window, u"5h"_s);
    QCOMPARE(entries[0].observation.usedPercent, 18.5);
    QVERIFY(!entries[0].cached);
    QVERIFY(!entries[0].expired);
    // A cache newer than the statusline's reading wins.
    QuotaObservation old = line;
    old.observedMs = iso("2026-07-03T05:00:00Z");
    const auto older = QuotaStatus::merge({old}, cache, FixtureNowMs);
    QVERIFY(older[0].cached);
}

void TestQuota::fixtureMatchesExpected()
{
    const QJsonObject expected =
        QJsonDocument::fromJson(TestHelpers::readFile(fixture(u"expected.json"_s))).object();
    const std::int64_t now = iso(expected[u"now"_s].toString().toLatin1().constData());
    QCOMPARE(now, FixtureNowMs);
    std::vector<QuotaObservation> all;
    std::int64_t observations = 0, malformed = 0;
    for (const QString &f : codexFixtureFiles()) {
        const ParseResult r = parseFile(f);
        malformed += r.malformedLines();
        // Slots of 15 minutes keep every fixture observation apart.
        observations += std::int64_t(r.quota.observations.size());
        all.insert(all.end(), r.quota.observations.begin(), r.quota.observations.end());
    }
    const QJsonObject codex = expected[u"codex"_s].toObject();
    QCOMPARE(observations, std::int64_t(codex[u"observations"_s].toInteger()));
    QCOMPARE(malformed, std::int64_t(codex[u"malformedLines"_s].toInteger()));

    const auto entries = QuotaStatus::merge(
        newest(all),
        ClaudeUsageCache::parse(TestHelpers::readFile(fixture(u"home/.claude.json"_s))), now);
    const QJsonArray got =
        QJsonDocument::fromJson(QuotaFormatter::json(entries, now)).object()[u"quotas"_s].toArray();
    QJsonArray want = codex[u"windows"_s].toArray();
    for (const QJsonValue &v : expected[u"claude"_s].toObject()[u"withoutStatusline"_s].toArray())
        want.append(v);
    QCOMPARE(got.size(), want.size());
    for (const QJsonValue &w : want) {
        const QJsonObject e = w.toObject();
        const QString agent = e.contains(u"file"_s) ? u"codex"_s : u"claude-code"_s;
        auto it = std::find_if(got.begin(), got.end(), [&](const QJsonValue &g) {
            return g[u"agent"_s] == agent && g[u"window"_s] == e[u"window"_s];
        });
        QVERIFY2(it != got.end(), qPrintable(e[u"window"_s].toString()));
        const QJsonObject g = it->toObject();
        for (const QString &key : {u"usedPercent"_s, u"lastUsedPercent"_s, u"observedAt"_s,
                                   u"ageSeconds"_s, u"source"_s, u"cached"_s, u"expired"_s})
            QVERIFY2(g[key] == e[key],
                     qPrintable(agent + u" "_s + e[u"window"_s].toString() + u" "_s + key + u" "_s +
                                QString::fromUtf8(QJsonDocument(g).toJson())));
        // Seconds are enough: the cache's microseconds are dropped.
        QCOMPARE(g[u"resetsAt"_s].toString(), e[u"resetsAt"_s].toString().left(19) + u'Z');
    }
}

void TestQuota::upgradeFromStep3()
{
    const QString path = m_dir.filePath(u"upgrade.db"_s);
    {
        LocalStore store;
        QVERIFY(store.open(path, nullptr));
        QVERIFY(store.database().exec(
            "DROP TABLE quota_history; DROP TABLE quota_skipped; PRAGMA user_version = 3;"
            "INSERT INTO quota VALUES(0, '5h', 40.0, 1783090000, 1783080000000, 'statusline');"
            "INSERT INTO files(path_hash, agent, kind, size, dev) VALUES(1, 1, 0, 500, 9);"
            "INSERT INTO files(path_hash, agent, kind, size, dev) VALUES(2, 0, 0, 700, 9);"));
    }
    LocalStore store;
    QString error;
    QVERIFY2(store.open(path, &error), qPrintable(error));
    QCOMPARE(store.database().userVersion(), LocalStore::SchemaVersion);
    QCOMPARE(store.quotas().size(), size_t(1));
    QCOMPARE(store.quotas()[0].source, u"claude-statusline"_s);
    QCOMPARE(store.quotaHistory(0).size(), size_t(1));
    QCOMPARE(store.quotaHistory(0)[0].usedPercent, 40.0);
    // Codex logs are read again (their rate limits were never stored); Claude's are not.
    Statement st(store.database(), "SELECT agent, size FROM files ORDER BY path_hash");
    QVERIFY(st.step());
    QCOMPARE(st.int64(1), std::int64_t(-1));
    QVERIFY(st.step());
    QCOMPARE(st.int64(1), std::int64_t(700));
}

void TestQuota::skippedCountsPerFile()
{
    LocalStore store;
    QVERIFY(store.open(m_dir.filePath(u"skipped.db"_s), nullptr));
    QCOMPARE(store.quotaSkipped(), std::int64_t(0));
    QVERIFY(store.addQuotaSkipped(1, 2, false));
    QVERIFY(store.addQuotaSkipped(1, 1, false)); // an append
    QVERIFY(store.addQuotaSkipped(2, 4, false));
    QCOMPARE(store.quotaSkipped(), std::int64_t(7));
    // File 1 read again from its start: its count starts over.
    QVERIFY(store.addQuotaSkipped(1, 3, true));
    QCOMPARE(store.quotaSkipped(), std::int64_t(7));
    QVERIFY(store.addQuotaSkipped(2, 0, true));
    QCOMPARE(store.quotaSkipped(), std::int64_t(3));
}

QTEST_GUILESS_MAIN(TestQuota)
#include "test_quota.moc"
