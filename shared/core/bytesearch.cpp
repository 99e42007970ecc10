#include "bytesearch.h"

#include <cstring>

#include <immintrin.h>

namespace {

const char *findSse2(const char *b, const char *e, std::string_view n)
{
    const size_t k = n.size();
    const __m128i first = _mm_set1_epi8(n.front());
    const __m128i last = _mm_set1_epi8(n.back());
    for (const char *p = b; p + k <= e; p += 16) {
        const __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
        const __m128i z = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p + k - 1));
        unsigned mask = unsigned(
            _mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(a, first), _mm_cmpeq_epi8(z, last))));
        while (mask) {
            const int bit = __builtin_ctz(mask);
            const char *hit = p + bit;
            if (hit + k > e)
                return nullptr;
            if (std::memcmp(hit + 1, n.data() + 1, k - 2) == 0)
                return hit;
            mask &= mask - 1;
        }
    }
    return nullptr;
}

__attribute__((target("avx2"))) const char *findAvx2(const char *b, const char *e,
                                                     std::string_view n)
{
    const size_t k = n.size();
    const __m256i first = _mm256_set1_epi8(n.front());
    const __m256i last = _mm256_set1_epi8(n.back());
    for (const char *p = b; p + k <= e; p += 32) {
        const __m256i a = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(p));
        const __m256i z = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(p + k - 1));
        unsigned mask = unsigned(_mm256_movemask_epi8(
            _mm256_and_si256(_mm256_cmpeq_epi8(a, first), _mm256_cmpeq_epi8(z, last))));
        while (mask) {
            const int bit = __builtin_ctz(mask);
            const char *hit = p + bit;
            if (hit + k > e)
                return nullptr;
            if (std::memcmp(hit + 1, n.data() + 1, k - 2) == 0)
                return hit;
            mask &= mask - 1;
        }
    }
    return nullptr;
}

using Finder = const char *(*)(const char *, const char *, std::string_view);

Finder pickFinder()
{
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") ? findAvx2 : findSse2;
}

} // namespace

const char *findBytes(const char *begin, const char *end, std::string_view needle)
{
    static const Finder finder = pickFinder();
    if (needle.size() < 2 || needle.size() > 32 || end - begin < std::ptrdiff_t(needle.size()))
        return needle.empty() ? begin : nullptr;
    return finder(begin, end, needle);
}
