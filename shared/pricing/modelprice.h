#pragma once

#include <optional>

//! \brief Rates of one model in USD per token (LiteLLM's units).
//!
//! Missing cache rates are filled when the table is loaded (cache write =
//! 1.25 x input, cache read = 0.1 x input for Anthropic models, else the input
//! rate), so every field here is usable as is. The `above200k` rates apply to a
//! whole request whose prompt (input + cacheWrite + cacheRead) exceeds 200,000
//! tokens, as Anthropic bills long context.
struct ModelPrice
{
    double input = 0;
    double output = 0;
    double cacheWrite = 0;
    double cacheRead = 0;
    std::optional<double> cacheWrite1h;
    std::optional<double> inputAbove200k;
    std::optional<double> outputAbove200k;
    std::optional<double> cacheWriteAbove200k;
    std::optional<double> cacheReadAbove200k;
};
