#include "clock.h"

#include "core/timestamps.h"

#include <QByteArray>
#include <QDateTime>

#include <atomic>
#include <limits>

namespace {

constexpr std::int64_t Unset = std::numeric_limits<std::int64_t>::min();

std::int64_t fromEnvironment()
{
    const QByteArray value = qgetenv("TOKENTALLY_NOW");
    if (value.isEmpty())
        return Unset;
    bool ok = false;
    const qlonglong ms = value.toLongLong(&ok);
    if (ok)
        return ms;
    const auto parsed =
        parseIsoTimestampMs(std::string_view(value.constData(), size_t(value.size())));
    return parsed ? *parsed : Unset;
}

std::atomic<std::int64_t> &pinned()
{
    static std::atomic<std::int64_t> value {fromEnvironment()};
    return value;
}

} // namespace

namespace Clock {

std::int64_t nowMs()
{
    const std::int64_t p = pinned().load(std::memory_order_relaxed);
    return p != Unset ? p : QDateTime::currentMSecsSinceEpoch();
}

void setForTesting(std::optional<std::int64_t> ms)
{
    pinned().store(ms ? *ms : Unset, std::memory_order_relaxed);
}

} // namespace Clock
