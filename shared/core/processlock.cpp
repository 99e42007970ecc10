#include "processlock.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QLockFile>
#include <QThread>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>
#endif

ProcessLock::ProcessLock(QString path)
    : m_path(std::move(path))
{
}

ProcessLock::~ProcessLock()
{
    unlock();
}

bool ProcessLock::tryLock(int timeoutMs)
{
    if (m_locked)
        return true;
#ifdef Q_OS_UNIX
    if (m_fd < 0)
        m_fd = ::open(QFile::encodeName(m_path).constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (m_fd < 0)
        return false;
    const QDeadlineTimer deadline(timeoutMs);
    while (::flock(m_fd, LOCK_EX | LOCK_NB) != 0) {
        if (deadline.hasExpired())
            return false;
        QThread::msleep(20);
    }
    m_locked = true;
#else
    m_fallback = std::make_unique<QLockFile>(m_path);
    m_locked = m_fallback->tryLock(timeoutMs);
#endif
    return m_locked;
}

void ProcessLock::unlock()
{
#ifdef Q_OS_UNIX
    if (m_fd >= 0) {
        ::flock(m_fd, LOCK_UN);
        ::close(m_fd);
        m_fd = -1;
    }
#else
    m_fallback.reset();
#endif
    m_locked = false;
}
