#pragma once

#include <cstdint>

//! \brief A usage record as kept in the store's chunk blobs (fixed layout, host
//! byte order; the store is a local cache of this machine, never shipped).
struct StoredRecord
{
    std::int64_t timestampMs;
    std::uint64_t groupKey;
    std::uint64_t subKey;
    std::int64_t ordinal;
    std::int64_t input;
    std::int64_t cacheWrite;
    std::int64_t cacheRead;
    std::int64_t output;
    std::int64_t reasoning;
    std::int64_t cacheWrite1h;
    double cost; //!< NaN when unpriced
    std::uint32_t modelId;
    std::uint32_t sessionId;
    std::uint32_t fileId;
    std::uint8_t agent;
    std::uint8_t flags;
    std::uint16_t reserved;
};
static_assert(sizeof(StoredRecord) == 104);
