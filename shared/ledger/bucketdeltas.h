#pragma once

#include "store/storedrecord.h"

#include <cstddef>
#include <cstdint>
#include <unordered_map>

class Database;

//! \brief Changes to the hourly usage buckets (hour, agent, model, session),
//! summed in memory and written in one pass. Costs are integer nano-dollars so
//! that adding and later removing a record leaves exactly what a fresh scan
//! computes.
class BucketDeltas
{
public:
    //! Adds (+1) or removes (-1) one counted record.
    void add(const StoredRecord &r, int sign);
    //! Upserts every changed bucket and deletes the emptied ones.
    bool write(Database &db);
    //! The change of counted messages.
    std::int64_t counted() const { return m_counted; }
    void clear();

    static std::int64_t nanoUsd(double cost);

private:
    struct Key
    {
        std::int64_t hour;
        std::uint32_t agent, model, session;
        bool operator==(const Key &) const = default;
    };
    struct KeyHash
    {
        std::size_t operator()(const Key &k) const;
    };
    struct Sum
    {
        std::int64_t input = 0, cacheWrite = 0, cacheRead = 0, output = 0, reasoning = 0;
        std::int64_t messages = 0, costNano = 0, unpriced = 0;
    };
    std::unordered_map<Key, Sum, KeyHash> m_map;
    std::int64_t m_counted = 0;
};
