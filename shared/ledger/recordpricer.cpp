#include "recordpricer.h"

#include "ledger/fileupdate.h"
#include "pricing/pricetable.h"
#include "store/database.h"

#include <cmath>
#include <cstring>
#include <limits>
#include <vector>

namespace {

constexpr int PriceFields = 11;

QByteArray packPrice(const ModelPrice &p)
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double v[PriceFields] = {p.input,
                                   p.output,
                                   p.cacheWrite,
                                   p.cacheRead,
                                   p.cacheWrite1h.value_or(nan),
                                   p.inputAbove200k.value_or(nan),
                                   p.outputAbove200k.value_or(nan),
                                   p.cacheWriteAbove200k.value_or(nan),
                                   p.cacheReadAbove200k.value_or(nan),
                                   p.cacheWrite1hAbove200k.value_or(nan),
                                   0};
    return QByteArray(reinterpret_cast<const char *>(v), sizeof(v));
}

std::optional<ModelPrice> unpackPrice(std::string_view blob)
{
    if (blob.size() != PriceFields * sizeof(double))
        return std::nullopt;
    double v[PriceFields];
    std::memcpy(v, blob.data(), sizeof(v));
    auto opt = [](double d) {
        return std::isnan(d) ? std::optional<double>() : std::optional(d);
    };
    ModelPrice p;
    p.input = v[0];
    p.output = v[1];
    p.cacheWrite = v[2];
    p.cacheRead = v[3];
    p.cacheWrite1h = opt(v[4]);
    p.inputAbove200k = opt(v[5]);
    p.outputAbove200k = opt(v[6]);
    p.cacheWriteAbove200k = opt(v[7]);
    p.cacheReadAbove200k = opt(v[8]);
    p.cacheWrite1hAbove200k = opt(v[9]);
    return p;
}

} // namespace

RecordPricer::RecordPricer(Database &db, QString fingerprint,
                           std::function<const PriceTable &()> table)
    : m_db(db)
    , m_fingerprint(std::move(fingerprint))
    , m_table(std::move(table))
{
}

const std::optional<ModelPrice> &RecordPricer::resolve(const std::string &model, bool *ok)
{
    auto it = m_resolved.find(model);
    if (it != m_resolved.end())
        return it->second;
    // From the cache for this table, else from the table itself (loaded only
    // then), remembering the answer.
    std::optional<ModelPrice> price;
    Statement lookup(m_db, "SELECT price FROM price_cache WHERE fingerprint = ?1 AND model = ?2");
    lookup.bind(1, m_fingerprint).bind(2, std::string_view(model));
    if (lookup.step()) {
        price = lookup.isNull(0) ? std::nullopt : unpackPrice(lookup.blobView(0));
    } else {
        const PriceTable &table = m_table();
        m_loadedVersion = table.version();
        price = table.find(QString::fromStdString(model));
        Statement insert(m_db,
                         "INSERT OR REPLACE INTO price_cache(fingerprint, model, price) "
                         "VALUES(?1, ?2, ?3)");
        insert.bind(1, m_fingerprint).bind(2, std::string_view(model));
        if (price) {
            const QByteArray blob = packPrice(*price);
            insert.bindBlob(3, blob.constData(), int(blob.size()));
        } else {
            insert.bindNull(3);
        }
        *ok = insert.run();
    }
    return m_resolved.emplace(model, price).first->second;
}

bool RecordPricer::price(FileUpdate &u, QString *error)
{
    std::vector<const std::optional<ModelPrice> *> byIndex;
    byIndex.reserve(u.result.models.size());
    bool ok = true;
    for (const std::string &name : u.result.models)
        byIndex.push_back(&resolve(name, &ok));
    if (!ok) {
        if (error)
            *error = QStringLiteral("cannot write the price cache: %1").arg(m_db.lastError());
        return false;
    }
    for (UsageRecord &r : u.result.records) {
        const auto &price = *byIndex[r.model];
        r.cost = price ? PriceTable::cost(*price, r.tokens, r.cacheWrite1h)
                       : std::numeric_limits<double>::quiet_NaN();
    }
    return true;
}
