#pragma once

#include <QHash>
#include <QString>

#include <chrono>
#include <mutex>

//! \brief Token buckets per key (IP, API token) and growing delays after
//! failed authentication per IP.
class RateLimiter
{
public:
    //! Takes one request from \a key's bucket, which refills \a perPeriod
    //! requests each \a period and holds at most \a perPeriod. Returns 0 when
    //! allowed, else the seconds to wait.
    int take(const QString &key, int perPeriod, std::chrono::seconds period);

    //! Seconds until \a ip may try to authenticate again (0: now).
    int authDelay(const QString &ip);
    //! Counts a failure; from the \a threshold-th one on, each failure doubles
    //! the wait (1 s, 2 s, 4 s ... up to 15 min).
    void authFailed(const QString &ip, int threshold);
    void authSucceeded(const QString &ip);

private:
    using Clock = std::chrono::steady_clock;
    struct Bucket
    {
        double tokens = 0;
        Clock::time_point updated;
    };
    struct Failures
    {
        int count = 0;
        Clock::time_point blockedUntil;
        Clock::time_point last;
    };
    std::mutex m_mutex;
    QHash<QString, Bucket> m_buckets;
    QHash<QString, Failures> m_failures;
};
