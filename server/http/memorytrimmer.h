#pragma once

#include <condition_variable>
#include <mutex>
#include <thread>

//! \brief Hands the heap's free pages back to the system every few seconds.
//!
//! Request threads allocate answers, board totals and statement buffers in
//! glibc's per-thread arenas, which keep what is freed: in the 10-minute soak
//! the server's RSS grew from 0.50 to 0.66 GB while SQLite held under 0.1 GB.
//! malloc_trim() releases the free pages of every arena, so RSS follows what
//! is in use. It also caps glibc's arenas at one per core (set before the
//! request threads start). Does nothing where the C library is not glibc.
class MemoryTrimmer
{
public:
    explicit MemoryTrimmer(int intervalSeconds = 10);
    ~MemoryTrimmer();
    MemoryTrimmer(const MemoryTrimmer &) = delete;
    MemoryTrimmer &operator=(const MemoryTrimmer &) = delete;

private:
    void loop();

    const int m_intervalSeconds;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stop = false;
    std::thread m_thread;
};
