#pragma once

#include <QHashFunctions>
#include <QString>

#include <cstdint>
#include <tuple>

//! \brief The identity of one row on the server: (UTC hour, agent, model) of a device.
struct BucketKey
{
    std::int64_t hour = 0;
    QString agent;
    QString model;

    friend bool operator==(const BucketKey &, const BucketKey &) = default;
    friend bool operator<(const BucketKey &a, const BucketKey &b)
    {
        return std::tie(a.hour, a.agent, a.model) < std::tie(b.hour, b.agent, b.model);
    }
    friend size_t qHash(const BucketKey &key, size_t seed = 0)
    {
        return qHashMulti(seed, key.hour, key.agent, key.model);
    }
};
