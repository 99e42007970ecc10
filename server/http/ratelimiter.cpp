#include "ratelimiter.h"

#include <algorithm>
#include <cmath>

int RateLimiter::take(const QString &key, int perPeriod, std::chrono::seconds period)
{
    if (perPeriod <= 0)
        return 0;
    const auto now = Clock::now();
    const double rate = double(perPeriod) / double(period.count()); // per second
    std::lock_guard lock(m_mutex);
    if (m_buckets.size() > 100000)
        m_buckets.clear(); // Bounded memory under address spraying.
    auto it = m_buckets.find(key);
    if (it == m_buckets.end())
        it = m_buckets.insert(key, {double(perPeriod), now});
    const double elapsed = std::chrono::duration<double>(now - it->updated).count();
    it->tokens = std::min(double(perPeriod), it->tokens + elapsed * rate);
    it->updated = now;
    if (it->tokens >= 1) {
        it->tokens -= 1;
        return 0;
    }
    return std::max(1, int(std::ceil((1 - it->tokens) / rate)));
}

int RateLimiter::authDelay(const QString &ip)
{
    std::lock_guard lock(m_mutex);
    auto it = m_failures.constFind(ip);
    if (it == m_failures.cend())
        return 0;
    const auto now = Clock::now();
    if (it->blockedUntil <= now)
        return 0;
    return std::max(1,
                    int(std::ceil(std::chrono::duration<double>(it->blockedUntil - now).count())));
}

void RateLimiter::authFailed(const QString &ip, int threshold)
{
    std::lock_guard lock(m_mutex);
    const auto now = Clock::now();
    Failures &f = m_failures[ip];
    // Old failures are forgiven after 15 quiet minutes.
    if (now - f.last > std::chrono::minutes(15))
        f.count = 0;
    f.last = now;
    ++f.count;
    if (f.count >= threshold) {
        const int exponent = std::min(f.count - threshold, 10);
        f.blockedUntil = now + std::chrono::seconds(std::min(900, 1 << exponent));
    }
}

void RateLimiter::authSucceeded(const QString &ip)
{
    std::lock_guard lock(m_mutex);
    m_failures.remove(ip);
}
