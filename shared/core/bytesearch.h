#pragma once

#include <string_view>

//! \brief Finds \a needle (2 to 32 bytes) in [begin, end), or returns nullptr.
//!
//! A SIMD first-and-last-byte filter (AVX2 where the CPU has it, else SSE2):
//! several times faster than memmem on JSON text, where quotes are everywhere.
//! Reads up to 32 bytes past \a end, so the buffer must be padded.
const char *findBytes(const char *begin, const char *end, std::string_view needle);
