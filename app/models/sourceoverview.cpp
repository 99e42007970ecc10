#include "sourceoverview.h"

#include "sources/sourcediscovery.h"
#include "sources/sourceregistry.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonObject>

#include <algorithm>

using namespace Qt::StringLiterals;

int SourceOverview::agentsFound() const
{
    return int(std::count_if(agents.cbegin(), agents.cend(),
                             [](const AgentSources &a) { return a.found(); }));
}

int SourceOverview::filesFound() const
{
    int n = 0;
    for (const AgentSources &a : agents)
        n += a.files;
    return n;
}

SourceOverview SourceOverview::inspect(const SourceEnvironment &env)
{
    SourceOverview o;
    o.inspected = true;
    o.home = env.home;
    for (int i = 0; i < AgentCount; ++i) {
        AgentSources a;
        a.agent = Agent(i);
        QStringList seen;
        for (const QString &root : SourceDiscovery::roots(a.agent, env)) {
            if (seen.contains(root))
                continue;
            seen << root;
            a.folders.append({root, QFileInfo(root).isDir()});
        }
        o.agents.append(a);
    }
    // The same discovery the scanner runs, so the sizes are those of the files it reads.
    for (const SourceFile &f : SourceDiscovery::discover(env)) {
        AgentSources &a = o.agents[int(f.agent)];
        ++a.files;
        a.bytes += std::max<std::int64_t>(0, f.size);
    }
    return o;
}

QString SourceOverview::environmentVariable(Agent agent)
{
    // The variables SourceDiscovery::roots() follows (DESIGN.md §1).
    return SourceRegistry::of(agent).environmentVariables().join(u", "_s);
}

QString SourceOverview::displayPath(const QString &path) const
{
    const QString cleanHome = home.isEmpty() ? QString() : QDir::cleanPath(home);
    if (!cleanHome.isEmpty() && cleanHome != u"/" &&
        (path == cleanHome || path.startsWith(cleanHome + u'/')))
        return u"~"_s + path.mid(cleanHome.size());
    return QDir::toNativeSeparators(path);
}

QJsonArray SourceOverview::toJson() const
{
    QJsonArray out;
    for (const AgentSources &a : agents) {
        QJsonArray folders;
        for (const Folder &f : a.folders)
            folders.append(QJsonObject {{u"path"_s, f.path}, {u"exists"_s, f.exists}});
        out.append(QJsonObject {{u"agent"_s, agentId(a.agent)},
                                {u"files"_s, a.files},
                                {u"bytes"_s, qint64(a.bytes)},
                                {u"folders"_s, folders}});
    }
    return out;
}
