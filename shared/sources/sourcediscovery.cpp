#include "sourcediscovery.h"

#include "core/hash64.h"

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

QStringList splitList(const QString &value)
{
    QStringList out;
    for (const QString &part : value.split(u',', Qt::SkipEmptyParts)) {
        const QString t = part.trimmed();
        if (!t.isEmpty())
            out << QDir::cleanPath(t);
    }
    return out;
}

QString orDefault(const QString &value, const QString &fallback)
{
    return value.isEmpty() ? fallback : value;
}

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

    TreeWalker(const char *suffix, Visit visit)
        : m_suffix(suffix)
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
            if (isDir || (isFile && name.size() > m_suffix.size() && name.ends_with(m_suffix)))
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

    std::string_view m_suffix;
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
    QStringList out;
    const QString configHome = orDefault(env.xdgConfigHome, env.home + u"/.config"_s);
    const QString dataHome = orDefault(env.xdgDataHome, env.home + u"/.local/share"_s);
    switch (agent) {
    case Agent::ClaudeCode:
        if (!env.claudeConfigDir.isEmpty()) {
            for (const QString &dir : splitList(env.claudeConfigDir))
                out << (dir.endsWith(u"/projects"_s) ? dir : dir + u"/projects"_s);
        } else {
            out << env.home + u"/.claude/projects"_s << configHome + u"/claude/projects"_s;
        }
        break;
    case Agent::Codex:
        for (const QString &dir : env.codexHome.isEmpty() ? QStringList {env.home + u"/.codex"_s}
                                                          : splitList(env.codexHome))
            out << dir + u"/sessions"_s << dir + u"/archived_sessions"_s;
        break;
    case Agent::OpenCode:
        out << dataHome + u"/opencode"_s;
        break;
    }
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

// One tree to walk: a root of one agent, canonical, with the suffix of its files.
struct Tree
{
    Agent agent;
    SourceKind kind;
    std::string root;
    const char *suffix;
    int rootIndex;
};

// Every tree and every folder that may hold OpenCode databases, in discovery
// order; the same tree reached twice (a symlink, two entries) is listed once.
void listTrees(const SourceEnvironment &env, std::vector<Tree> &trees,
               std::vector<std::pair<std::string, int>> &databaseDirs)
{
    std::unordered_set<std::string> seenRoots;
    int rootIndex = 0;
    for (const Agent agent : {Agent::ClaudeCode, Agent::Codex, Agent::OpenCode}) {
        for (const QString &rootPath : SourceDiscovery::roots(agent, env)) {
            const std::string root = canonicalRoot(rootPath);
            ++rootIndex;
            if (root.empty() || !seenRoots.insert(root).second)
                continue;
            if (agent != Agent::OpenCode) {
                trees.push_back({agent, SourceKind::AppendLog, root, ".jsonl", rootIndex});
                continue;
            }
            databaseDirs.emplace_back(root, rootIndex);
            const std::string messages = root + "/storage/message";
            struct stat st
            {
            };
            if (::stat(messages.c_str(), &st) == 0)
                trees.push_back({agent, SourceKind::WholeJson, messages, ".json", rootIndex});
        }
    }
}

// What a file found in \a tree at \a rel (its path below the root) is: the
// single place where locations turn into sessions.
SourceFile classify(const Tree &tree, const std::vector<std::string> &rel, const struct stat &st)
{
    SourceFile f;
    f.agent = tree.agent;
    f.kind = tree.kind;
    f.rootIndex = tree.rootIndex;
    if (tree.agent == Agent::ClaudeCode) {
        // <project>/<session>/subagents/.../agent-x.jsonl counts toward <session>;
        // the nested legacy form <project>/<session>/<file>.jsonl too.
        const auto sub = std::find(rel.begin(), rel.end(), std::string("subagents"));
        if (sub != rel.end() && sub != rel.begin())
            f.sessionHint = QString::fromStdString(*(sub - 1));
        else if (rel.size() >= 3)
            f.sessionHint = QString::fromStdString(rel[rel.size() - 2]);
    } else if (tree.agent == Agent::OpenCode && rel.size() >= 2) {
        f.sessionHint = QString::fromStdString(rel[rel.size() - 2]);
    }
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
            tree.suffix,
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
    for (const Agent agent : {Agent::ClaudeCode, Agent::Codex, Agent::OpenCode}) {
        for (const QString &root : roots(agent, env))
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
        if (!full.starts_with(tree.root + '/') || !name.ends_with(tree.suffix) ||
            name.size() <= std::strlen(tree.suffix))
            continue;
        std::vector<std::string> rel;
        for (const QString &part : QString::fromStdString(full.substr(tree.root.size() + 1))
                                       .split(u'/', Qt::SkipEmptyParts))
            rel.push_back(part.toStdString());
        struct stat st
        {
        };
        SourceFile f;
        if (::stat(full.c_str(), &st) == 0 && S_ISREG(st.st_mode)) {
            f = classify(tree, rel, st);
        } else {
            f = classify(tree, rel, st);
            f.size = -1; // gone
        }
        finishFile(f, full);
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
        TreeWalker top(tree.suffix,
                       [&](const std::string &path, const std::vector<std::string> &rel,
                           const struct stat &st) {
                           found.push_back({path, classify(tree, rel, st)});
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
            TreeWalker(t.tree->suffix,
                       [&t](const std::string &path, const std::vector<std::string> &rel,
                            const struct stat &st) {
                           t.found.push_back({path, classify(*t.tree, rel, st)});
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
