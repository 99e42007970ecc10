#include "memorytrimmer.h"

#include <algorithm>
#include <chrono>

#ifdef __GLIBC__
#include <malloc.h>
#endif

MemoryTrimmer::MemoryTrimmer(int intervalSeconds)
    : m_intervalSeconds(intervalSeconds)
{
#ifdef __GLIBC__
    // glibc gives threads up to 8 arenas per core, each keeping its own high
    // water mark. One per core: the soak's peak RSS fell from 0.39 to 0.26 GB
    // with no visible cost in answers or ingest.
    mallopt(M_ARENA_MAX, int(std::max(1U, std::thread::hardware_concurrency())));
    m_thread = std::thread([this] { loop(); });
#endif
}

MemoryTrimmer::~MemoryTrimmer()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void MemoryTrimmer::loop()
{
    std::unique_lock lock(m_mutex);
    while (!m_stop) {
        m_wake.wait_for(lock, std::chrono::seconds(m_intervalSeconds));
        if (m_stop)
            break;
        lock.unlock();
#ifdef __GLIBC__
        malloc_trim(0);
#endif
        lock.lock();
    }
}
