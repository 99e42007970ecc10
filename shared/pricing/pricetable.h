#pragma once

#include "core/tokencounts.h"
#include "pricing/modelprice.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>

//! \brief Model prices: the bundled snapshot (resources/prices) plus optional
//! user overrides, with model-name normalization for lookups.
//!
//! Thread-safe for concurrent const use once built.
class PriceTable
{
public:
    //! A request whose prompt (input + cacheWrite + cacheRead) exceeds this many
    //! tokens is billed at the model's above-200k rates as a whole.
    static constexpr std::int64_t LongContextThreshold = 200'000;

    PriceTable() = default;

    //! \brief The table compiled into the binary (resources/prices/model-prices.json).
    static const PriceTable &bundled();
    //! \brief A cheap identity of the bundled table's bytes, without loading it
    //! (lets a scan with nothing new skip the table yet notice a new snapshot).
    static QString bundledFingerprint();

    //! \brief Parses a table in the bundled JSON format. Returns false and sets
    //! \a error on malformed input; the table is left unchanged then.
    bool loadJson(const QByteArray &json, QString *error);
    //! \brief Reads a user override file (same format, or LiteLLM's format;
    //! entries replace or add models). Returns false with \a error if unreadable.
    bool loadOverrideFile(const QString &path, QString *error);

    //! \brief "litellm-<commit8>" for the bundled table, with "+user-<hash8>" when
    //! overrides were applied. Recorded with every priced aggregate.
    QString version() const { return m_version; }
    int size() const { return int(m_prices.size()); }

    //! \brief The table key a model name resolves to (after normalization), or
    //! an empty string when the model is unknown.
    QString resolve(QStringView model) const;
    //! \brief The names resolve() looks up for \a model, in order, without
    //! duplicates (docs/pricing.md lists the rules). Empty for an empty name.
    static QStringList lookupCandidates(QStringView model);
    //! \brief True when \a key is a table key as is (no normalization).
    bool contains(const QString &key) const { return m_prices.contains(key); }
    //! \brief The price of a model, or nothing when unknown.
    std::optional<ModelPrice> find(QStringView model) const;

    //! \brief Cost of one model call in USD, or nothing when the model is
    //! unpriced. \a cacheWrite1h is the part of tokens.cacheWrite written with a
    //! one-hour TTL (Claude's cache_creation.ephemeral_1h_input_tokens).
    std::optional<double> cost(QStringView model, const TokenCounts &tokens,
                               std::int64_t cacheWrite1h = 0) const;
    //! \brief Cost with known rates (no lookup).
    static double cost(const ModelPrice &price, const TokenCounts &tokens,
                       std::int64_t cacheWrite1h = 0);

    //! \brief Adds or replaces one entry (tests, overrides).
    void insert(const QString &key, const ModelPrice &price);

private:
    QHash<QString, ModelPrice> m_prices;
    QString m_version;
};
