#include "scanservice.h"

#include "core/hash64.h"
#include "sources/sourcediscovery.h"

#include <QDir>
#include <QFileInfo>
#include <QTextStream>

#include <chrono>
#include <cstring>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#ifdef Q_OS_LINUX
#include <poll.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/inotify.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/un.h>
#endif

using namespace Qt::StringLiterals;

namespace {

using Clock = std::chrono::steady_clock;

// A private folder for the sockets: $XDG_RUNTIME_DIR/tokentally, else
// /tmp/tokentally-<uid>, made 0700 and refused unless it is ours.
QString runtimeDir()
{
    QString base = qEnvironmentVariable("XDG_RUNTIME_DIR");
    const QString dir = base.isEmpty() || !QFileInfo(base).isDir()
        ? u"/tmp/tokentally-%1"_s.arg(::getuid())
        : base + u"/tokentally"_s;
    const QByteArray path = dir.toLocal8Bit();
    ::mkdir(path.constData(), 0700);
    struct stat st
    {
    };
    if (::lstat(path.constData(), &st) != 0 || !S_ISDIR(st.st_mode) || st.st_uid != ::getuid() ||
        (st.st_mode & 077) != 0)
        return {};
    return dir;
}

bool sameFile(const QByteArray &path, dev_t dev, ino_t ino)
{
    struct stat st
    {
    };
    return ::stat(path.constData(), &st) == 0 && st.st_dev == dev && st.st_ino == ino;
}

} // namespace

QString ScanService::socketPath(const QString &storePath)
{
    const QString dir = runtimeDir();
    if (dir.isEmpty())
        return {};
    QString store = QFileInfo(storePath).canonicalFilePath();
    if (store.isEmpty())
        store = QFileInfo(storePath).absoluteFilePath();
    const QByteArray key = store.toUtf8();
    return dir + u"/store-"_s +
        QString::number(hash64(std::string_view(key.constData(), size_t(key.size())), 31), 16) +
        u".sock"_s;
}

QByteArray ScanService::fingerprint(const SourceEnvironment &env, const QString &priceFile)
{
    std::uint64_t h = 0x7461'6c6c'7920'7631ULL;
    for (const std::string &root : SourceDiscovery::canonicalRoots(env))
        h = hashCombine(h, hash64(root, 32));
    const QFileInfo prices(priceFile);
    const QByteArray p =
        (priceFile + u'|' + QString::number(prices.exists() ? prices.size() : -1) + u'|' +
         QString::number(prices.exists() ? prices.lastModified().toMSecsSinceEpoch() : 0))
            .toUtf8();
    h = hashCombine(h, hash64(std::string_view(p.constData(), size_t(p.size())), 33));
    return QByteArray::number(qulonglong(h), 16);
}

#ifdef Q_OS_LINUX

struct ScanService::State
{
    QString storePath;
    SourceEnvironment env;
    QByteArray fingerprint;
    ScanFunction scan;
    int inotifyFd = -1;
    std::unordered_map<int, std::string> dirOfWatch;
    std::set<std::string> dirty;
    bool needFull = true;
    std::vector<std::string> roots;
    QString error;

    ~State()
    {
        if (inotifyFd >= 0)
            ::close(inotifyFd);
    }

    // Watches every folder, then scans everything: a change made while the
    // watches were being set up is read by that scan.
    bool scanAll()
    {
        if (inotifyFd >= 0)
            ::close(inotifyFd);
        dirOfWatch.clear();
        dirty.clear();
        inotifyFd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
        if (inotifyFd < 0) {
            error = u"inotify: %1"_s.arg(QString::fromLocal8Bit(std::strerror(errno)));
            return false;
        }
        constexpr std::uint32_t Mask = IN_MODIFY | IN_CLOSE_WRITE | IN_CREATE | IN_DELETE |
            IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR;
        roots = SourceDiscovery::canonicalRoots(env);
        for (const std::string &dir : SourceDiscovery::directories(env)) {
            const int wd = inotify_add_watch(inotifyFd, dir.c_str(), Mask);
            if (wd < 0) {
                if (errno == ENOENT)
                    continue; // gone meanwhile: the scan below will not find it either
                error = u"cannot watch %1 folders: %2 (see fs.inotify.max_user_watches)"_s.arg(
                    QString::number(dirOfWatch.size() + 1),
                    QString::fromLocal8Bit(std::strerror(errno)));
                return false;
            }
            dirOfWatch[wd] = dir;
        }
        needFull = false;
        return scan(nullptr, &error);
    }

    // Reads every queued event into the dirty set.
    void drainEvents()
    {
        alignas(inotify_event) char buffer[64 * 1024];
        for (;;) {
            const ssize_t n = ::read(inotifyFd, buffer, sizeof(buffer));
            if (n <= 0)
                return;
            for (ssize_t off = 0; off < n;) {
                const auto *e = reinterpret_cast<const inotify_event *>(buffer + off);
                off += ssize_t(sizeof(inotify_event) + e->len);
                if (e->mask & (IN_Q_OVERFLOW | IN_DELETE_SELF | IN_MOVE_SELF | IN_IGNORED)) {
                    needFull = true;
                    continue;
                }
                // A folder appearing, vanishing or moving changes what is watched.
                if (e->mask & IN_ISDIR) {
                    if (e->mask & (IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO))
                        needFull = true;
                    continue;
                }
                const auto dir = dirOfWatch.find(e->wd);
                if (dir == dirOfWatch.end() || e->len == 0)
                    continue;
                std::string name(e->name);
                // A database is written through its WAL; its shared memory is not data.
                if (name.ends_with("-shm"))
                    continue;
                if (name.ends_with(".db-wal"))
                    name.resize(name.size() - 4);
                dirty.insert(dir->second + '/' + name);
            }
        }
    }

    bool apply()
    {
        if (SourceDiscovery::canonicalRoots(env) != roots)
            needFull = true;
        if (needFull)
            return scanAll();
        if (dirty.empty())
            return true;
        QStringList paths;
        for (const std::string &p : dirty)
            paths << QString::fromStdString(p);
        dirty.clear();
        return scan(&paths, &error);
    }
};

ScanService::ScanService(QString storePath, SourceEnvironment env, QByteArray fingerprint,
                         ScanFunction scan)
    : m_state(new State)
{
    m_state->storePath = std::move(storePath);
    m_state->env = std::move(env);
    m_state->fingerprint = std::move(fingerprint);
    m_state->scan = std::move(scan);
}

ScanService::~ScanService()
{
    delete m_state;
}

int ScanService::run(QTextStream &log, int idleExitSeconds)
{
    State &s = *m_state;
    const QString socket = socketPath(s.storePath);
    if (socket.isEmpty()) {
        log << "tokentally: no private folder for the service's socket" << Qt::endl;
        return 1;
    }
    // One service per store: the lock is held for the process's lifetime.
    const QByteArray lockPath = (socket + u".lock"_s).toLocal8Bit();
    const int lockFd = ::open(lockPath.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (lockFd < 0 || ::flock(lockFd, LOCK_EX | LOCK_NB) != 0) {
        log << "tokentally: another `scan --watch` serves this store" << Qt::endl;
        return 1;
    }
    const QByteArray socketBytes = socket.toLocal8Bit();
    sockaddr_un addr {};
    addr.sun_family = AF_UNIX;
    if (size_t(socketBytes.size()) >= sizeof(addr.sun_path)) {
        log << "tokentally: socket path too long: " << socket << Qt::endl;
        return 1;
    }
    std::memcpy(addr.sun_path, socketBytes.constData(), size_t(socketBytes.size()));
    ::unlink(socketBytes.constData());
    const int listenFd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (listenFd < 0 || ::bind(listenFd, reinterpret_cast<sockaddr *>(&addr), sizeof(addr)) != 0 ||
        ::listen(listenFd, 16) != 0) {
        log << "tokentally: cannot listen on " << socket << ": " << std::strerror(errno)
            << Qt::endl;
        return 1;
    }
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGINT);
    sigaddset(&stopSignals, SIGTERM);
    sigprocmask(SIG_BLOCK, &stopSignals, nullptr);
    const int signalFd = signalfd(-1, &stopSignals, SFD_CLOEXEC | SFD_NONBLOCK);

    const QByteArray storeBytes = s.storePath.toLocal8Bit();
    struct stat storeId
    {
    };
    ::stat(storeBytes.constData(), &storeId);
    if (!s.scanAll()) {
        log << "tokentally: " << s.error << Qt::endl;
        ::unlink(socketBytes.constData());
        return 1;
    }
    log << "Watching " << s.dirOfWatch.size() << " folders for " << s.storePath << " (socket "
        << socket << ")" << Qt::endl;

    std::vector<int> clients;
    auto lastRequest = Clock::now();
    auto lastEvent = Clock::time_point {};
    int exitCode = 0;
    for (bool running = true; running;) {
        std::vector<pollfd> fds {
            {signalFd, POLLIN, 0}, {listenFd, POLLIN, 0}, {s.inotifyFd, POLLIN, 0}};
        for (const int c : clients)
            fds.push_back({c, POLLIN, 0});
        // Changes are applied 100 ms after the last event even without a
        // request, so that the tray and other readers see them too.
        int timeout = -1;
        if (!s.dirty.empty() || s.needFull)
            timeout = 100;
        else if (idleExitSeconds > 0)
            timeout = 1000;
        if (::poll(fds.data(), fds.size(), timeout) < 0 && errno != EINTR)
            break;
        if (fds[0].revents & POLLIN)
            break;
        if (fds[2].revents & POLLIN) {
            s.drainEvents();
            lastEvent = Clock::now();
        }
        if (fds[1].revents & POLLIN) {
            for (int c; (c = ::accept4(listenFd, nullptr, nullptr, SOCK_CLOEXEC)) >= 0;)
                clients.push_back(c);
        }
        for (size_t i = 3; i < fds.size(); ++i) {
            if (!(fds[i].revents & (POLLIN | POLLHUP | POLLERR)))
                continue;
            const int c = fds[i].fd;
            char request[256];
            const ssize_t n = ::recv(c, request, sizeof(request) - 1, 0);
            QByteArray reply = "error bad request\n";
            if (n > 0) {
                request[n] = 0;
                const QByteArray line = QByteArray(request).trimmed();
                lastRequest = Clock::now();
                if (!line.startsWith("sync ")) {
                    reply = "error bad request\n";
                } else if (line.mid(5) != s.fingerprint) {
                    reply = "mismatch\n";
                } else if (!sameFile(storeBytes, storeId.st_dev, storeId.st_ino)) {
                    reply = "error the store was replaced\n";
                    running = false;
                    exitCode = 1;
                } else {
                    // Everything written before the request is queued by now.
                    s.drainEvents();
                    reply = s.apply() ? QByteArray("ok\n")
                                      : "error " + s.error.toUtf8().replace('\n', ' ') + '\n';
                }
            }
            ::send(c, reply.constData(), size_t(reply.size()), MSG_NOSIGNAL);
            ::close(c);
            std::erase(clients, c);
        }
        if ((!s.dirty.empty() || s.needFull) &&
            Clock::now() - lastEvent >= std::chrono::milliseconds(100)) {
            if (!s.apply())
                log << "tokentally: " << s.error << Qt::endl;
        }
        if (idleExitSeconds > 0 &&
            Clock::now() - lastRequest > std::chrono::seconds(idleExitSeconds))
            break;
    }
    for (const int c : clients)
        ::close(c);
    ::close(listenFd);
    ::unlink(socketBytes.constData());
    if (signalFd >= 0)
        ::close(signalFd);
    ::close(lockFd);
    return exitCode;
}

ScanService::SyncResult ScanService::sync(const QString &storePath, const QByteArray &fingerprint,
                                          int timeoutMs)
{
    const QString socket = socketPath(storePath);
    if (socket.isEmpty())
        return SyncResult::NotRunning;
    const QByteArray socketBytes = socket.toLocal8Bit();
    sockaddr_un addr {};
    addr.sun_family = AF_UNIX;
    if (size_t(socketBytes.size()) >= sizeof(addr.sun_path))
        return SyncResult::NotRunning;
    std::memcpy(addr.sun_path, socketBytes.constData(), size_t(socketBytes.size()));
    const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return SyncResult::NotRunning;
    if (::connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof(addr)) != 0) {
        ::close(fd);
        return SyncResult::NotRunning;
    }
    const QByteArray request = "sync " + fingerprint + '\n';
    if (::send(fd, request.constData(), size_t(request.size()), MSG_NOSIGNAL) != request.size()) {
        ::close(fd);
        return SyncResult::Failed;
    }
    pollfd p {fd, POLLIN, 0};
    char reply[512] = {};
    ssize_t n = 0;
    if (::poll(&p, 1, timeoutMs) == 1)
        n = ::recv(fd, reply, sizeof(reply) - 1, 0);
    ::close(fd);
    if (n <= 0)
        return SyncResult::Failed;
    const QByteArray answer = QByteArray(reply, int(n)).trimmed();
    if (answer == "ok")
        return SyncResult::Synced;
    if (answer == "mismatch")
        return SyncResult::Mismatch;
    return SyncResult::Failed;
}

#else

struct ScanService::State
{
};

ScanService::ScanService(QString, SourceEnvironment, QByteArray, ScanFunction)
    : m_state(new State)
{
}

ScanService::~ScanService()
{
    delete m_state;
}

int ScanService::run(QTextStream &log, int)
{
    log << "tokentally: scan --watch needs Linux (inotify)" << Qt::endl;
    return 1;
}

ScanService::SyncResult ScanService::sync(const QString &, const QByteArray &, int)
{
    return SyncResult::NotRunning;
}

#endif
