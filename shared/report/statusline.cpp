#include "statusline.h"

#include "core/timestamps.h"
#include "report/report.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace {

// 9999-12-31T23:59:59Z. A number past it (1e300) would overflow the cast to
// int64, and nothing that far off is a reset time.
constexpr double LastResetSecond = 253402300799.0;

std::optional<std::int64_t> plausibleSeconds(double v)
{
    if (!std::isfinite(v))
        return std::nullopt;
    const double seconds = v > 1e12 ? v / 1000 : v; // milliseconds above 10^12
    // Below one second it would truncate to the epoch itself (.5 parses).
    if (seconds < 1 || seconds > LastResetSecond)
        return std::nullopt;
    return std::int64_t(seconds);
}

} // namespace

std::optional<std::int64_t> StatuslineInput::parseResetTime(const QJsonValue &value)
{
    if (value.isDouble())
        return plausibleSeconds(value.toDouble());
    if (value.isString()) {
        const QString text = value.toString().trimmed();
        const QByteArray utf8 = text.toUtf8();
        if (auto ms = parseIsoTimestampMs(std::string_view(utf8.constData(), size_t(utf8.size()))))
            return *ms > 0 ? std::optional<std::int64_t>(*ms / 1000) : std::nullopt;
        // ISO-8601 with microseconds or other forms Qt knows.
        const QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
        if (t.isValid())
            return plausibleSeconds(double(t.toSecsSinceEpoch()));
        bool ok = false;
        const double v = text.toDouble(&ok);
        if (ok)
            return plausibleSeconds(v);
    }
    return std::nullopt;
}

std::optional<StatuslineInput> StatuslineInput::parse(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (!doc.isObject()) {
        if (error)
            *error = json.trimmed().isEmpty() ? u"no input"_s : u"input is not a JSON object"_s;
        return std::nullopt;
    }
    const QJsonObject o = doc.object();
    StatuslineInput in;
    in.sessionId = o.value(u"session_id"_s).toString();
    in.transcriptPath = o.value(u"transcript_path"_s).toString();
    const QJsonValue model = o.value(u"model"_s);
    if (model.isObject()) {
        in.model = model.toObject().value(u"display_name"_s).toString();
        if (in.model.isEmpty())
            in.model = model.toObject().value(u"id"_s).toString();
    } else {
        in.model = model.toString();
    }
    const QJsonObject limits = o.value(u"rate_limits"_s).toObject();
    auto limit = [&](const QString &key) -> std::optional<Limit> {
        const QJsonObject w = limits.value(key).toObject();
        const QJsonValue used = w.value(u"used_percentage"_s);
        // A percentage, liberally above 100 (over the limit), never below 0.
        if (!used.isDouble() || !(used.toDouble() >= 0 && used.toDouble() <= 1000))
            return std::nullopt;
        return Limit {used.toDouble(), parseResetTime(w.value(u"resets_at"_s))};
    };
    in.fiveHour = limit(u"five_hour"_s);
    in.sevenDay = limit(u"seven_day"_s);
    return in;
}

std::optional<std::int64_t>
StatuslineFigures::currentBlockStart(const std::vector<std::int64_t> &hours,
                                     std::int64_t nowSeconds)
{
    // Blocks chain forward from the first call; walking forward from the
    // oldest hour given gives the same chain as long as that hour starts a
    // block, which compute() makes sure of (a gap of five hours before it).
    std::optional<std::int64_t> start;
    for (const std::int64_t h : hours) {
        if (h > nowSeconds)
            break;
        if (!start || h >= *start + BlockSeconds)
            start = h;
    }
    if (!start || nowSeconds >= *start + BlockSeconds)
        return std::nullopt;
    return start;
}

std::optional<double> StatuslineFigures::cost(const BucketTotals &t)
{
    if (t.messages > 0 && t.unpricedMessages >= t.messages)
        return std::nullopt;
    return double(t.costNanoUsd) / 1e9;
}

StatuslineFigures StatuslineFigures::compute(LocalStore &store, const StatuslineInput &input,
                                             std::int64_t nowMs, const QTimeZone &zone)
{
    StatuslineFigures f;
    constexpr std::int64_t Ever = std::int64_t(1) << 60;
    if (!input.sessionId.isEmpty()) {
        if (const auto id = store.sessionId(Agent::ClaudeCode, input.sessionId))
            f.session = store.totals(-Ever, Ever, Agent::ClaudeCode, *id);
    }
    ReportQuery today;
    today.timeZone = zone;
    const QDate date = QDateTime::fromMSecsSinceEpoch(nowMs, zone).date();
    today.since = today.until = date;
    const auto [from, to] = Report::hourRange(today);
    f.today = store.totals(from, to);

    // The block running now started at most five hours ago, but which hour it
    // started in depends on the chain of blocks before it: walk back to a gap
    // of five idle hours, which always ends a block.
    const std::int64_t now = nowMs / 1000;
    std::int64_t lookback = 2 * 86400;
    std::vector<std::int64_t> hours;
    for (;;) {
        hours = store.activeHours(Agent::ClaudeCode, now - lookback, now + 1);
        bool anchored = hours.empty() || hours.front() - (now - lookback) >= BlockSeconds;
        for (size_t i = 1; !anchored && i < hours.size(); ++i)
            anchored = hours[i] - hours[i - 1] >= BlockSeconds;
        if (anchored || lookback >= 64 * 86400)
            break;
        lookback *= 2;
    }
    // Start from the last gap so the chain is anchored where a block must begin.
    size_t first = 0;
    for (size_t i = 1; i < hours.size(); ++i) {
        if (hours[i] - hours[i - 1] >= BlockSeconds)
            first = i;
    }
    const std::vector<std::int64_t> chain(hours.begin() + std::ptrdiff_t(first), hours.end());
    if (const auto start = currentBlockStart(chain, now)) {
        Block b;
        b.startSeconds = *start;
        b.endSeconds = *start + BlockSeconds;
        b.totals = store.totals(b.startSeconds, b.endSeconds, Agent::ClaudeCode);
        if (const auto c = cost(b.totals)) {
            const double hoursIn = std::max<double>(double(now - b.startSeconds), 300.0) / 3600.0;
            b.burnPerHour = *c / hoursIn;
        }
        f.block = b;
    }
    return f;
}
