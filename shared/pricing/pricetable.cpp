#include "pricing/pricetable.h"

#include "core/hash64.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>
#include <QLoggingCategory>
#include <QResource>

#include <algorithm>
#include <array>
#include <cmath>

using namespace Qt::StringLiterals;

namespace {

Q_LOGGING_CATEGORY(lcPricing, "tokentally.pricing")

const QString BundledResource = u":/tokentally/prices/model-prices.json"_s;

// Our compact field names and LiteLLM's long ones; an entry may use either.
struct RateField
{
    const char16_t *shortName;
    const char16_t *longName;
};
constexpr RateField InputField {u"in", u"input_cost_per_token"};
constexpr RateField OutputField {u"out", u"output_cost_per_token"};
constexpr RateField CacheWriteField {u"cw", u"cache_creation_input_token_cost"};
constexpr RateField CacheReadField {u"cr", u"cache_read_input_token_cost"};
constexpr RateField CacheWrite1hField {u"cw1h", u"cache_creation_input_token_cost_above_1hr"};
constexpr RateField InputLongField {u"in200k", u"input_cost_per_token_above_200k_tokens"};
constexpr RateField OutputLongField {u"out200k", u"output_cost_per_token_above_200k_tokens"};
constexpr RateField CacheWriteLongField {u"cw200k",
                                         u"cache_creation_input_token_cost_above_200k_tokens"};
constexpr RateField CacheReadLongField {u"cr200k",
                                        u"cache_read_input_token_cost_above_200k_tokens"};
constexpr RateField CacheWrite1hLongField {
    u"cw1h200k", u"cache_creation_input_token_cost_above_1hr_above_200k_tokens"};

enum class EntryFormat {
    Compact, // ours: every entry must carry input and output rates
    LiteLlm, // foreign: entries that are not chat models are skipped, as derive_prices.py does
};

enum class EntryResult {
    Ok,
    Skipped,
    Error,
};

// No model costs anywhere near a dollar per token (the dearest real rates are
// below 1e-3); a larger rate is a unit mistake, and near DBL_MAX it made costs
// infinite (found by tests/fuzz/fuzz_prices).
constexpr double MaxRate = 1.0;

// Reads one rate. Absent is fine; present but not a finite number from 0 to
// MaxRate makes the whole file malformed (a typo must not price at 0).
bool readRate(const QJsonObject &entry, const RateField &field, std::optional<double> *out,
              QString *error)
{
    QJsonValue value = entry.value(QStringView(field.shortName).toString());
    QString name = QStringView(field.shortName).toString();
    if (value.isUndefined()) {
        value = entry.value(QStringView(field.longName).toString());
        name = QStringView(field.longName).toString();
    }
    if (value.isUndefined() || value.isNull()) {
        out->reset();
        return true;
    }
    if (!value.isDouble() || !std::isfinite(value.toDouble()) || value.toDouble() < 0 ||
        value.toDouble() > MaxRate) {
        *error = u"field %1 is not a price from 0 to 1 USD per token"_s.arg(name);
        return false;
    }
    *out = value.toDouble();
    return true;
}

bool isAnthropicModel(const QString &key)
{
    return key.contains(u"claude"_s, Qt::CaseInsensitive) ||
        key.contains(u"anthropic"_s, Qt::CaseInsensitive);
}

EntryResult parseEntry(const QString &key, const QJsonValue &value, EntryFormat format,
                       ModelPrice *price, QString *error)
{
    if (!value.isObject()) {
        if (format == EntryFormat::LiteLlm)
            return EntryResult::Skipped;
        *error = u"model %1: entry is not an object"_s.arg(key);
        return EntryResult::Error;
    }
    const QJsonObject entry = value.toObject();
    if (format == EntryFormat::LiteLlm) {
        const QJsonValue mode = entry.value(u"mode"_s);
        if (!mode.isUndefined() && mode.toString() != u"chat"_s &&
            mode.toString() != u"responses"_s)
            return EntryResult::Skipped;
    }

    std::optional<double> in, out, cw, cr;
    ModelPrice p;
    QString fieldError;
    const bool ok = readRate(entry, InputField, &in, &fieldError) &&
        readRate(entry, OutputField, &out, &fieldError) &&
        readRate(entry, CacheWriteField, &cw, &fieldError) &&
        readRate(entry, CacheReadField, &cr, &fieldError) &&
        readRate(entry, CacheWrite1hField, &p.cacheWrite1h, &fieldError) &&
        readRate(entry, InputLongField, &p.inputAbove200k, &fieldError) &&
        readRate(entry, OutputLongField, &p.outputAbove200k, &fieldError) &&
        readRate(entry, CacheWriteLongField, &p.cacheWriteAbove200k, &fieldError) &&
        readRate(entry, CacheReadLongField, &p.cacheReadAbove200k, &fieldError) &&
        readRate(entry, CacheWrite1hLongField, &p.cacheWrite1hAbove200k, &fieldError);
    if (!ok) {
        *error = u"model %1: %2"_s.arg(key, fieldError);
        return EntryResult::Error;
    }
    if (!in || !out) {
        if (format == EntryFormat::LiteLlm)
            return EntryResult::Skipped;
        *error = u"model %1: input and output rates are required"_s.arg(key);
        return EntryResult::Error;
    }
    p.input = *in;
    p.output = *out;
    // Fill missing cache rates here so that every ModelPrice is usable as is.
    // Only Anthropic documents the 0.1x read discount for all its models; for
    // anyone else charging reads at the full input rate can only overstate.
    p.cacheWrite = cw.value_or(1.25 * p.input);
    p.cacheRead = cr.value_or(isAnthropicModel(key) ? 0.1 * p.input : p.input);
    *price = p;
    return EntryResult::Ok;
}

// Parses every entry of \a models into \a out; the first error stops it.
bool parseModels(const QJsonObject &models, EntryFormat format, QHash<QString, ModelPrice> *out,
                 QString *error)
{
    for (auto it = models.constBegin(); it != models.constEnd(); ++it) {
        if (it.key().isEmpty()) {
            *error = u"empty model name"_s;
            return false;
        }
        if (format == EntryFormat::LiteLlm && it.key() == u"sample_spec"_s)
            continue;
        ModelPrice price;
        switch (parseEntry(it.key(), it.value(), format, &price, error)) {
        case EntryResult::Ok:
            out->insert(it.key(), price);
            break;
        case EntryResult::Skipped:
            break;
        case EntryResult::Error:
            return false;
        }
    }
    return true;
}

// Our format: {"version", "models": {...}, "overlay": {...}}. Overlay entries
// never replace a real entry of the same name.
bool parseCompact(const QJsonObject &root, QHash<QString, ModelPrice> *out, QString *error)
{
    const QJsonValue models = root.value(u"models"_s);
    if (!models.isObject()) {
        *error = u"\"models\" is not an object"_s;
        return false;
    }
    if (!parseModels(models.toObject(), EntryFormat::Compact, out, error))
        return false;
    const QJsonValue overlay = root.value(u"overlay"_s);
    if (overlay.isUndefined())
        return true;
    if (!overlay.isObject()) {
        *error = u"\"overlay\" is not an object"_s;
        return false;
    }
    QHash<QString, ModelPrice> extra;
    if (!parseModels(overlay.toObject(), EntryFormat::Compact, &extra, error))
        return false;
    for (auto it = extra.constBegin(); it != extra.constEnd(); ++it) {
        if (!out->contains(it.key()))
            out->insert(it.key(), it.value());
    }
    return true;
}

bool parseRoot(const QByteArray &json, QJsonObject *root, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error =
            u"JSON error at offset %1: %2"_s.arg(parseError.offset).arg(parseError.errorString());
        return false;
    }
    if (!doc.isObject()) {
        *error = u"the top level is not an object"_s;
        return false;
    }
    *root = doc.object();
    return true;
}

void setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
}

// --- Model-name normalization (docs/pricing.md, "Finding a model") ---------

bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

bool allDigits(QStringView s)
{
    return !s.isEmpty() && std::all_of(s.begin(), s.end(), isDigit);
}

// Provider and routing prefixes. "openrouter/" also takes the vendor segment
// after it ("openrouter/anthropic/claude-sonnet-4.5"). Bedrock's
// "<region>.anthropic." form is handled in stripOnePrefix().
constexpr std::array<const char16_t *, 10> PathPrefixes {
    u"anthropic/", u"openai/", u"azure/",  u"azure_ai/", u"bedrock/",
    u"vertex_ai/", u"google/", u"gemini/", u"models/",   u"openrouter/",
};
constexpr std::array<const char16_t *, 7> BedrockRegions {
    u"us.", u"eu.", u"apac.", u"global.", u"au.", u"jp.", u"us-gov.",
};

bool stripOnePrefix(QString *name)
{
    for (const char16_t *prefix : PathPrefixes) {
        const QStringView p(prefix);
        if (!name->startsWith(p) || name->size() == p.size())
            continue;
        name->remove(0, p.size());
        if (p == u"openrouter/") {
            const qsizetype slash = name->indexOf(u'/');
            if (slash > 0 && slash + 1 < name->size())
                name->remove(0, slash + 1);
        }
        return true;
    }
    for (const char16_t *region : BedrockRegions) {
        const QStringView r(region);
        if (name->startsWith(r) && QStringView(*name).mid(r.size()).startsWith(u"anthropic.")) {
            name->remove(0, r.size());
            return true;
        }
    }
    if (name->startsWith(u"anthropic.") && name->size() > 10) {
        name->remove(0, 10);
        return true;
    }
    return false;
}

// Vendors whose own API prices a bare model name (step 7).
constexpr std::array<const char16_t *, 8> VendorPrefixes {
    u"anthropic/", u"openai/",  u"gemini/",   u"xai/",
    u"zai/",       u"mistral/", u"deepseek/", u"moonshot/",
};

// Variant suffixes that do not change the per-token price we can know about.
constexpr std::array<const char16_t *, 9> VariantSuffixes {
    u"-fast",   u":free",  u":beta",  u":thinking", u":extended",
    u":exacto", u":nitro", u":floor", u":online",
};

bool stripOneSuffix(QString *name)
{
    for (const char16_t *suffix : VariantSuffixes) {
        const QStringView s(suffix);
        if (name->endsWith(s) && name->size() > s.size()) {
            name->chop(s.size());
            return true;
        }
    }
    return false;
}

// Bedrock's "-v1:0" / "-v2" model version.
bool stripVersionSuffix(QString *name)
{
    const qsizetype v = name->lastIndexOf(u"-v");
    if (v <= 0)
        return false;
    const QStringView tail = QStringView(*name).mid(v + 2);
    const qsizetype colon = tail.indexOf(u':');
    const bool ok =
        colon < 0 ? allDigits(tail) : allDigits(tail.left(colon)) && allDigits(tail.mid(colon + 1));
    if (ok)
        name->truncate(v);
    return ok;
}

// "-20250929", "@20250929" (Vertex) and "-2025-08-07" (OpenAI).
bool stripDateSuffix(QString *name)
{
    const qsizetype n = name->size();
    if (n > 9 && (name->at(n - 9) == u'-' || name->at(n - 9) == u'@') &&
        allDigits(QStringView(*name).right(8))) {
        name->truncate(n - 9);
        return true;
    }
    if (n > 11 && name->at(n - 11) == u'-' && name->at(n - 6) == u'-' && name->at(n - 3) == u'-' &&
        allDigits(QStringView(*name).mid(n - 10, 4)) &&
        allDigits(QStringView(*name).mid(n - 5, 2)) && allDigits(QStringView(*name).right(2))) {
        name->truncate(n - 11);
        return true;
    }
    return false;
}

// Claude version spellings: "4.5" <-> "4-5" and "45" -> "4-5".
QStringList claudeVariants(const QString &name)
{
    QStringList variants;
    if (!name.contains(u"claude"))
        return variants;

    // Dots between digits become dashes: claude-sonnet-4.5 -> claude-sonnet-4-5.
    QString dashed = name;
    for (qsizetype i = 1; i + 1 < dashed.size(); ++i) {
        if (dashed.at(i) == u'.' && isDigit(dashed.at(i - 1)) && isDigit(dashed.at(i + 1)))
            dashed[i] = u'-';
    }
    if (dashed != name)
        variants << dashed;

    // Two single-digit segments become one dotted version (OpenRouter and
    // Copilot keys): claude-3-5-sonnet -> claude-3.5-sonnet. Single digits
    // only, so a date segment is never touched.
    const QList<QStringView> parts = QStringView(name).split(u'-');
    for (qsizetype i = 0; i + 1 < parts.size(); ++i) {
        if (parts[i].size() == 1 && isDigit(parts[i][0]) && parts[i + 1].size() == 1 &&
            isDigit(parts[i + 1][0])) {
            QStringList rebuilt;
            for (qsizetype j = 0; j < parts.size(); ++j) {
                if (j == i) {
                    rebuilt << QString(parts[j].toString() + u'.' + parts[j + 1].toString());
                    ++j;
                } else {
                    rebuilt << parts[j].toString();
                }
            }
            variants << rebuilt.join(u'-');
            break;
        }
    }

    // A two-digit version after the family word is split: claude-opus-45 ->
    // claude-opus-4-5, claude-35-sonnet -> claude-3-5-sonnet.
    for (qsizetype i = 1; i < parts.size(); ++i) {
        const QStringView prev = parts[i - 1];
        if (parts[i].size() == 2 && allDigits(parts[i]) &&
            (prev == u"claude" || prev == u"opus" || prev == u"sonnet" || prev == u"haiku")) {
            QStringList rebuilt;
            for (qsizetype j = 0; j < parts.size(); ++j)
                rebuilt << (j == i ? QString(parts[j].left(1).toString() + u'-' +
                                             parts[j].mid(1).toString())
                                   : parts[j].toString());
            variants << rebuilt.join(u'-');
            break;
        }
    }
    return variants;
}

// Calls \a visit with each name to look up, in rule order, without
// duplicates, until it returns true (docs/pricing.md, "Finding a model").
template<typename Visit> void visitCandidates(QStringView model, Visit visit)
{
    QStringList seen;
    bool done = false;
    auto add = [&](const QString &name) {
        if (done || name.isEmpty() || seen.contains(name))
            return;
        seen << name;
        done = visit(name);
    };
    const QString exact = model.trimmed().toString();
    if (exact.isEmpty())
        return;
    add(exact);
    QString name = exact.toLower();
    add(name);
    while (!done && stripOnePrefix(&name))
        add(name);
    while (!done && stripOneSuffix(&name))
        add(name);
    // Most specific first: with the version, then without it, then without the date.
    QStringList chain {name};
    if (stripVersionSuffix(&name)) {
        add(name);
        chain << name;
    }
    if (stripDateSuffix(&name)) {
        add(name);
        chain << name;
    }
    QStringList bases = chain;
    for (const QString &base : std::as_const(chain)) {
        if (done)
            return;
        const QStringList variants = claudeVariants(base);
        for (const QString &variant : variants) {
            add(variant);
            bases << variant;
        }
    }
    // First-party APIs only: a reseller's price is never guessed for a bare name.
    for (const QString &base : std::as_const(bases)) {
        for (const char16_t *vendor : VendorPrefixes)
            add(QStringView(vendor).toString() + base);
    }
}

} // namespace

// Q_INIT_RESOURCE declares a function, so it must be used at global scope.
static bool initBundledResource()
{
    Q_INIT_RESOURCE(core_prices);
    return true;
}

const PriceTable &PriceTable::bundled()
{
    // A function-local static: C++ guarantees one thread-safe initialization.
    static const PriceTable table = [] {
        initBundledResource();
        PriceTable t;
        QFile file(BundledResource);
        QString error;
        if (!file.open(QIODevice::ReadOnly))
            qCCritical(lcPricing, "bundled price table %s missing", qPrintable(BundledResource));
        else if (!t.loadJson(file.readAll(), &error))
            qCCritical(lcPricing, "bundled price table is malformed: %s", qPrintable(error));
        return t;
    }();
    return table;
}

QString PriceTable::bundledFingerprint()
{
    // The snapshot's SHA-256, taken by CMake when it is configured: every
    // scan asks, and hashing the resource cost a statusline a millisecond.
    return QStringLiteral("bundled-" TOKENTALLY_PRICES_SHA256);
}

bool PriceTable::loadJson(const QByteArray &json, QString *error)
{
    QJsonObject root;
    QString message;
    if (!parseRoot(json, &root, &message)) {
        setError(error, message);
        return false;
    }
    const QString version = root.value(u"version"_s).toString();
    if (version.isEmpty()) {
        setError(error, u"\"version\" is missing"_s);
        return false;
    }
    QHash<QString, ModelPrice> prices;
    if (!parseCompact(root, &prices, &message)) {
        setError(error, message);
        return false;
    }
    m_prices = std::move(prices);
    m_version = version;
    return true;
}

bool PriceTable::loadOverrideFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        setError(error, u"%1: %2"_s.arg(path, file.errorString()));
        return false;
    }
    const QByteArray bytes = file.readAll();
    QJsonObject root;
    QString message;
    if (!parseRoot(bytes, &root, &message)) {
        setError(error, u"%1: %2"_s.arg(path, message));
        return false;
    }
    // Ours has a "models" object; anything else is read as LiteLLM's flat map.
    QHash<QString, ModelPrice> prices;
    const bool ok = root.contains(u"models"_s)
        ? parseCompact(root, &prices, &message)
        : parseModels(root, EntryFormat::LiteLlm, &prices, &message);
    if (!ok) {
        setError(error, u"%1: %2"_s.arg(path, message));
        return false;
    }
    if (prices.isEmpty()) {
        setError(error, u"%1: no model prices found"_s.arg(path));
        return false;
    }
    for (auto it = prices.constBegin(); it != prices.constEnd(); ++it)
        m_prices.insert(it.key(), it.value());
    const QByteArray hash = QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
    m_version += u"+user-"_s + QString::fromLatin1(hash.left(8));
    return true;
}

QStringList PriceTable::lookupCandidates(QStringView model)
{
    QStringList out;
    visitCandidates(model, [&out](const QString &name) {
        out << name;
        return false;
    });
    return out;
}

QString PriceTable::resolve(QStringView model) const
{
    // Most names from real logs are exact keys: skip the normalization.
    const QString exact = model.toString();
    if (m_prices.contains(exact))
        return exact;
    QString found;
    visitCandidates(model, [this, &found](const QString &name) {
        if (!m_prices.contains(name))
            return false;
        found = name;
        return true;
    });
    return found;
}

std::optional<ModelPrice> PriceTable::find(QStringView model) const
{
    const QString key = resolve(model);
    if (key.isEmpty())
        return std::nullopt;
    return m_prices.value(key);
}

std::optional<double> PriceTable::cost(QStringView model, const TokenCounts &tokens,
                                       std::int64_t cacheWrite1h) const
{
    const std::optional<ModelPrice> price = find(model);
    if (!price)
        return std::nullopt;
    return cost(*price, tokens, cacheWrite1h);
}

double PriceTable::cost(const ModelPrice &price, const TokenCounts &tokens,
                        std::int64_t cacheWrite1h)
{
    cacheWrite1h =
        std::clamp<std::int64_t>(cacheWrite1h, 0, std::max<std::int64_t>(0, tokens.cacheWrite));
    const std::int64_t prompt = tokens.input + tokens.cacheWrite + tokens.cacheRead;
    // Anthropic bills the whole request at long-context rates once its prompt
    // exceeds the threshold; fields without such a rate keep the base rate.
    const bool longContext = prompt > LongContextThreshold && price.hasLongContextRates();
    auto rate = [longContext](double base, const std::optional<double> &above) {
        return longContext && above ? *above : base;
    };
    const double in = rate(price.input, price.inputAbove200k);
    const double out = rate(price.output, price.outputAbove200k);
    const double cw = rate(price.cacheWrite, price.cacheWriteAbove200k);
    const double cr = rate(price.cacheRead, price.cacheReadAbove200k);
    double cw1h = 2 * in; // Anthropic: a one-hour write costs twice the input rate
    if (longContext && price.cacheWrite1hAbove200k)
        cw1h = *price.cacheWrite1hAbove200k;
    else if (price.cacheWrite1h)
        cw1h = *price.cacheWrite1h;

    const auto n = [](std::int64_t v) {
        return static_cast<double>(v);
    };
    return n(tokens.input) * in + n(tokens.cacheWrite - cacheWrite1h) * cw +
        n(cacheWrite1h) * cw1h + n(tokens.cacheRead) * cr + n(tokens.output) * out;
}

void PriceTable::insert(const QString &key, const ModelPrice &price)
{
    m_prices.insert(key, price);
}
