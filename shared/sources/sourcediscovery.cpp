#include "sourcediscovery.h"

#include <QDir>
#include <QFileInfo>
#include <QSet>

#include <algorithm>
#include <filesystem>

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

// Every file below \a root whose name ends in \a suffix, with its path relative
// to the root split into components.
template<typename Fn> void walk(const QString &root, const char *suffix, Fn &&fn)
{
    namespace fs = std::filesystem;
    std::error_code ec;
    // Canonical roots make the same tree reached twice (a symlink, two env
    // entries) list its files once, without resolving every file.
    const fs::path rootPath = fs::canonical(fs::path(root.toStdString()), ec);
    if (ec || !fs::is_directory(rootPath, ec))
        return;
    fs::recursive_directory_iterator it(rootPath, fs::directory_options::skip_permission_denied,
                                        ec);
    const std::string_view sfx(suffix);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.size() < sfx.size() ||
            name.compare(name.size() - sfx.size(), sfx.size(), sfx) != 0)
            continue;
        std::error_code ec2;
        if (!it->is_regular_file(ec2))
            continue;
        fn(QString::fromStdString(it->path().string()),
           QString::fromStdString(it->path().lexically_relative(rootPath).string()).split(u'/'));
    }
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

QList<SourceFile> SourceDiscovery::discover(const SourceEnvironment &env)
{
    QList<SourceFile> files;
    QSet<QString> seen;
    auto add = [&](SourceFile f) {
        if (seen.contains(f.path))
            return;
        seen.insert(f.path);
        files << f;
    };
    int rootIndex = 0;
    for (const QString &root : roots(Agent::ClaudeCode, env)) {
        walk(root, ".jsonl", [&](const QString &path, const QStringList &rel) {
            SourceFile f {path, Agent::ClaudeCode, SourceKind::AppendLog, {}, rootIndex};
            // <project>/<session>/subagents/.../agent-x.jsonl counts toward <session>;
            // the nested legacy form <project>/<session>/<file>.jsonl too.
            const qsizetype sub = rel.indexOf(u"subagents"_s);
            if (sub >= 1)
                f.sessionHint = rel.at(sub - 1);
            else if (rel.size() >= 3)
                f.sessionHint = rel.at(rel.size() - 2);
            add(f);
        });
        ++rootIndex;
    }
    for (const QString &root : roots(Agent::Codex, env)) {
        walk(root, ".jsonl", [&](const QString &path, const QStringList &) {
            add(SourceFile {path, Agent::Codex, SourceKind::AppendLog, {}, rootIndex});
        });
        ++rootIndex;
    }
    for (const QString &root : roots(Agent::OpenCode, env)) {
        const QDir dir(QFileInfo(root).canonicalFilePath());
        if (!dir.exists() || dir.path().isEmpty())
            continue;
        for (const QString &db :
             dir.entryList({u"opencode.db"_s, u"opencode-*.db"_s}, QDir::Files, QDir::Name))
            add(SourceFile {
                dir.filePath(db), Agent::OpenCode, SourceKind::SqliteDb, {}, rootIndex});
        walk(root + u"/storage/message"_s, ".json",
             [&](const QString &path, const QStringList &rel) {
                 SourceFile f {path, Agent::OpenCode, SourceKind::WholeJson, {}, rootIndex};
                 if (rel.size() >= 2)
                     f.sessionHint = rel.at(rel.size() - 2);
                 add(f);
             });
        ++rootIndex;
    }
    std::stable_sort(files.begin(), files.end(), [](const SourceFile &a, const SourceFile &b) {
        return a.agent != b.agent ? a.agent < b.agent : a.path < b.path;
    });
    return files;
}
