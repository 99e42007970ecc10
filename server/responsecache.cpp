#include "responsecache.h"

namespace {
constexpr auto MaxAge = std::chrono::seconds(60);
constexpr auto MinAgeAfterWrite = std::chrono::seconds(2);
constexpr int MaxEntries = 5000;
} // namespace

std::optional<ResponseCache::Entry> ResponseCache::get(const QString &key, std::int64_t generation)
{
    std::lock_guard lock(m_mutex);
    auto it = m_slots.constFind(key);
    if (it == m_slots.cend())
        return std::nullopt;
    const auto age = std::chrono::steady_clock::now() - it->stored;
    if (age > MaxAge || (it->generation != generation && age > MinAgeAfterWrite))
        return std::nullopt;
    return it->entry;
}

void ResponseCache::put(const QString &key, std::int64_t generation, Entry entry)
{
    std::lock_guard lock(m_mutex);
    if (m_slots.size() >= MaxEntries)
        m_slots.clear();
    m_slots.insert(key, {std::move(entry), generation, std::chrono::steady_clock::now()});
}
