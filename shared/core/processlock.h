#pragma once

#include <QString>

#include <memory>

class QLockFile;

//! \brief An exclusive lock between processes on one file. On Unix it is an
//! flock(), which the kernel drops when the holder dies, so a SIGKILL at any
//! moment never leaves a lock behind (QLockFile can: a kill between creating
//! its file and writing the holder's pid into it leaves an anonymous lock).
class ProcessLock
{
public:
    explicit ProcessLock(QString path);
    ~ProcessLock();
    ProcessLock(const ProcessLock &) = delete;
    ProcessLock &operator=(const ProcessLock &) = delete;

    //! Waits up to \a timeoutMs for the lock; false if another holder keeps it.
    bool tryLock(int timeoutMs);
    void unlock();
    bool isLocked() const { return m_locked; }

private:
    QString m_path;
    bool m_locked = false;
    int m_fd = -1;
    std::unique_ptr<QLockFile> m_fallback;
};
