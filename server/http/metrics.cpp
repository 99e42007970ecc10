#include "metrics.h"

#include <sqlite3.h>

#include <QByteArray>

namespace {

bool startsWith(const std::string &s, const char *prefix)
{
    return s.rfind(prefix, 0) == 0;
}

std::string number(double v)
{
    return QByteArray::number(v, 'g', 17).toStdString();
}

} // namespace

std::string Metrics::routeLabel(const std::string &method, const std::string &path)
{
    static const char *const fixed[] = {"/",
                                        "/healthz",
                                        "/metrics",
                                        "/how-it-works",
                                        "/favicon.ico",
                                        "/api/v1/register",
                                        "/api/v1/devices",
                                        "/api/v1/submissions",
                                        "/api/v1/me",
                                        "/api/v1/leaderboard",
                                        "/api/v1/stats"};
    std::string route = "other";
    for (const char *f : fixed) {
        if (path == f)
            route = f;
    }
    if (route == "other") {
        if (startsWith(path, "/api/v1/users/"))
            route = "/api/v1/users/{name}";
        else if (startsWith(path, "/api/v1/devices/") && path.size() > 26 &&
                 path.compare(path.size() - 10, 10, "/checksums") == 0)
            route = "/api/v1/devices/{id}/checksums";
        else if (startsWith(path, "/badge/"))
            route = "/badge/{badge}";
        else if (startsWith(path, "/u/"))
            route = "/u/{name}";
        else if (startsWith(path, "/static/"))
            route = "/static/{file}";
    }
    static const char *const methods[] = {"GET", "HEAD",   "POST",   "PATCH",
                                          "PUT", "DELETE", "OPTIONS"};
    std::string m = "OTHER";
    for (const char *known : methods) {
        if (method == known)
            m = known;
    }
    return m + " " + route;
}

void Metrics::record(const std::string &method, const std::string &path, int status, double seconds)
{
    const std::string route = routeLabel(method, path);
    std::lock_guard lock(m_mutex);
    ++m_requests[{route, status}];
    Histogram &h = m_durations[route];
    for (size_t i = 0; i < Buckets.size(); ++i) {
        if (seconds <= Buckets[i])
            ++h.counts[i];
    }
    ++h.count;
    h.sum += seconds;
}

void Metrics::acceptedSubmission(int buckets)
{
    ++m_submissions;
    m_buckets += buckets;
}

std::string Metrics::render(const StoreStats &s, const QString &backend)
{
    std::string out;
    out += "# HELP tokentally_http_requests_total HTTP requests by route and status.\n"
           "# TYPE tokentally_http_requests_total counter\n";
    std::map<std::string, Histogram> durations;
    {
        std::lock_guard lock(m_mutex);
        for (const auto &[key, count] : m_requests) {
            out += "tokentally_http_requests_total{route=\"" + key.first + "\",status=\"" +
                std::to_string(key.second) + "\"} " + std::to_string(count) + "\n";
        }
        durations = m_durations;
    }
    out += "# HELP tokentally_http_request_duration_seconds Time from reading a request to "
           "answering it, by route.\n"
           "# TYPE tokentally_http_request_duration_seconds histogram\n";
    for (const auto &[route, h] : durations) {
        const std::string prefix =
            "tokentally_http_request_duration_seconds_bucket{route=\"" + route + "\",le=\"";
        for (size_t i = 0; i < Buckets.size(); ++i)
            out += prefix + number(Buckets[i]) + "\"} " + std::to_string(h.counts[i]) + "\n";
        out += prefix + "+Inf\"} " + std::to_string(h.count) + "\n";
        out += "tokentally_http_request_duration_seconds_sum{route=\"" + route + "\"} " +
            number(h.sum) + "\n";
        out += "tokentally_http_request_duration_seconds_count{route=\"" + route + "\"} " +
            std::to_string(h.count) + "\n";
    }
    auto metric = [&out](const char *name, const char *help, const char *type, double value) {
        out += std::string("# HELP ") + name + " " + help + "\n# TYPE " + name + " " + type + "\n" +
            name + " " + number(value) + "\n";
    };
    metric("tokentally_accepted_submissions_total", "Submissions accepted by this process.",
           "counter", double(m_submissions.load()));
    metric("tokentally_accepted_buckets_total", "Buckets accepted by this process.", "counter",
           double(m_buckets.load()));
    metric("tokentally_users", "Registered users.", "gauge", double(s.users));
    metric("tokentally_public_users", "Users on the boards.", "gauge", double(s.publicUsers));
    metric("tokentally_devices", "Registered devices.", "gauge", double(s.devices));
    metric("tokentally_buckets", "Stored hourly buckets.", "gauge", double(s.buckets));
    metric("tokentally_tokens", "Tokens in all stored buckets.", "gauge", double(s.tokens));
    // Most of a SQLite server's memory is page cache: this tells cache from leak.
    metric("tokentally_sqlite_heap_bytes",
           "Heap memory SQLite holds in this process (page caches, statements).", "gauge",
           double(sqlite3_memory_used()));
    out += "# HELP tokentally_info The server's version and storage backend.\n"
           "# TYPE tokentally_info gauge\n"
           "tokentally_info{version=\"" TOKENTALLY_VERSION "\",backend=\"" +
        backend.toStdString() + "\"} 1\n";
    return out;
}
