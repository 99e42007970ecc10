#pragma once

#include "pricing/modelprice.h"

#include <QString>

#include <functional>
#include <optional>
#include <string>
#include <unordered_map>

class Database;
class PriceTable;
struct FileUpdate;

//! \brief Prices parsed records through the store's per-model cache
//! (`price_cache`, keyed by the table's fingerprint), so that a scan meeting
//! only known models never loads the whole table. Runs inside the scan's
//! transaction.
class RecordPricer
{
public:
    RecordPricer(Database &db, QString fingerprint, std::function<const PriceTable &()> table);

    bool price(FileUpdate &update, QString *error);
    //! The version of the table when it had to be loaded, else empty.
    QString loadedVersion() const { return m_loadedVersion; }

private:
    const std::optional<ModelPrice> &resolve(const std::string &model, bool *ok);

    Database &m_db;
    QString m_fingerprint;
    std::function<const PriceTable &()> m_table;
    QString m_loadedVersion;
    std::unordered_map<std::string, std::optional<ModelPrice>> m_resolved;
};
