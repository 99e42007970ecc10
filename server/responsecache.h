#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>

//! \brief Rendered answers (badges, board JSON) kept for a short time, dropped
//! a couple of seconds after the store changes.
class ResponseCache
{
public:
    struct Entry
    {
        QByteArray body;
        QByteArray contentType;
        int status = 200;
    };

    std::optional<Entry> get(const QString &key, std::int64_t generation);
    void put(const QString &key, std::int64_t generation, Entry entry);

private:
    struct Slot
    {
        Entry entry;
        std::int64_t generation = 0;
        std::chrono::steady_clock::time_point stored;
    };
    std::mutex m_mutex;
    QHash<QString, Slot> m_slots;
};
