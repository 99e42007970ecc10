#include "payloadbuilder.h"

#include <QDate>
#include <QSysInfo>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace {

constexpr std::int64_t SecondsPerDay = 86400;
// The server's rules (server ingest): no hour before 2020 or over an hour
// ahead, and caps on messages and sessions per bucket.
constexpr std::int64_t Epoch2020 = 1577836800;
constexpr std::int64_t MaxMessages = 100000;
constexpr std::int64_t MaxSessions = 10000;

QString localProblem(const WireBucket &b, std::int64_t nowSecs)
{
    if (b.agent.isEmpty())
        return u"unknown agent"_s;
    if (b.hour > nowSecs + 3600)
        return u"hour in the future"_s;
    if (b.hour < Epoch2020)
        return u"hour before 2020"_s;
    if (const char *problem = WireCodec::bucketProblem(b))
        return QString::fromLatin1(problem);
    if (b.messages > MaxMessages || b.sessions > MaxSessions)
        return u"messages or sessions over the cap"_s;
    return {};
}

BucketKey keyOf(const WireBucket &b)
{
    return {b.hour, b.agent, b.model};
}

std::int64_t dayOf(std::int64_t hour)
{
    return hour >= 0 ? hour / SecondsPerDay : (hour - SecondsPerDay + 1) / SecondsPerDay;
}

} // namespace

LocalDays PayloadBuilder::collect(const QList<WireBucket> &hourly, const QSet<BucketKey> &sent,
                                  const QList<RejectedBucket> &refused, std::int64_t nowSecs)
{
    LocalDays out;
    QSet<BucketKey> refusedKeys;
    for (const RejectedBucket &r : refused)
        refusedKeys.insert(r.key);
    QSet<BucketKey> present;
    for (const WireBucket &b : hourly) {
        const BucketKey key = keyOf(b);
        present.insert(key);
        if (refusedKeys.contains(key))
            continue;
        const QString problem = localProblem(b, nowSecs);
        if (!problem.isEmpty()) {
            out.skipped.append({key, problem});
            continue;
        }
        out.days[dayOf(b.hour)].append(b);
    }
    for (const BucketKey &key : sent) {
        if (present.contains(key) || refusedKeys.contains(key))
            continue;
        WireBucket zero;
        zero.hour = key.hour;
        zero.agent = key.agent;
        zero.model = key.model;
        out.days[dayOf(key.hour)].append(zero);
    }
    for (auto &day : out.days)
        std::sort(day.begin(), day.end(),
                  [](const WireBucket &a, const WireBucket &b) { return keyOf(a) < keyOf(b); });
    out.skipped.append(refused);
    return out;
}

QList<std::int64_t> PayloadBuilder::changedDays(const LocalDays &local,
                                                const QHash<QString, QString> &serverChecksums)
{
    QList<std::int64_t> changed;
    for (auto it = local.days.cbegin(); it != local.days.cend(); ++it) {
        if (serverChecksums.value(dayName(it.key())) != WireCodec::dayChecksum(it.value()))
            changed.append(it.key());
    }
    return changed;
}

QList<QList<WireBucket>> PayloadBuilder::chunk(const LocalDays &local,
                                               const QList<std::int64_t> &days, int maxBuckets)
{
    QList<QList<WireBucket>> bodies;
    QList<WireBucket> current;
    for (std::int64_t day : days) {
        const QList<WireBucket> rows = local.days.value(day);
        if (!current.isEmpty() && current.size() + rows.size() > maxBuckets) {
            bodies.append(current);
            current.clear();
        }
        for (const WireBucket &b : rows) {
            if (current.size() == maxBuckets) {
                bodies.append(current);
                current.clear();
            }
            current.append(b);
        }
    }
    if (!current.isEmpty())
        bodies.append(current);
    return bodies;
}

QString PayloadBuilder::dayName(std::int64_t day)
{
    constexpr std::int64_t UnixEpochJulianDay = 2440588;
    return QDate::fromJulianDay(day + UnixEpochJulianDay).toString(Qt::ISODate);
}

QString PayloadBuilder::daysOf(const QList<WireBucket> &buckets)
{
    QStringList names;
    std::int64_t last = std::numeric_limits<std::int64_t>::min();
    for (const WireBucket &b : buckets) {
        const std::int64_t day = dayOf(b.hour);
        if (day != last)
            names << dayName(day);
        last = day;
    }
    names.removeDuplicates();
    return names.join(u',');
}

Submission PayloadBuilder::submission(const SyncAccount &account, const QList<WireBucket> &buckets)
{
    Submission s;
    s.deviceId = account.deviceId;
    s.seq = account.seq + 1;
    s.prevHash = account.lastHash;
    s.client = {u"tokentally"_s, QStringLiteral(TOKENTALLY_VERSION), osName()};
    s.buckets = buckets;
    return s;
}

QString PayloadBuilder::osName()
{
    const QString kernel = QSysInfo::kernelType();
    if (kernel == u"darwin")
        return u"macos"_s;
    if (kernel == u"winnt")
        return u"windows"_s;
    if (kernel == u"linux")
        return u"linux"_s;
    return u"other"_s;
}
