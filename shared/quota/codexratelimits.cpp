#include "codexratelimits.h"

#include "quota/quotawindow.h"

#include <cctype>
#include <cmath>
#include <string_view>

using namespace Qt::StringLiterals;

namespace {

// 2015: no Codex rollout is older; earlier times are corrupt.
constexpr std::int64_t EarliestMs = 1420070400000;
// A reset further than this after the observation is not a real window's.
constexpr std::int64_t MaxResetAheadS = 400LL * 24 * 3600;

std::optional<double> number(simdjson::dom::object &obj, std::string_view key)
{
    auto field = obj.at_key(key);
    if (field.error())
        return std::nullopt;
    double d = 0;
    if (field.get_double().get(d) == simdjson::SUCCESS)
        return d;
    std::int64_t i = 0;
    if (field.get_int64().get(i) == simdjson::SUCCESS)
        return double(i);
    return std::nullopt;
}

bool isNull(simdjson::dom::object &obj, std::string_view key)
{
    auto field = obj.at_key(key);
    return field.error() || field.is_null();
}

// A limit id names a model-scoped bucket; only a short plain word is kept.
std::optional<QString> limitPrefix(simdjson::dom::object &limits)
{
    std::string_view id;
    if (limits.at_key("limit_id").get_string().get(id) != simdjson::SUCCESS || id.empty() ||
        id == "codex")
        return QString();
    if (id.size() > 40)
        return std::nullopt;
    for (char c : id) {
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.'))
            return std::nullopt;
    }
    return QString::fromLatin1(id.data(), qsizetype(id.size())) + u'/';
}

void keep(QuotaObservation &&o, QuotaReadings &out)
{
    const std::int64_t slot = o.observedMs / CodexRateLimits::HistorySlotMs;
    // Events come in time order: a match is nearly always among the last few.
    for (auto it = out.observations.rbegin(); it != out.observations.rend(); ++it) {
        if (it->window == o.window && it->observedMs / CodexRateLimits::HistorySlotMs == slot) {
            if (o.observedMs >= it->observedMs)
                *it = std::move(o);
            return;
        }
    }
    out.observations.push_back(std::move(o));
}

} // namespace

void CodexRateLimits::collect(simdjson::dom::object &payload, std::optional<std::int64_t> eventMs,
                              std::int64_t notAfterMs, QuotaReadings &out)
{
    simdjson::dom::object limits;
    if (payload.at_key("rate_limits").get_object().get(limits) != simdjson::SUCCESS)
        return; // null or absent: erases nothing
    int present = 0;
    for (std::string_view slot : {"primary", "secondary"})
        present += isNull(limits, slot) ? 0 : 1;
    if (present == 0)
        return;
    if (!eventMs || *eventMs < EarliestMs || *eventMs > notAfterMs) {
        out.skipped += present;
        return;
    }
    const auto prefix = limitPrefix(limits);
    for (std::string_view slot : {"primary", "secondary"}) {
        if (isNull(limits, slot))
            continue;
        simdjson::dom::object w;
        if (limits.at_key(slot).get_object().get(w) != simdjson::SUCCESS || !prefix) {
            ++out.skipped;
            continue;
        }
        const auto used = number(w, "used_percent");
        const auto minutes = number(w, "window_minutes");
        if (!used || !std::isfinite(*used) || *used < 0 || *used > 100 || !minutes ||
            *minutes != std::floor(*minutes) || std::abs(*minutes) > 1e9) {
            ++out.skipped;
            continue;
        }
        const auto name = QuotaWindow::classify((long long)*minutes);
        if (!name) {
            ++out.skipped;
            continue;
        }
        std::optional<std::int64_t> resetsAt;
        const std::int64_t eventS = *eventMs / 1000;
        if (auto at = number(w, "resets_at")) {
            if (std::isfinite(*at) && *at >= double(eventS) - 60 &&
                *at <= double(eventS + MaxResetAheadS))
                resetsAt = std::int64_t(*at);
        } else if (auto in = number(w, "resets_in_seconds")) {
            if (std::isfinite(*in) && *in >= 0 && *in <= double(MaxResetAheadS))
                resetsAt = eventS + std::int64_t(*in);
        }
        const bool hadReset = !isNull(w, "resets_at") || !isNull(w, "resets_in_seconds");
        if (hadReset && !resetsAt) {
            ++out.skipped;
            continue;
        }
        keep({Agent::Codex, *prefix + *name, *used, resetsAt, *eventMs,
              QuotaObservation::SourceCodexLog.toString()},
             out);
    }
}
