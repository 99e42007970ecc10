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
    //! One-hour cache write in a long-context request (LiteLLM's
    //! cache_creation_input_token_cost_above_1hr_above_200k_tokens).
    std::optional<double> cacheWrite1hAbove200k;

    //! True when the model has any above-200k rate, i.e. long-context billing applies.
    bool hasLongContextRates() const
    {
        return inputAbove200k || outputAbove200k || cacheWriteAbove200k || cacheReadAbove200k ||
            cacheWrite1hAbove200k;
    }
};
