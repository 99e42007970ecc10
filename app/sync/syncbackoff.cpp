#include "syncbackoff.h"

#include <QRandomGenerator>

#include <algorithm>

SyncBackoff::SyncBackoff(std::int64_t baseMs, std::int64_t capMs, std::function<double()> random)
    : m_baseMs(std::max<std::int64_t>(1, baseMs))
    , m_capMs(std::max(capMs, m_baseMs))
    , m_random(random ? std::move(random) : std::function<double()>([] {
        return QRandomGenerator::global()->generateDouble();
    }))
{
}

std::int64_t SyncBackoff::delayMs(int failures, int retryAfterSeconds) const
{
    const double r = std::clamp(m_random(), 0.0, 1.0);
    if (retryAfterSeconds >= 0) {
        // The server said when: never sooner, and a little later for the same
        // reason as the jitter below (everyone limited at once comes back spread).
        const std::int64_t floor = std::int64_t(retryAfterSeconds) * 1000;
        return floor + std::int64_t(double(std::max<std::int64_t>(floor, 1000)) * 0.1 * r);
    }
    std::int64_t backoff = m_baseMs;
    for (int i = 1; i < failures && backoff < m_capMs; ++i)
        backoff *= 2;
    backoff = std::min(backoff, m_capMs);
    return backoff / 2 + std::int64_t(double(backoff - backoff / 2) * r);
}
