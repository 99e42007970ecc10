#pragma once

#include <cstdint>

//! \brief The token counts of one model call or of an aggregate (DESIGN.md §2).
//!
//! `input`, `cacheWrite`, `cacheRead` and `output` are disjoint and add up to
//! total(); `reasoning` is the part of `output` that was reasoning and is never
//! added again.
struct TokenCounts
{
    std::int64_t input = 0;
    std::int64_t cacheWrite = 0;
    std::int64_t cacheRead = 0;
    std::int64_t output = 0;
    std::int64_t reasoning = 0;

    constexpr std::int64_t total() const { return input + cacheWrite + cacheRead + output; }
    constexpr bool isZero() const { return total() == 0 && reasoning == 0; }

    constexpr TokenCounts &operator+=(const TokenCounts &o)
    {
        input += o.input;
        cacheWrite += o.cacheWrite;
        cacheRead += o.cacheRead;
        output += o.output;
        reasoning += o.reasoning;
        return *this;
    }
    constexpr TokenCounts &operator-=(const TokenCounts &o)
    {
        input -= o.input;
        cacheWrite -= o.cacheWrite;
        cacheRead -= o.cacheRead;
        output -= o.output;
        reasoning -= o.reasoning;
        return *this;
    }
    friend constexpr bool operator==(const TokenCounts &, const TokenCounts &) = default;
};
