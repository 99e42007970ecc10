#include "responsecache.h"

namespace {
constexpr int MaxEntries = 5000;
constexpr auto MaxAge = std::chrono::seconds(60);
constexpr std::uint64_t PurgeEvery = 256;
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
    const auto now = std::chrono::steady_clock::now();
    // Expired answers are never served again: drop them every so many stores,
    // so memory follows the last minute's keys. Emptying the whole cache only
    // when it was full made RSS a saw (+50 MB over 4 minutes, then down) in the
    // soak, whose profiles and badges have some 30,000 keys.
    if (++m_stores % PurgeEvery == 0 || m_slots.size() >= MaxEntries)
        m_slots.removeIf(
            [now](decltype(m_slots)::iterator it) { return now - it->stored > MaxAge; });
    if (m_slots.size() >= MaxEntries)
        m_slots.clear();
    m_slots.insert(key, {std::move(entry), stamp, now});
}
