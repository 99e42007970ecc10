// Expected prices below are typed in from the LiteLLM snapshot
// (BerriAI/litellm 4c1b15d6, /work/shared/data/litellm-model-prices.json); each
// literal names the key and field it came from. They are never read from the
// code under test, so a wrong derivation or a wrong formula fails here.
#include "pricing/pricetable.h"

#include "testhelpers.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <thread>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

// claude-sonnet-4-5 in the snapshot.
constexpr double SonnetIn = 3e-06; // input_cost_per_token
constexpr double SonnetOut = 1.5e-05; // output_cost_per_token
constexpr double SonnetCw = 3.75e-06; // cache_creation_input_token_cost
constexpr double SonnetCr = 3e-07; // cache_read_input_token_cost
constexpr double SonnetIn200k = 6e-06; // input_cost_per_token_above_200k_tokens
constexpr double SonnetOut200k = 2.25e-05; // output_cost_per_token_above_200k_tokens
constexpr double SonnetCw200k = 7.5e-06; // cache_creation_input_token_cost_above_200k_tokens
constexpr double SonnetCr200k = 6e-07; // cache_read_input_token_cost_above_200k_tokens
// claude-opus-4-1-20250805 in the snapshot.
constexpr double Opus41In = 1.5e-05; // input_cost_per_token
constexpr double Opus41Out = 7.5e-05; // output_cost_per_token
constexpr double Opus41Cw = 1.875e-05; // cache_creation_input_token_cost
constexpr double Opus41Cw1h = 3e-05; // cache_creation_input_token_cost_above_1hr
constexpr double Opus41Cr = 1.5e-06; // cache_read_input_token_cost
// gpt-5-codex in the snapshot (no cache write rate, no long-context tier).
constexpr double CodexIn = 1.25e-06; // input_cost_per_token
constexpr double CodexOut = 1e-05; // output_cost_per_token
constexpr double CodexCr = 1.25e-07; // cache_read_input_token_cost
// gpt-5-pro in the snapshot: no cache rates at all.
constexpr double GptProIn = 1.5e-05; // input_cost_per_token

TokenCounts tokens(std::int64_t input, std::int64_t cacheWrite, std::int64_t cacheRead,
                   std::int64_t output, std::int64_t reasoning = 0)
{
    TokenCounts t;
    t.input = input;
    t.cacheWrite = cacheWrite;
    t.cacheRead = cacheRead;
    t.output = output;
    t.reasoning = reasoning;
    return t;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

} // namespace

class TestPriceTable : public QObject
{
    Q_OBJECT

private slots:
    void concurrentFirstUse();
    void bundledLoads();
    void bundledRates();
    void resolve_data();
    void resolve();
    void unknownModels_data();
    void unknownModels();
    void lookupOrder();
    void rulesOnCustomTable_data();
    void rulesOnCustomTable();
    void missingCacheRatesFilled();
    void claudeCost();
    void reasoningNotChargedTwice();
    void oneHourCacheSplit_data();
    void oneHourCacheSplit();
    void longContextTier_data();
    void longContextTier();
    void longContextPartialRates();
    void codexCost();
    void costByName();
    void overrideCompact();
    void overrideLiteLlm();
    void overrideMalformed_data();
    void overrideMalformed();
    void overrideMissingFile();
    void overrideVersionDependsOnContent();
    void loadJsonReplaces();
    void resourceMatchesSourceTree();
    void deriveScript();
};

// Runs first, before anything else touched bundled(): several threads race to
// build it and must all see the same complete table.
void TestPriceTable::concurrentFirstUse()
{
    const QStringList names {u"claude-sonnet-4-5-20250929"_s, u"claude-sonnet-4.5"_s,
                             u"openai/gpt-5"_s, u"us.anthropic.claude-opus-4-6-v1:0"_s,
                             u"totally-made-up-model-9"_s};
    std::vector<QStringList> results(4);
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < results.size(); ++i) {
        threads.emplace_back([&names, &results, i] {
            for (int round = 0; round < 200; ++round) {
                QStringList keys;
                for (const QString &name : names)
                    keys << PriceTable::bundled().resolve(name);
                results[i] = keys;
            }
        });
    }
    for (std::thread &t : threads)
        t.join();
    const QStringList expected {u"claude-sonnet-4-5-20250929"_s, u"claude-sonnet-4-5"_s, u"gpt-5"_s,
                                u"claude-opus-4-6"_s, QString()};
    for (const QStringList &r : results)
        QCOMPARE(r, expected);
}

void TestPriceTable::bundledLoads()
{
    // The resource lives in the static tokentally_core; it must be reachable.
    QVERIFY(QFile::exists(u":/tokentally/prices/model-prices.json"_s));
    const PriceTable &table = PriceTable::bundled();
    QVERIFY2(table.size() > 500, qPrintable(QString::number(table.size())));
    QCOMPARE(table.version(), u"litellm-4c1b15d6"_s);
    QCOMPARE(&PriceTable::bundled(), &table);
    // The committed file is what derive_prices.py makes from the snapshot:
    // spot-check that non-chat entries were dropped and chat ones kept.
    QVERIFY(table.contains(u"gpt-5.3-codex"_s));
    QVERIFY(!table.contains(u"text-embedding-3-small"_s)); // mode embedding
    QVERIFY(!table.contains(u"dall-e-3"_s)); // mode image_generation
    QVERIFY(!table.contains(u"sample_spec"_s));
    // Overlay alias (derived from claude-sonnet-4-20250514).
    QVERIFY(table.contains(u"claude-sonnet-4-0"_s));
}

void TestPriceTable::bundledRates()
{
    const std::optional<ModelPrice> p = PriceTable::bundled().find(u"claude-sonnet-4-5");
    QVERIFY(p);
    QCOMPARE(p->input, SonnetIn);
    QCOMPARE(p->output, SonnetOut);
    QCOMPARE(p->cacheWrite, SonnetCw);
    QCOMPARE(p->cacheRead, SonnetCr);
    QVERIFY(!p->cacheWrite1h); // the snapshot has no 1h rate for claude-sonnet-4-5
    QCOMPARE(p->inputAbove200k.value_or(-1), SonnetIn200k);
    QCOMPARE(p->outputAbove200k.value_or(-1), SonnetOut200k);
    QCOMPARE(p->cacheWriteAbove200k.value_or(-1), SonnetCw200k);
    QCOMPARE(p->cacheReadAbove200k.value_or(-1), SonnetCr200k);

    const std::optional<ModelPrice> opus = PriceTable::bundled().find(u"claude-opus-4-1-20250805");
    QVERIFY(opus);
    QCOMPARE(opus->cacheWrite1h.value_or(-1), Opus41Cw1h);
    QVERIFY(!opus->hasLongContextRates());

    // Overlay: claude-sonnet-4-0 copies claude-sonnet-4-20250514, whose
    // snapshot rates are in 3e-06, out 1.5e-05, cache_creation_input_token_cost_above_1hr 6e-06.
    const std::optional<ModelPrice> alias = PriceTable::bundled().find(u"claude-sonnet-4-0");
    QVERIFY(alias);
    QCOMPARE(alias->input, 3e-06);
    QCOMPARE(alias->output, 1.5e-05);
    QCOMPARE(alias->cacheWrite1h.value_or(-1), 6e-06);
}

void TestPriceTable::resolve_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("key");
    // The list from the brief.
    QTest::addRow("dated sonnet 4.5")
        << u"claude-sonnet-4-5-20250929"_s << u"claude-sonnet-4-5-20250929"_s;
    QTest::addRow("dated opus 4.1")
        << u"claude-opus-4-1-20250805"_s << u"claude-opus-4-1-20250805"_s;
    QTest::addRow("dated haiku 4.5")
        << u"claude-haiku-4-5-20251001"_s << u"claude-haiku-4-5-20251001"_s;
    QTest::addRow("anthropic/ prefix")
        << u"anthropic/claude-sonnet-4-5"_s << u"claude-sonnet-4-5"_s;
    QTest::addRow("dotted claude") << u"claude-sonnet-4.5"_s << u"claude-sonnet-4-5"_s;
    QTest::addRow("gpt-5-codex") << u"gpt-5-codex"_s << u"gpt-5-codex"_s;
    QTest::addRow("gpt-5") << u"gpt-5"_s << u"gpt-5"_s;
    QTest::addRow("gpt-5.1-codex") << u"gpt-5.1-codex"_s << u"gpt-5.1-codex"_s;
    QTest::addRow("openai/ prefix") << u"openai/gpt-5"_s << u"gpt-5"_s;
    QTest::addRow("gpt-4.1") << u"gpt-4.1"_s << u"gpt-4.1"_s;
    QTest::addRow("gemini-2.5-pro") << u"gemini-2.5-pro"_s << u"gemini-2.5-pro"_s;
    QTest::addRow("o3") << u"o3"_s << u"o3"_s;
    // One row per further rule.
    QTest::addRow("case") << u"GPT-5-Codex"_s << u"gpt-5-codex"_s;
    QTest::addRow("whitespace") << u" gpt-5.2-codex "_s << u"gpt-5.2-codex"_s;
    QTest::addRow("google/ prefix") << u"google/gemini-2.5-pro"_s << u"gemini-2.5-pro"_s;
    QTest::addRow("openrouter/vendor/ prefix")
        << u"openrouter/openai/gpt-5.3-codex"_s << u"gpt-5.3-codex"_s;
    QTest::addRow("openrouter exact key wins") << u"openrouter/anthropic/claude-sonnet-4.5"_s
                                               << u"openrouter/anthropic/claude-sonnet-4.5"_s;
    QTest::addRow("bedrock region + version")
        << u"us.anthropic.claude-opus-4-6-v1:0"_s << u"claude-opus-4-6"_s;
    QTest::addRow("bedrock region key exists") << u"eu.anthropic.claude-haiku-4-5-20251001-v1:0"_s
                                               << u"eu.anthropic.claude-haiku-4-5-20251001-v1:0"_s;
    QTest::addRow("fast suffix") << u"claude-opus-4-6-fast"_s << u"claude-opus-4-6"_s;
    QTest::addRow("free suffix") << u"openai/gpt-5-mini:free"_s << u"gpt-5-mini"_s;
    QTest::addRow("vertex @date") << u"claude-sonnet-4-5@20250929"_s << u"claude-sonnet-4-5"_s;
    QTest::addRow("iso date") << u"gpt-5-codex-2025-09-15"_s << u"gpt-5-codex"_s;
    QTest::addRow("8-digit date") << u"claude-opus-4-5-20990101"_s << u"claude-opus-4-5"_s;
    QTest::addRow("merged digits") << u"claude-opus-45"_s << u"claude-opus-4-5"_s;
    QTest::addRow("dotted 3.5, dated")
        << u"claude-3.5-sonnet-20241022"_s << u"claude-3-5-sonnet-20241022"_s;
    QTest::addRow("dated dotted keeps date")
        << u"anthropic/claude-sonnet-4.5-20250929"_s << u"claude-sonnet-4-5-20250929"_s;
    QTest::addRow("openrouter, overlay alias")
        << u"openrouter/anthropic/claude-3-5-sonnet"_s << u"claude-3-5-sonnet"_s;
    QTest::addRow("gemini/ vendor added") << u"gemma-3-27b-it"_s << u"gemini/gemma-3-27b-it"_s;
    QTest::addRow("xai/ vendor added") << u"grok-code-fast-1"_s << u"xai/grok-code-fast-1"_s;
    QTest::addRow("zai/ vendor added") << u"GLM-4.6"_s << u"zai/glm-4.6"_s;
    QTest::addRow("overlay alias") << u"claude-opus-4-0"_s << u"claude-opus-4-0"_s;
}

void TestPriceTable::resolve()
{
    QFETCH(QString, model);
    QFETCH(QString, key);
    const PriceTable &table = PriceTable::bundled();
    QCOMPARE(table.resolve(model), key);
    QVERIFY(table.find(model).has_value());
    QVERIFY(table.cost(model, tokens(1, 0, 0, 1)).has_value());
}

void TestPriceTable::unknownModels_data()
{
    QTest::addColumn<QString>("model");
    QTest::addRow("made up") << u"totally-made-up-model-9"_s;
    QTest::addRow("synthetic") << u"<synthetic>"_s;
    QTest::addRow("empty") << QString();
    QTest::addRow("blank") << u"   "_s;
    // No loose matching: these must not fall back to a shorter sibling.
    QTest::addRow("gpt-5-foo") << u"gpt-5-foo"_s;
    QTest::addRow("future gpt") << u"gpt-5.4"_s;
    QTest::addRow("future codex") << u"gpt-5.9-codex"_s;
    QTest::addRow("future opus") << u"claude-opus-4-7"_s;
    QTest::addRow("future opus dated") << u"claude-opus-4-7-20260401"_s;
    QTest::addRow("bare prefix") << u"anthropic/"_s;
    QTest::addRow("prefix + unknown") << u"openai/totally-made-up-model-9"_s;
    QTest::addRow("family word only") << u"claude"_s;
}

void TestPriceTable::unknownModels()
{
    QFETCH(QString, model);
    const PriceTable &table = PriceTable::bundled();
    QCOMPARE(table.resolve(model), QString());
    QVERIFY(!table.find(model).has_value());
    QVERIFY(!table.cost(model, tokens(1000, 0, 0, 1000)).has_value());
}

void TestPriceTable::lookupOrder()
{
    const QStringList c = PriceTable::lookupCandidates(u"Anthropic/Claude-Sonnet-4.5-20250929");
    QVERIFY(c.size() > 6);
    QCOMPARE(c.at(0), u"Anthropic/Claude-Sonnet-4.5-20250929"_s);
    QCOMPARE(c.at(1), u"anthropic/claude-sonnet-4.5-20250929"_s);
    QCOMPARE(c.at(2), u"claude-sonnet-4.5-20250929"_s);
    QCOMPARE(c.at(3), u"claude-sonnet-4.5"_s);
    // The dated variant is tried before the undated one.
    QVERIFY(c.indexOf(u"claude-sonnet-4-5-20250929"_s) > 3);
    QVERIFY(c.indexOf(u"claude-sonnet-4-5-20250929"_s) < c.indexOf(u"claude-sonnet-4-5"_s));
    QCOMPARE(QSet<QString>(c.begin(), c.end()).size(), c.size());
    QVERIFY(PriceTable::lookupCandidates(u"").isEmpty());
    // No candidate is a mere prefix of the name (that would be substring matching).
    const QStringList foo = PriceTable::lookupCandidates(u"gpt-5-foo");
    QVERIFY(!foo.contains(u"gpt-5"_s));
}

// Rules the bundled keys cannot show (dotted keys only exist there under
// prefixes we strip), checked on a small table built with insert().
void TestPriceTable::rulesOnCustomTable_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("key");
    QTest::addRow("dash to dot, dated")
        << u"claude-3-5-sonnet-20241022"_s << u"claude-3.5-sonnet"_s;
    QTest::addRow("dash to dot, family first") << u"claude-sonnet-4-5"_s << u"claude-sonnet-4.5"_s;
    QTest::addRow("merged then dotted") << u"claude-35-haiku"_s << u"claude-3-5-haiku"_s;
    QTest::addRow("anthropic/ added") << u"claude-x-1"_s << u"anthropic/claude-x-1"_s;
    QTest::addRow("openai/ added") << u"gpt-z"_s << u"openai/gpt-z"_s;
    QTest::addRow("azure_ai/ stripped") << u"azure_ai/gpt-z"_s << u"openai/gpt-z"_s;
    QTest::addRow("bedrock region, no version")
        << u"apac.anthropic.claude-x-1"_s << u"anthropic/claude-x-1"_s;
    QTest::addRow("no partial match") << u"claude-x"_s << QString();
    QTest::addRow("no suffix match") << u"claude-x-1-preview"_s << QString();
}

void TestPriceTable::rulesOnCustomTable()
{
    QFETCH(QString, model);
    QFETCH(QString, key);
    PriceTable t;
    ModelPrice p;
    p.input = 1e-6;
    p.output = 2e-6;
    for (const QString &k : {u"claude-3.5-sonnet"_s, u"claude-sonnet-4.5"_s, u"claude-3-5-haiku"_s,
                             u"anthropic/claude-x-1"_s, u"openai/gpt-z"_s})
        t.insert(k, p);
    QCOMPARE(t.resolve(model), key);
}

void TestPriceTable::missingCacheRatesFilled()
{
    PriceTable t;
    QString error;
    QVERIFY2(t.loadJson(R"({"version":"t1","models":{
        "claude-test":{"in":2e-6,"out":1e-5},
        "anthropic/other":{"in":4e-6,"out":1e-5},
        "gpt-test":{"in":2e-6,"out":1e-5},
        "gpt-explicit":{"in":2e-6,"out":1e-5,"cw":0,"cr":5e-7}}})",
                        &error),
             qPrintable(error));
    QCOMPARE(t.size(), 4);
    QCOMPARE(t.version(), u"t1"_s);
    QCOMPARE(t.find(u"claude-test")->cacheWrite, 2.5e-6); // 1.25 x input
    QCOMPARE(t.find(u"claude-test")->cacheRead, 2e-7); // 0.1 x input (Anthropic)
    QCOMPARE(t.find(u"anthropic/other")->cacheRead, 4e-7);
    QCOMPARE(t.find(u"gpt-test")->cacheWrite, 2.5e-6);
    QCOMPARE(t.find(u"gpt-test")->cacheRead, 2e-6); // full input rate: conservative
    QCOMPARE(t.find(u"gpt-explicit")->cacheWrite, 0.0); // explicit values stay
    QCOMPARE(t.find(u"gpt-explicit")->cacheRead, 5e-7);

    // gpt-5-pro has no cache_read_input_token_cost in the snapshot.
    QCOMPARE(PriceTable::bundled().find(u"gpt-5-pro")->cacheRead, GptProIn);
    // gpt-5-codex has no cache_creation_input_token_cost: 1.25 x 1.25e-06.
    QCOMPARE(PriceTable::bundled().find(u"gpt-5-codex")->cacheWrite, 1.5625e-06);
}

void TestPriceTable::claudeCost()
{
    const ModelPrice p = *PriceTable::bundled().find(u"claude-sonnet-4-5-20250929");
    const TokenCounts t = tokens(1'000, 2'000, 30'000, 500);
    const double expected =
        1'000 * SonnetIn + 2'000 * SonnetCw + 30'000 * SonnetCr + 500 * SonnetOut;
    QCOMPARE(PriceTable::cost(p, t), expected);
    QCOMPARE(PriceTable::cost(p, t), 0.027); // 0.003 + 0.0075 + 0.009 + 0.0075
    QCOMPARE(PriceTable::cost(p, TokenCounts {}), 0.0);
}

void TestPriceTable::reasoningNotChargedTwice()
{
    const ModelPrice p = *PriceTable::bundled().find(u"gpt-5-codex");
    QCOMPARE(PriceTable::cost(p, tokens(100, 0, 0, 2'000, 1'500)),
             PriceTable::cost(p, tokens(100, 0, 0, 2'000, 0)));
}

void TestPriceTable::oneHourCacheSplit_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<qint64>("cacheWrite1h");
    QTest::addColumn<double>("expected");
    // 10 input, 5,000 cache write, 100 output.
    QTest::addRow("opus 4.1, 1h rate from snapshot")
        << u"claude-opus-4-1-20250805"_s << qint64(2'000)
        << 10 * Opus41In + 3'000 * Opus41Cw + 2'000 * Opus41Cw1h + 100 * Opus41Out;
    QTest::addRow("opus 4.1, all 5m") << u"claude-opus-4-1-20250805"_s << qint64(0)
                                      << 10 * Opus41In + 5'000 * Opus41Cw + 100 * Opus41Out;
    QTest::addRow("sonnet 4.5, no 1h rate: 2 x input")
        << u"claude-sonnet-4-5"_s << qint64(2'000)
        << 10 * SonnetIn + 3'000 * SonnetCw + 2'000 * (2 * SonnetIn) + 100 * SonnetOut;
    QTest::addRow("1h larger than cache write is clamped")
        << u"claude-sonnet-4-5"_s << qint64(9'000)
        << 10 * SonnetIn + 5'000 * (2 * SonnetIn) + 100 * SonnetOut;
    // 0.00015 + 0.05625 + 0.06 + 0.0075, worked out by hand.
    QTest::addRow("opus 4.1 literal") << u"claude-opus-4-1"_s << qint64(2'000) << 0.1239;
}

void TestPriceTable::oneHourCacheSplit()
{
    QFETCH(QString, model);
    QFETCH(qint64, cacheWrite1h);
    QFETCH(double, expected);
    const std::optional<double> c =
        PriceTable::bundled().cost(model, tokens(10, 5'000, 0, 100), cacheWrite1h);
    QVERIFY(c);
    QCOMPARE(*c, expected);
}

void TestPriceTable::longContextTier_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<qint64>("input");
    QTest::addColumn<qint64>("cacheWrite1h");
    QTest::addColumn<double>("expected");
    // Prompt = input + 50,000 cache write + 50,000 cache read; 1,000 output.
    QTest::addRow("199,999: base")
        << u"claude-sonnet-4-5"_s << qint64(99'999) << qint64(0)
        << 99'999 * SonnetIn + 50'000 * SonnetCw + 50'000 * SonnetCr + 1'000 * SonnetOut;
    QTest::addRow("200,000: still base")
        << u"claude-sonnet-4-5"_s << qint64(100'000) << qint64(0)
        << 100'000 * SonnetIn + 50'000 * SonnetCw + 50'000 * SonnetCr + 1'000 * SonnetOut;
    QTest::addRow("200,001: whole request long")
        << u"claude-sonnet-4-5"_s << qint64(100'001) << qint64(0)
        << 100'001 * SonnetIn200k + 50'000 * SonnetCw200k + 50'000 * SonnetCr200k +
            1'000 * SonnetOut200k;
    QTest::addRow("200,001 with 1h write: 2 x long input")
        << u"claude-sonnet-4-5"_s << qint64(100'001) << qint64(10'000)
        << 100'001 * SonnetIn200k + 40'000 * SonnetCw200k + 10'000 * (2 * SonnetIn200k) +
            50'000 * SonnetCr200k + 1'000 * SonnetOut200k;
    QTest::addRow("no tier in model: base")
        << u"gpt-5-codex"_s << qint64(300'000) << qint64(0)
        << 300'000 * CodexIn + 50'000 * 1.5625e-06 + 50'000 * CodexCr + 1'000 * CodexOut;
    // gemini-2.5-pro: input 1.25e-06, output 1e-05, cache_read 1.25e-07,
    // input/output/cache_read/cache_creation _above_200k_tokens 2.5e-06,
    // 1.5e-05, 2.5e-07, 2.5e-07.
    QTest::addRow("gemini long") << u"gemini-2.5-pro"_s << qint64(150'001) << qint64(0)
                                 << 150'001 * 2.5e-06 + 50'000 * 2.5e-07 + 50'000 * 2.5e-07 +
            1'000 * 1.5e-05;
}

void TestPriceTable::longContextTier()
{
    QFETCH(QString, model);
    QFETCH(qint64, input);
    QFETCH(qint64, cacheWrite1h);
    QFETCH(double, expected);
    const std::optional<double> c =
        PriceTable::bundled().cost(model, tokens(input, 50'000, 50'000, 1'000), cacheWrite1h);
    QVERIFY(c);
    QCOMPARE(*c, expected);
}

void TestPriceTable::longContextPartialRates()
{
    // Only input has a long rate: the other fields keep their base rates.
    ModelPrice p;
    p.input = 1e-6;
    p.output = 4e-6;
    p.cacheWrite = 2e-6;
    p.cacheRead = 1e-7;
    p.cacheWrite1h = 3e-6;
    p.inputAbove200k = 5e-6;
    const TokenCounts t = tokens(200'001, 100, 200, 300);
    QCOMPARE(PriceTable::cost(p, t, 50),
             200'001 * 5e-6 + 50 * 2e-6 + 50 * 3e-6 + 200 * 1e-7 + 300 * 4e-6);
    p.inputAbove200k.reset();
    QCOMPARE(PriceTable::cost(p, t, 50),
             200'001 * 1e-6 + 50 * 2e-6 + 50 * 3e-6 + 200 * 1e-7 + 300 * 4e-6);
}

void TestPriceTable::codexCost()
{
    // Codex: input excludes cached tokens (the parser made the buckets
    // disjoint), no cache writes, reasoning inside output.
    const std::optional<double> c =
        PriceTable::bundled().cost(u"gpt-5-codex", tokens(10'000, 0, 50'000, 2'000, 1'500));
    QVERIFY(c);
    QCOMPARE(*c, 10'000 * CodexIn + 50'000 * CodexCr + 2'000 * CodexOut);
    QCOMPARE(*c, 0.03875); // 0.0125 + 0.00625 + 0.02
    // gpt-5-pro has no cache read rate: cached tokens cost full input.
    const std::optional<double> pro =
        PriceTable::bundled().cost(u"gpt-5-pro", tokens(0, 0, 1'000, 0));
    QVERIFY(pro);
    QCOMPARE(*pro, 1'000 * GptProIn);
}

void TestPriceTable::costByName()
{
    const PriceTable &table = PriceTable::bundled();
    const TokenCounts t = tokens(123, 456, 7'890, 321);
    const std::optional<double> byName = table.cost(u"anthropic/claude-sonnet-4.5", t, 56);
    QVERIFY(byName);
    QCOMPARE(*byName,
             123 * SonnetIn + 400 * SonnetCw + 56 * (2 * SonnetIn) + 7'890 * SonnetCr +
                 321 * SonnetOut);
}

void TestPriceTable::overrideCompact()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"prices.json"_s);
    const QByteArray bytes = R"({"models":{
        "claude-sonnet-4-5":{"in":1e-6,"out":2e-6},
        "my-new-model":{"in":4e-6,"out":8e-6,"cr":4e-7}}})";
    QVERIFY(writeFile(path, bytes));

    PriceTable t = PriceTable::bundled();
    const int before = t.size();
    QString error;
    QVERIFY2(t.loadOverrideFile(path, &error), qPrintable(error));
    QCOMPARE(t.size(), before + 1);
    const QString hash = QString::fromLatin1(
        QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex().left(8));
    QCOMPARE(t.version(), u"litellm-4c1b15d6+user-"_s + hash);
    QVERIFY(QRegularExpression(u"^litellm-4c1b15d6\\+user-[0-9a-f]{8}$"_s)
                .match(t.version())
                .hasMatch());

    // Replaced as a whole: cache rates filled from the new input rate, the
    // bundled long-context rates are gone.
    const std::optional<ModelPrice> sonnet = t.find(u"claude-sonnet-4-5-20250929-fast");
    QCOMPARE(t.resolve(u"claude-sonnet-4.5"), u"claude-sonnet-4-5"_s);
    const ModelPrice replaced = *t.find(u"claude-sonnet-4.5");
    QCOMPARE(replaced.input, 1e-6);
    QCOMPARE(replaced.output, 2e-6);
    QCOMPARE(replaced.cacheWrite, 1.25e-6);
    QCOMPARE(replaced.cacheRead, 1e-7);
    QVERIFY(!replaced.hasLongContextRates());
    // The dated key was not in the override file and keeps the bundled price.
    QVERIFY(sonnet);
    QCOMPARE(sonnet->input, SonnetIn);

    QCOMPARE(*t.cost(u"my-new-model", tokens(1'000, 0, 1'000, 1'000)),
             1'000 * 4e-6 + 1'000 * 4e-7 + 1'000 * 8e-6);
    QCOMPARE(*t.cost(u"openai/my-new-model", tokens(1, 0, 0, 0)), 4e-6);
    // Untouched entries and the bundled table itself are unchanged.
    QCOMPARE(t.find(u"gpt-5-codex")->input, CodexIn);
    QCOMPARE(PriceTable::bundled().find(u"claude-sonnet-4-5")->input, SonnetIn);
    QCOMPARE(PriceTable::bundled().version(), u"litellm-4c1b15d6"_s);
    QVERIFY(!PriceTable::bundled().find(u"my-new-model"));
}

void TestPriceTable::overrideLiteLlm()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"litellm.json"_s);
    QVERIFY(writeFile(path, R"({
        "sample_spec": {"input_cost_per_token": 0.0, "output_cost_per_token": 0.0, "mode": "one of: chat"},
        "claude-sonnet-4-5": {"input_cost_per_token": 2e-06, "output_cost_per_token": 1e-05,
            "cache_read_input_token_cost": 2e-07, "cache_creation_input_token_cost_above_1hr": 4e-06,
            "input_cost_per_token_above_200k_tokens": 4e-06, "mode": "chat",
            "max_input_tokens": 200000, "supports_vision": true},
        "brand-new-responses-model": {"input_cost_per_token": 3e-06, "output_cost_per_token": 6e-06,
            "mode": "responses"},
        "some-embedding": {"input_cost_per_token": 1e-07, "output_cost_per_token": 0.0,
            "mode": "embedding"},
        "some-image-model": {"output_cost_per_image": 0.04, "mode": "image_generation"}
    })"));
    PriceTable t = PriceTable::bundled();
    const int before = t.size();
    QString error;
    QVERIFY2(t.loadOverrideFile(path, &error), qPrintable(error));
    QCOMPARE(t.size(), before + 1);
    const ModelPrice p = *t.find(u"claude-sonnet-4-5");
    QCOMPARE(p.input, 2e-6);
    QCOMPARE(p.output, 1e-5);
    QCOMPARE(p.cacheRead, 2e-7);
    QCOMPARE(p.cacheWrite, 2.5e-6);
    QCOMPARE(p.cacheWrite1h.value_or(-1), 4e-6);
    QCOMPARE(p.inputAbove200k.value_or(-1), 4e-6);
    QVERIFY(t.find(u"brand-new-responses-model"));
    QVERIFY(!t.find(u"some-embedding"));
    QVERIFY(!t.find(u"some-image-model"));
    QVERIFY(t.version().startsWith(u"litellm-4c1b15d6+user-"_s));
}

void TestPriceTable::overrideMalformed_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addRow("not json") << QByteArray("{\"models\": {");
    QTest::addRow("empty file") << QByteArray();
    QTest::addRow("array") << QByteArray("[1, 2]");
    QTest::addRow("no entries") << QByteArray("{}");
    QTest::addRow("models not an object") << QByteArray(R"({"models":[]})");
    QTest::addRow("rate is a string")
        << QByteArray(R"({"models":{"claude-sonnet-4-5":{"in":"cheap","out":1e-6}}})");
    QTest::addRow("negative rate")
        << QByteArray(R"({"models":{"claude-sonnet-4-5":{"in":-1e-6,"out":1e-6}}})");
    QTest::addRow("rate over a dollar per token")
        << QByteArray(R"({"models":{"claude-sonnet-4-5":{"in":1e-6,"out":1e-6,"cr":3.6e307}}})");
    QTest::addRow("missing output") << QByteArray(
        R"({"models":{"ok-model":{"in":1e-6,"out":1e-6},"claude-sonnet-4-5":{"in":1e-6}}})");
    QTest::addRow("entry not an object") << QByteArray(R"({"models":{"claude-sonnet-4-5":3}})");
    QTest::addRow("litellm bad rate") << QByteArray(
        R"({"claude-sonnet-4-5":{"input_cost_per_token":"x","output_cost_per_token":1e-6}})");
    QTest::addRow("litellm nothing usable") << QByteArray(
        R"({"e":{"input_cost_per_token":1e-7,"output_cost_per_token":0,"mode":"embedding"}})");
}

void TestPriceTable::overrideMalformed()
{
    QFETCH(QByteArray, content);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"bad.json"_s);
    QVERIFY(writeFile(path, content));
    PriceTable t = PriceTable::bundled();
    const int before = t.size();
    QString error;
    QVERIFY(!t.loadOverrideFile(path, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY2(error.contains(path), qPrintable(error));
    QCOMPARE(t.size(), before);
    QCOMPARE(t.version(), u"litellm-4c1b15d6"_s);
    QCOMPARE(t.find(u"claude-sonnet-4-5")->input, SonnetIn);
    QVERIFY(!t.find(u"ok-model"));
}

void TestPriceTable::overrideMissingFile()
{
    QTemporaryDir dir;
    PriceTable t = PriceTable::bundled();
    QString error;
    QVERIFY(!t.loadOverrideFile(dir.filePath(u"nope.json"_s), &error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(t.version(), u"litellm-4c1b15d6"_s);
}

void TestPriceTable::overrideVersionDependsOnContent()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString a = dir.filePath(u"a.json"_s);
    const QString b = dir.filePath(u"b.json"_s);
    const QString a2 = dir.filePath(u"a2.json"_s);
    QVERIFY(writeFile(a, R"({"models":{"m":{"in":1e-6,"out":2e-6}}})"));
    QVERIFY(writeFile(b, R"({"models":{"m":{"in":1e-6,"out":3e-6}}})"));
    QVERIFY(writeFile(a2, R"({"models":{"m":{"in":1e-6,"out":2e-6}}})"));
    PriceTable ta = PriceTable::bundled();
    PriceTable tb = PriceTable::bundled();
    PriceTable ta2 = PriceTable::bundled();
    QVERIFY(ta.loadOverrideFile(a, nullptr));
    QVERIFY(tb.loadOverrideFile(b, nullptr));
    QVERIFY(ta2.loadOverrideFile(a2, nullptr));
    QVERIFY(ta.version() != tb.version());
    QCOMPARE(ta.version(), ta2.version()); // same bytes, same version, whatever the path
    QVERIFY(ta.version() != PriceTable::bundled().version());
}

void TestPriceTable::loadJsonReplaces()
{
    PriceTable t;
    QCOMPARE(t.size(), 0);
    QCOMPARE(t.resolve(u"gpt-5"), QString());
    QString error;
    QVERIFY(t.loadJson(R"({"version":"v1","models":{"a":{"in":1e-6,"out":1e-6}},
                          "overlay":{"a":{"in":9e-6,"out":9e-6,"derived":"same as x"},
                                     "b":{"in":2e-6,"out":2e-6,"derived":"same as a"}}})",
                       &error));
    QCOMPARE(t.size(), 2);
    QCOMPARE(t.find(u"a")->input, 1e-6); // overlay never shadows a real entry
    QCOMPARE(t.find(u"b")->input, 2e-6);
    QVERIFY(!t.loadJson(R"({"models":{"c":{"in":1e-6,"out":1e-6}}})", &error)); // no version
    QVERIFY(!t.loadJson("nonsense", &error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(t.version(), u"v1"_s);
    QCOMPARE(t.size(), 2);
    QVERIFY(t.loadJson(R"({"version":"v2","models":{"c":{"in":1e-6,"out":1e-6}}})", &error));
    QCOMPARE(t.size(), 1);
    QVERIFY(!t.find(u"a"));
    QCOMPARE(t.version(), u"v2"_s);
}

void TestPriceTable::resourceMatchesSourceTree()
{
    const QByteArray committed =
        TestHelpers::readFile(TestHelpers::sourceDir() + u"/resources/prices/model-prices.json"_s);
    QVERIFY(!committed.isEmpty());
    QCOMPARE(TestHelpers::readFile(u":/tokentally/prices/model-prices.json"_s), committed);
    const QJsonObject source =
        QJsonDocument::fromJson(committed).object().value(u"source"_s).toObject();
    QCOMPARE(source.value(u"commit"_s).toString(), u"4c1b15d6854c9ccad7e4348ed6f45edc45f8039d"_s);
    // sha256 of /work/shared/data/litellm-model-prices.json (spec/usage-formats.md section 8.7).
    QCOMPARE(source.value(u"sha256"_s).toString(),
             u"40ed7046364779934a7a27f6d1271ee33e61a174c0e336a3423abd5282b6e65c"_s);
}

// derive_prices.py on a small LiteLLM-shaped file; its output must load.
void TestPriceTable::deriveScript()
{
    QString python = QStringLiteral(TOKENTALLY_PYTHON);
    if (python.isEmpty())
        python = u"python3"_s;
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString in = dir.filePath(u"litellm.json"_s);
    const QString out = dir.filePath(u"out.json"_s);
    QVERIFY(writeFile(in, R"({
        "sample_spec": {"input_cost_per_token": 0.0, "output_cost_per_token": 0.0, "mode": "one of: chat, embedding"},
        "claude-sonnet-4-20250514": {"input_cost_per_token": 3e-06, "output_cost_per_token": 1.5e-05,
            "cache_creation_input_token_cost": 3.75e-06, "cache_read_input_token_cost": 3e-07,
            "cache_creation_input_token_cost_above_1hr": 6e-06,
            "input_cost_per_token_above_200k_tokens": 6e-06, "mode": "chat",
            "supports_vision": true, "max_input_tokens": 1000000},
        "claude-opus-4": {"input_cost_per_token": 1e-06, "output_cost_per_token": 2e-06},
        "claude-opus-4-20250514": {"input_cost_per_token": 1.5e-05, "output_cost_per_token": 7.5e-05, "mode": "chat"},
        "gpt-5-codex": {"input_cost_per_token": 1.25e-06, "output_cost_per_token": 1e-05, "mode": "responses"},
        "text-embedding-x": {"input_cost_per_token": 1e-07, "output_cost_per_token": 0.0, "mode": "embedding"},
        "no-output-rate": {"input_cost_per_token": 1e-07, "mode": "chat"},
        "dall-e-x": {"output_cost_per_image": 0.04, "mode": "image_generation"}
    })"));
    QProcess p;
    p.start(python,
            {TestHelpers::sourceDir() + u"/resources/prices/derive_prices.py"_s, in, u"--out"_s,
             out, u"--commit"_s, u"0123456789abcdef0123456789abcdef01234567"_s, u"--date"_s,
             u"2020-01-02"_s});
    QVERIFY(p.waitForFinished(60000));
    QVERIFY2(p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0,
             p.readAllStandardError().constData());
    const QByteArray json = TestHelpers::readFile(out);
    PriceTable t;
    QString error;
    QVERIFY2(t.loadJson(json, &error), qPrintable(error));
    QCOMPARE(t.version(), u"litellm-01234567"_s);
    QVERIFY(t.contains(u"claude-sonnet-4-20250514"_s));
    QVERIFY(t.contains(u"gpt-5-codex"_s));
    QVERIFY(t.contains(u"claude-opus-4"_s)); // no mode: kept
    QVERIFY(!t.contains(u"text-embedding-x"_s));
    QVERIFY(!t.contains(u"no-output-rate"_s));
    QVERIFY(!t.contains(u"dall-e-x"_s));
    QVERIFY(!t.contains(u"sample_spec"_s));
    // Overlay: claude-sonnet-4 copies its dated sibling ...
    QVERIFY(t.contains(u"claude-sonnet-4"_s));
    QCOMPARE(t.find(u"claude-sonnet-4")->cacheWrite1h.value_or(-1), 6e-06);
    QCOMPARE(t.find(u"claude-sonnet-4")->inputAbove200k.value_or(-1), 6e-06);
    // ... but never shadows an entry the input has,
    QCOMPARE(t.find(u"claude-opus-4")->input, 1e-06);
    // and is skipped when its sibling is missing (no claude-3-7-sonnet-latest here).
    QVERIFY(!t.contains(u"claude-3-7-sonnet"_s));
    const QJsonObject root = QJsonDocument::fromJson(json).object();
    QCOMPARE(root.value(u"overlay"_s)
                 .toObject()
                 .value(u"claude-sonnet-4"_s)
                 .toObject()
                 .value(u"derived"_s)
                 .toString()
                 .left(32),
             u"same as claude-sonnet-4-20250514"_s);
    QCOMPARE(root.value(u"source"_s).toObject().value(u"date"_s).toString(), u"2020-01-02"_s);
    QCOMPARE(root.value(u"source"_s).toObject().value(u"sha256"_s).toString(),
             QString::fromLatin1(
                 QCryptographicHash::hash(TestHelpers::readFile(in), QCryptographicHash::Sha256)
                     .toHex()));
}

QTEST_GUILESS_MAIN(TestPriceTable)
#include "test_pricetable.moc"
