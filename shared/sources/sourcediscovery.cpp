#include "sourcediscovery.h"

#include "core/hash64.h"
#include "sources/sourceregistry.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <functional>
#include <optional>
#include <string>
#include <thread>
#include <unordered_set>
#include <vector>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

std::int64_t mtimeNs(const struct stat &st)
{
    return std::int64_t(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
}

// Walks a tree with openat/readdir and stats matching files relative to their
// directory: a warm scan of thousands of files is mostly this, so it avoids
// per-file path resolution and string conversions.
class TreeWalker
{
public:
    using Visit = std::function<void(const std::string &path, const std::vector<std::string> &rel,
                                     const struct stat &st)>;

    TreeWalker(const UsageSource &source, Visit visit)
        : m_source(source)
        , m_visit(std::move(visit))
    {
    }

    //! Also tells every directory walked (for watching them).
    void setDirectoryVisitor(std::function<void(const std::string &)> visit)
    {
        m_visitDir = std::move(visit);
    }

    void walk(const std::string &root)
    {
        const int fd = ::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (fd < 0)
            return;
        std::vector<std::string> rel;
        walkDir(fd, root, rel, 0);
    }

    //! Visits the files directly in \a root and hands each subdirectory to
    //! \a defer, so that the subtrees can be walked in parallel with walkSub().
    void walkTop(const std::string &root, const std::function<void(const std::string &)> &defer)
    {
        m_defer = &defer;
        walk(root);
        m_defer = nullptr;
    }

    void walkSub(const std::string &root, const std::string &sub)
    {
        const std::string path = root + '/' + sub;
        const int fd = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (fd < 0)
            return;
        std::vector<std::string> rel {sub};
        walkDir(fd, path, rel, 1);
    }

private:
    void walkDir(int fd, const std::string &path, std::vector<std::string> &rel, int depth)
    {
        DIR *dir = fdopendir(fd);
        if (!dir) {
            ::close(fd);
            return;
        }
        if (m_visitDir)
            m_visitDir(path);
        std::vector<std::pair<std::string, bool>> entries;
        while (const dirent *e = readdir(dir)) {
            const std::string_view name(e->d_name);
            if (name == "." || name == "..")
                continue;
            bool isDir = e->d_type == DT_DIR;
            bool isFile = e->d_type == DT_REG || e->d_type == DT_LNK;
            if (e->d_type == DT_UNKNOWN) {
                struct stat st
                {
                };
                if (fstatat(fd, e->d_name, &st, 0) == 0) {
                    isDir = S_ISDIR(st.st_mode);
                    isFile = S_ISREG(st.st_mode);
                }
            }
            if (isDir || (isFile && m_source.acceptsName(name)))
                entries.emplace_back(std::string(name), isDir);
        }
        for (const auto &[name, isDir] : entries) {
            const std::string child = path + '/' + name;
            if (isDir) {
                if (depth >= 16)
                    continue;
                if (depth == 0 && m_defer) {
                    (*m_defer)(name);
                    continue;
                }
                const int cfd = openat(fd, name.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
                if (cfd < 0)
                    continue;
                rel.push_back(name);
                walkDir(cfd, child, rel, depth + 1);
                rel.pop_back();
            } else {
                struct stat st
                {
                };
                if (fstatat(fd, name.c_str(), &st, 0) != 0 || !S_ISREG(st.st_mode))
                    continue;
                rel.push_back(name);
                m_visit(child, rel, st);
                rel.pop_back();
            }
        }
        closedir(dir);
    }

    const UsageSource &m_source;
    Visit m_visit;
    std::function<void(const std::string &)> m_visitDir;
    const std::function<void(const std::string &)> *m_defer = nullptr;
};

std::string canonicalRoot(const QString &root)
{
    const QString c = QFileInfo(root).canonicalFilePath();
    return c.isEmpty() ? std::string() : c.toStdString();
}

} // namespace

QStringList SourceDiscovery::roots(Agent agent, const SourceEnvironment &env)
{
    QStringList out = SourceRegistry::of(agent).defaultRoots(env);
    for (const QString &extra : env.extraDirs.value(agent))
        out << QDir::cleanPath(extra);
    return out;
}

namespace {

void fill(SourceFile &f, const struct stat &st)
{
    f.size = st.st_size;
    f.mtimeNs = mtimeNs(st);
    f.dev = std::int64_t(st.st_dev);
    f.ino = std::int64_t(st.st_ino);
}

// One tree to walk: a root of one agent, canonical.
struct Tree
{
    const UsageSource *source;
    std::string root;
    int rootIndex;
};

// Every tree and every folder that may hold databases, in discovery order; the
// same tree reached twice (a symlink, two entries) is listed once.
void listTrees(const SourceEnvironment &env, std::vector<Tree> &trees,
               std::vector<std::pair<std::string, int>> &databaseDirs)
{
    std::unordered_set<std::string> seenRoots;
    int rootIndex = 0;
    for (const UsageSource *source : SourceRegistry::all()) {
        for (const QString &rootPath : SourceDiscovery::roots(source->agent(), env)) {
            const std::string root = canonicalRoot(rootPath);
            ++rootIndex;
            if (root.empty() || !seenRoots.insert(root).second)
                continue;
            if (source->hasDatabases())
                databaseDirs.emplace_back(root, rootIndex);
            const std::string below = source->treeBelow();
            if (below.empty()) {
                trees.push_back({source, root, rootIndex});
                continue;
            }
            const std::string tree = root + '/' + below;
            struct stat st
            {
            };
            if (::stat(tree.c_str(), &st) == 0)
                trees.push_back({source, tree, rootIndex});
        }
    }
}

// What a file found in \a tree at \a rel (its path below the root) is: the
// source decides its kind and session; nothing when it is no usage file.
std::optional<SourceFile> classify(const Tree &tree, const std::vector<std::string> &rel,
                                   const struct stat &st)
{
    SourceFile f;
    f.agent = tree.source->agent();
    f.rootIndex = tree.rootIndex;
    if (!tree.source->classify(rel, f))
        return std::nullopt;
    fill(f, st);
    return f;
}

bool isDatabaseName(std::string_view name)
{
    return name == "opencode.db" ||
        (name.starts_with("opencode-") && name.ends_with(".db") && name.size() > 12);
}

// An OpenCode database: rows may sit in the WAL only, so the WAL's size and
// time are part of its signature.
std::optional<SourceFile> describeDatabase(const std::string &path, int rootIndex)
{
    struct stat st
    {
    };
    if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode))
        return std::nullopt;
    SourceFile f;
    f.agent = Agent::OpenCode;
    f.kind = SourceKind::SqliteDb;
    f.rootIndex = rootIndex;
    fill(f, st);
    struct stat wal
    {
    };
    if (::stat((path + "-wal").c_str(), &wal) == 0) {
        f.size += wal.st_size;
        f.mtimeNs = std::max(f.mtimeNs, mtimeNs(wal));
    }
    return f;
}

void finishFile(SourceFile &f, const std::string &path)
{
    f.path = QString::fromStdString(path);
    f.pathHash = hash64(path, 5);
}

} // namespace

std::vector<std::string> SourceDiscovery::directories(const SourceEnvironment &env)
{
    std::vector<Tree> trees;
    std::vector<std::pair<std::string, int>> databaseDirs;
    listTrees(env, trees, databaseDirs);
    std::vector<std::string> dirs;
    for (const auto &[root, rootIndex] : databaseDirs)
        dirs.push_back(root);
    for (const Tree &tree : trees) {
        TreeWalker walker(
            *tree.source,
            [](const std::string &, const std::vector<std::string> &, const struct stat &) {});
        walker.setDirectoryVisitor([&dirs](const std::string &d) { dirs.push_back(d); });
        walker.walk(tree.root);
    }
    std::sort(dirs.begin(), dirs.end());
    dirs.erase(std::unique(dirs.begin(), dirs.end()), dirs.end());
    return dirs;
}

std::vector<std::string> SourceDiscovery::canonicalRoots(const SourceEnvironment &env)
{
    std::vector<std::string> out;
    for (const UsageSource *source : SourceRegistry::all()) {
        for (const QString &root : roots(source->agent(), env))
            out.push_back(canonicalRoot(root));
    }
    return out;
}

std::optional<SourceFile> SourceDiscovery::describe(const SourceEnvironment &env,
                                                    const QString &path, QString *canonicalPath)
{
    const QFileInfo info(path);
    const QString dir = info.absoluteDir().canonicalPath();
    if (dir.isEmpty())
        return std::nullopt;
    const std::string full = QString(dir + u'/' + info.fileName()).toStdString();
    if (canonicalPath)
        *canonicalPath = QString::fromStdString(full);
    std::vector<Tree> trees;
    std::vector<std::pair<std::string, int>> databaseDirs;
    listTrees(env, trees, databaseDirs);
    const std::string name = info.fileName().toStdString();
    for (const auto &[root, rootIndex] : databaseDirs) {
        if (full == root + '/' + name && isDatabaseName(name)) {
            auto f = describeDatabase(full, rootIndex);
            if (f)
                finishFile(*f, full);
            return f;
        }
    }
    for (const Tree &tree : trees) {
        if (!full.starts_with(tree.root + '/') || !tree.source->acceptsName(name))
            continue;
        std::vector<std::string> rel;
        for (const QString &part : QString::fromStdString(full.substr(tree.root.size() + 1))
                                       .split(u'/', Qt::SkipEmptyParts))
            rel.push_back(part.toStdString());
        struct stat st
        {
        };
        const bool exists = ::stat(full.c_str(), &st) == 0 && S_ISREG(st.st_mode);
        std::optional<SourceFile> f = classify(tree, rel, st);
        if (!f)
            continue;
        if (!exists)
            f->size = -1; // gone
        finishFile(*f, full);
        return f;
    }
    return std::nullopt;
}

QList<SourceFile> SourceDiscovery::discover(const SourceEnvironment &env)
{
    struct Found
    {
        std::string path;
        SourceFile file;
    };
    std::vector<Tree> trees;
    std::vector<std::pair<std::string, int>> databaseDirs;
    listTrees(env, trees, databaseDirs);

    // The trees' first level is listed here; each subtree below it becomes a
    // task, and the tasks are walked by two threads (the kernel's directory
    // reads and stats dominate a warm scan, and they run in parallel).
    struct Task
    {
        const Tree *tree;
        std::string sub;
        std::vector<Found> found;
    };
    std::vector<Task> tasks;
    std::vector<Found> found;
    for (const auto &[root, rootIndex] : databaseDirs) {
        const QDir dir(QString::fromStdString(root));
        for (const QString &db :
             dir.entryList({u"opencode.db"_s, u"opencode-*.db"_s}, QDir::Files, QDir::Name)) {
            const std::string path = root + '/' + db.toStdString();
            if (auto f = describeDatabase(path, rootIndex))
                found.push_back({path, *f});
        }
    }
    for (const Tree &tree : trees) {
        TreeWalker top(*tree.source,
                       [&](const std::string &path, const std::vector<std::string> &rel,
                           const struct stat &st) {
                           if (auto f = classify(tree, rel, st))
                               found.push_back({path, *f});
                       });
        const std::function<void(const std::string &)> defer = [&](const std::string &sub) {
            tasks.push_back({&tree, sub, {}});
        };
        top.walkTop(tree.root, defer);
    }

    std::atomic<size_t> next {0};
    auto worker = [&] {
        for (size_t i; (i = next.fetch_add(1)) < tasks.size();) {
            Task &t = tasks[i];
            TreeWalker(*t.tree->source,
                       [&t](const std::string &path, const std::vector<std::string> &rel,
                            const struct stat &st) {
                           if (auto f = classify(*t.tree, rel, st))
                               t.found.push_back({path, *f});
                       })
                .walkSub(t.tree->root, t.sub);
        }
    };
    if (tasks.size() > 8) {
        std::thread helper(worker);
        worker();
        helper.join();
    } else {
        worker();
    }
    for (Task &t : tasks) {
        for (Found &f : t.found)
            found.push_back(std::move(f));
    }

    std::sort(found.begin(), found.end(), [](const Found &a, const Found &b) {
        return a.file.agent != b.file.agent ? a.file.agent < b.file.agent : a.path < b.path;
    });
    QList<SourceFile> files;
    files.reserve(qsizetype(found.size()));
    for (Found &f : found) {
        finishFile(f.file, f.path);
        files.push_back(std::move(f.file));
    }
    return files;
}
