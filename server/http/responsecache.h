#pragma once

#include "boards/changelog.h"

#include <QByteArray>
#include <QHash>
#include <QString>

#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>

//! \brief Rendered answers (badges, board JSON, profile pages), each kept
//! with the ChangeLog::Stamp of the data it shows: valid while the stamp is,
//! and for a minute at most (periods such as "this month" move with the clock;
//! 45-60 s by key, so that answers stored together do not expire together).
//! At most 5,000 answers or 32 MB; when full, the oldest quarter goes.
class ResponseCache
{
public:
    struct Entry
    {
        QByteArray body;
        QByteArray contentType;
        int status = 200;
    };

    std::optional<Entry> get(const QString &key, const ChangeLog::Stamp &stamp);
    void put(const QString &key, const ChangeLog::Stamp &stamp, Entry entry);
    qsizetype size();
    //! Keys (UTF-16) and bodies held, as the 32 MB bound counts them.
    qsizetype bytes();

private:
    struct Slot
    {
        Entry entry;
        ChangeLog::Stamp stamp;
        std::chrono::steady_clock::time_point stored;
        std::chrono::steady_clock::time_point expires; //!< 45-60 s after stored, by key
    };
    static qsizetype sizeOf(const QString &key, const Slot &slot);

    std::mutex m_mutex;
    QHash<QString, Slot> m_slots;
    qsizetype m_bytes = 0; //!< keys and bodies in m_slots
    std::uint64_t m_stores = 0;
};
