#pragma once

#include <cstdint>
#include <string_view>

//! \brief A stable 64-bit hash for dedup keys and file identities (FNV-1a with a
//! murmur-style finalizer). Stable across builds and platforms, unlike std::hash,
//! because the values are stored on disk.
constexpr std::uint64_t hash64(std::string_view data, std::uint64_t seed = 0)
{
    std::uint64_t h = 1469598103934665603ULL ^ (seed * 0x9E3779B97F4A7C15ULL);
    for (const char c : data) {
        h ^= static_cast<unsigned char>(c);
        h *= 1099511628211ULL;
    }
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return h;
}

//! \brief Mixes \a value into \a h (for hashing tuples).
constexpr std::uint64_t hashCombine(std::uint64_t h, std::uint64_t value)
{
    h ^= value + 0x9E3779B97F4A7C15ULL + (h << 6) + (h >> 2);
    h ^= h >> 31;
    h *= 0xbf58476d1ce4e5b9ULL;
    h ^= h >> 29;
    return h;
}
