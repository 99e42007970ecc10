#pragma once

#include "core/agent.h"
#include "sources/sourceenvironment.h"

#include <QJsonArray>
#include <QList>
#include <QMetaType>
#include <QString>

#include <cstdint>

// Where each agent's usage files were looked for and what was found there: the
// folders (every root discovery tries, existing or not, following the agents'
// environment variables and the extra dirs) and the files' count and bytes. For
// the first-run wizard and the empty dashboard; shown on this computer only
// (paths never go into anything that could be sent).
struct SourceOverview
{
    struct Folder
    {
        QString path;
        bool exists = false;
    };
    struct AgentSources
    {
        Agent agent = Agent::ClaudeCode;
        QList<Folder> folders;
        int files = 0;
        std::int64_t bytes = 0;
        bool found() const { return files > 0; }
    };

    QList<AgentSources> agents; // one per agent, in Agent order
    QString home; // the HOME it followed (paths under it are shown with "~")
    bool inspected = false; // false: not looked yet

    int agentsFound() const;
    int filesFound() const;

    // Walks the disk (SourceDiscovery): call it off the UI thread.
    static SourceOverview inspect(const SourceEnvironment &env);
    // The environment variable that moves \a agent's folder ("CLAUDE_CONFIG_DIR"),
    // or empty when it has none.
    static QString environmentVariable(Agent agent);
    // Per agent: id, files, bytes and folders (path, exists); for the
    // single-instance "status" request that UI tests read.
    QJsonArray toJson() const;
    // \a path with the home directory shown as "~".
    QString displayPath(const QString &path) const;
};

Q_DECLARE_METATYPE(SourceOverview)
