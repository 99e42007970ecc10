#pragma once

#include "store/serverstore.h"

#include <array>
#include <atomic>
#include <map>
#include <mutex>
#include <string>

//! \brief The process's Prometheus metrics (GET /metrics, text format 0.0.4):
//! requests by route and status, request durations by route (histogram),
//! ingest counters, and the store's totals. Counters are per process; sum
//! them across processes in Prometheus.
class Metrics
{
public:
    //! The route template of a path ("/api/v1/users/{name}"): user names and
    //! ids never become labels, so the label set stays small.
    static std::string routeLabel(const std::string &method, const std::string &path);
    void record(const std::string &method, const std::string &path, int status, double seconds);
    void acceptedSubmission(int buckets);
    std::string render(const StoreStats &stats, const QString &backend);

    static constexpr std::array<double, 12> Buckets {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                     0.1,   0.25,   0.5,   1,    2.5,   5};

private:
    struct Histogram
    {
        std::array<std::int64_t, Buckets.size()> counts {};
        std::int64_t count = 0;
        double sum = 0;
    };
    std::mutex m_mutex;
    std::map<std::pair<std::string, int>, std::int64_t> m_requests;
    std::map<std::string, Histogram> m_durations;
    std::atomic<std::int64_t> m_submissions {0};
    std::atomic<std::int64_t> m_buckets {0};
};
