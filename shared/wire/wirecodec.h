#pragma once

#include "core/tokencounts.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <cstdint>

//! \brief One hourly aggregate on the wire (DESIGN.md §4).
struct WireBucket
{
    std::int64_t hour = 0; //!< Start of the UTC hour, seconds since the epoch.
    QString agent;
    QString model;
    TokenCounts tokens;
    std::int64_t messages = 0;
    std::int64_t sessions = 0;

    friend bool operator==(const WireBucket &, const WireBucket &) = default;
};

//! \brief The client that produced a submission.
struct WireClient
{
    QString name;
    QString version;
    QString os;

    friend bool operator==(const WireClient &, const WireClient &) = default;
};

//! \brief The body of `POST /api/v1/submissions`, schema 1.
struct Submission
{
    int schema = 1;
    QString deviceId;
    std::int64_t seq = 0;
    QString prevHash; //!< Lowercase hex SHA-256 of the previous accepted body.
    WireClient client;
    QList<WireBucket> buckets;

    friend bool operator==(const Submission &, const Submission &) = default;
};

//! \brief Parses and writes the sync wire format.
//!
//! Parsing is strict: unknown fields, wrong types, fractions, negative counts
//! and malformed hours are rejected, because the server must never store
//! anything the protocol does not define (no free text leaves a machine).
class WireCodec
{
public:
    static constexpr int SchemaVersion = 1;
    //! Counts must stay below 2^53, where JSON numbers stop being exact.
    static constexpr std::int64_t MaxCount = std::int64_t(1) << 53;
    static constexpr int MaxIdLength = 128;

    //! \brief Writes \a submission as compact JSON in the documented field order.
    static QByteArray serialize(const Submission &submission);
    //! \brief Parses a body. Returns false and sets \a error (a short reason
    //! such as "unknown field: buckets[3].path") when anything is off.
    static bool parse(const QByteArray &body, Submission *submission, QString *error);

    //! \brief What is wrong with one bucket by the protocol's own rules (agent
    //! and model alphabets, count ranges, reasoning within output), or null.
    //! The server rejects such a bucket; the client never sends one.
    static const char *bucketProblem(const WireBucket &bucket);
    //! \brief "2026-11-20T14:00:00Z" for an hour start.
    static QString formatHour(std::int64_t hour);
    //! \brief Parses a whole UTC hour ("YYYY-MM-DDTHH:00:00Z"); -1 if invalid.
    static std::int64_t parseHour(QStringView text);
    //! \brief 64 zeros: the prevHash of a device's first submission.
    static QString zeroHash();
    //! \brief The checksum of one UTC day of a device's buckets, as
    //! `GET /api/v1/devices/{id}/checksums` returns it: lowercase hex SHA-256 of
    //! one line per bucket, sorted by (hour, agent, model), each line
    //! "hour|agent|model|input|cacheWrite|cacheRead|output|reasoning|messages|sessions\n"
    //! with the hour in formatHour()'s form.
    static QString dayChecksum(QList<WireBucket> bucketsOfOneDay);
};
