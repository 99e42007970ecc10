#include "responsecache.h"

#include <algorithm>
#include <vector>

namespace {
constexpr qsizetype MaxEntries = 5000;
constexpr qsizetype MaxBytes = 32 * 1024 * 1024;
constexpr auto MaxAge = std::chrono::seconds(60);
constexpr std::uint64_t PurgeEvery = 256;

// 45 to 60 s by key: answers stored in one burst (a server start, a popular
// page) would otherwise expire together a minute later and be computed again
// together; in the soak that made RSS swing by 30 MB every minute for the
// first three.
std::chrono::steady_clock::duration maxAgeOf(const QString &key)
{
    return MaxAge - std::chrono::seconds(qHash(key) % 16);
}
} // namespace

std::optional<ResponseCache::Entry> ResponseCache::get(const QString &key,
                                                       const ChangeLog::Stamp &stamp)
{
    std::lock_guard lock(m_mutex);
    auto it = m_slots.constFind(key);
    if (it == m_slots.cend() || !(it->stamp == stamp) ||
        std::chrono::steady_clock::now() > it->expires)
        return std::nullopt;
    return it->entry;
}

qsizetype ResponseCache::sizeOf(const QString &key, const Slot &slot)
{
    return key.size() * 2 + slot.entry.body.size() + slot.entry.contentType.size();
}

void ResponseCache::put(const QString &key, const ChangeLog::Stamp &stamp, Entry entry)
{
    std::lock_guard lock(m_mutex);
    const auto now = std::chrono::steady_clock::now();
    auto remove = [this](auto &&drop) {
        m_slots.removeIf([&](decltype(m_slots)::iterator it) {
            if (!drop(it.value()))
                return false;
            m_bytes -= sizeOf(it.key(), it.value());
            return true;
        });
    };
    // Expired answers are never served again: drop them every so many stores,
    // so memory follows the last minute's keys.
    if (++m_stores % PurgeEvery == 0)
        remove([now](const Slot &s) { return now > s.expires; });
    // Full: the oldest quarter goes. Emptying the whole cache instead made RSS
    // a saw in the soak (some 30,000 keys a minute at 480 req/s).
    if (m_slots.size() >= MaxEntries || m_bytes >= MaxBytes) {
        std::vector<std::chrono::steady_clock::time_point> times;
        times.reserve(size_t(m_slots.size()));
        for (const Slot &s : std::as_const(m_slots))
            times.push_back(s.stored);
        // The quarter's newest time; ties go too, so at least a quarter goes.
        const auto cut = times.begin() + std::ptrdiff_t(std::max<size_t>(1, times.size() / 4) - 1);
        std::nth_element(times.begin(), cut, times.end());
        const auto before = *cut;
        remove([before](const Slot &s) { return s.stored <= before; });
    }
    if (const auto old = m_slots.constFind(key); old != m_slots.cend())
        m_bytes -= sizeOf(key, *old);
    Slot slot {std::move(entry), stamp, now, now + maxAgeOf(key)};
    m_bytes += sizeOf(key, slot);
    m_slots.insert(key, std::move(slot));
}

qsizetype ResponseCache::size()
{
    std::lock_guard lock(m_mutex);
    return m_slots.size();
}

qsizetype ResponseCache::bytes()
{
    std::lock_guard lock(m_mutex);
    return m_bytes;
}
