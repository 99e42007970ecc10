// Price files into PriceTable: the bundled format through loadJson() and a
// user's override file (ours or LiteLLM's flat map) through
// loadOverrideFile(); then model-name lookups, with names from the file and
// with the whole input as a model name (names come from agents' logs).
// A loaded table must price every model it holds at a finite, non-negative
// cost for any token counts a record can carry (up to 2^53 each).

#include "fuzzsupport.h"
#include "pricing/pricetable.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {

constexpr std::int64_t MaxCount = std::int64_t(1) << 53;

void checkCosts(const PriceTable &table, const QString &model)
{
    const QString key = table.resolve(model);
    if (key.isEmpty()) {
        FUZZ_CHECK(!table.cost(model, TokenCounts {1, 1, 1, 1, 0}).has_value());
        return;
    }
    FUZZ_CHECK(table.contains(key));
    for (const TokenCounts &t : {TokenCounts {1, 0, 0, 0, 0}, TokenCounts {0, 0, 0, 1, 0},
                                 TokenCounts {150'000, 40'000, 20'000, 9'000, 1'000},
                                 TokenCounts {MaxCount, MaxCount, MaxCount, MaxCount, MaxCount}}) {
        for (std::int64_t cw1h : {std::int64_t(0), t.cacheWrite, MaxCount}) {
            const std::optional<double> c = table.cost(model, t, cw1h);
            FUZZ_CHECK(c.has_value());
            FUZZ_CHECK(std::isfinite(*c) && *c >= 0);
        }
    }
}

void checkName(const QString &name)
{
    const QStringList candidates = PriceTable::lookupCandidates(name);
    FUZZ_CHECK(candidates.isEmpty() == name.trimmed().isEmpty());
    FUZZ_CHECK(QSet<QString>(candidates.begin(), candidates.end()).size() == candidates.size());
    for (const QString &c : candidates)
        FUZZ_CHECK(!c.isEmpty());
    checkCosts(PriceTable::bundled(), name);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    if (size <= 256)
        checkName(QString::fromUtf8(bytes));

    QStringList names;
    const QJsonObject root = QJsonDocument::fromJson(bytes).object();
    for (const QJsonObject &o :
         {root, root.value(u"models"_s).toObject(), root.value(u"overlay"_s).toObject()}) {
        for (auto it = o.begin(); it != o.end() && names.size() < 16; ++it)
            names << it.key();
    }

    PriceTable bundledFormat;
    QString error;
    if (bundledFormat.loadJson(bytes, &error)) {
        FUZZ_CHECK(!bundledFormat.version().isEmpty());
        for (const QString &n : std::as_const(names))
            checkCosts(bundledFormat, n);
    } else {
        FUZZ_CHECK(!error.isEmpty());
        FUZZ_CHECK(bundledFormat.size() == 0);
    }

    static const QString path = FuzzSupport::scratchDir() + u"/prices.json"_s;
    QFile file(path);
    FUZZ_CHECK(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(bytes);
    file.close();
    PriceTable user;
    error.clear();
    if (user.loadOverrideFile(path, &error)) {
        FUZZ_CHECK(user.size() > 0);
        FUZZ_CHECK(user.version().contains(u"+user-"_s));
        for (const QString &n : std::as_const(names))
            checkCosts(user, n);
    } else {
        FUZZ_CHECK(!error.isEmpty());
        FUZZ_CHECK(user.size() == 0);
    }
    for (const QString &n : std::as_const(names))
        checkName(n);
    return 0;
}
