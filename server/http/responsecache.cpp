#include "responsecache.h"

namespace {
constexpr int MaxEntries = 5000;
constexpr auto MaxAge = std::chrono::seconds(60);
} // namespace

std::optional<ResponseCache::Entry> ResponseCache::get(const QString &key,
                                                       const ChangeLog::Stamp &stamp)
{
    std::lock_guard lock(m_mutex);
    auto it = m_slots.constFind(key);
    if (it == m_slots.cend() || !(it->stamp == stamp) ||
        std::chrono::steady_clock::now() - it->stored > MaxAge)
        return std::nullopt;
    return it->entry;
}

void ResponseCache::put(const QString &key, const ChangeLog::Stamp &stamp, Entry entry)
{
    std::lock_guard lock(m_mutex);
    if (m_slots.size() >= MaxEntries)
        m_slots.clear();
    m_slots.insert(key, {std::move(entry), stamp, std::chrono::steady_clock::now()});
}
