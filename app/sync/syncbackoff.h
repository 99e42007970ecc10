#pragma once

#include <cstdint>
#include <functional>

//! When to try a failed submit again: exponential backoff with jitter, and at
//! least the server's Retry-After after a 429. Pure, so tests pin the random
//! source and check the numbers.
class SyncBackoff
{
public:
    //! \a random returns a uniform value in [0, 1); the default uses QRandomGenerator.
    explicit SyncBackoff(std::int64_t baseMs = 30'000, std::int64_t capMs = 30 * 60'000,
                         std::function<double()> random = {});

    std::int64_t baseMs() const { return m_baseMs; }
    std::int64_t capMs() const { return m_capMs; }

    //! The delay before retry number \a failures (1: after the first failure).
    //! The backoff doubles per failure up to the cap; the delay is drawn from its
    //! upper half ("equal jitter": never sooner than half, spread so that many
    //! clients that failed together do not come back together). A Retry-After
    //! of \a retryAfterSeconds (>= 0) is a floor: the delay is that plus up to 10%.
    std::int64_t delayMs(int failures, int retryAfterSeconds = -1) const;

private:
    std::int64_t m_baseMs;
    std::int64_t m_capMs;
    std::function<double()> m_random;
};
