#pragma once

#include "sync/syncstore.h"
#include "wire/wirecodec.h"

#include <QList>
#include <QMap>
#include <QSet>
#include <QString>

#include <cstdint>

//! \brief What the server should hold for this device, day by day, built from
//! the store's hourly buckets (DESIGN.md §4).
struct LocalDays
{
    //! UTC day (days since 1970-01-01) → the rows the server should hold for
    //! it, including zero rows for keys sent before that have since vanished
    //! locally, so the server's copy follows.
    QMap<std::int64_t, QList<WireBucket>> days;
    //! Rows not sent this time and why: protocol rules (an hour in the future,
    //! a model name outside the wire alphabet, ...) or a server's earlier refusal.
    QList<RejectedBucket> skipped;
};

//! \brief Builds submission bodies from local buckets: only whitelisted wire
//! fields, only changed days, at most a given number of buckets a body.
class PayloadBuilder
{
public:
    static constexpr int MaxBucketsPerBody = 500;

    //! \a hourly are the store's rows (SyncStore::hourlyBuckets()), \a sent the
    //! keys the server may hold, \a refused rows it refused before, \a nowSecs
    //! the current time (rows over an hour ahead are held back, as the server
    //! would refuse them).
    static LocalDays collect(const QList<WireBucket> &hourly, const QSet<BucketKey> &sent,
                             const QList<RejectedBucket> &refused, std::int64_t nowSecs);
    //! The days of \a local whose checksum differs from \a serverChecksums
    //! (keyed "YYYY-MM-DD", as the server answers), oldest first.
    static QList<std::int64_t> changedDays(const LocalDays &local,
                                           const QHash<QString, QString> &serverChecksums);
    //! Splits the buckets of \a days (in order) into bodies of at most
    //! \a maxBuckets, keeping a day in one body whenever it fits.
    static QList<QList<WireBucket>> chunk(const LocalDays &local, const QList<std::int64_t> &days,
                                          int maxBuckets = MaxBucketsPerBody);
    //! "2026-11-20" for a UTC day number.
    static QString dayName(std::int64_t day);
    //! The distinct UTC days of \a buckets, comma-separated.
    static QString daysOf(const QList<WireBucket> &buckets);
    //! The submission carrying \a buckets as the device's next link.
    static Submission submission(const SyncAccount &account, const QList<WireBucket> &buckets);
    //! "linux", "macos" or "windows" (never a host or distribution name).
    static QString osName();
};
