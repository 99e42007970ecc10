#pragma once

#include "sources/sourceenvironment.h"
#include "sources/sourcefile.h"

#include <QList>

#include <optional>
#include <string>
#include <vector>

//! \brief Finds the usage files of every agent by its own conventions
//! (spec/usage-formats.md §2.1, §3.1, §4.1).
class SourceDiscovery
{
public:
    //! \brief Root directories scanned for \a agent (existing or not).
    static QStringList roots(Agent agent, const SourceEnvironment &env);
    //! \brief All files, sorted by path within each agent; duplicates (the same
    //! file reached through two roots) are listed once.
    static QList<SourceFile> discover(const SourceEnvironment &env);
    //! \brief The file at \a path as discover() would list it (same path
    //! string, session, kind), if it lies in one of the roots; a file that no
    //! longer exists comes back with size -1. \a canonicalPath: the path
    //! through canonical folders, also set when nothing matched.
    //! \brief Every directory of the trees discover() walks (and the folders
    //! that may hold OpenCode databases), sorted: what a watcher watches.
    static std::vector<std::string> directories(const SourceEnvironment &env);
    //! \brief Each root of every agent, canonical; empty for one that does not
    //! exist (so that a root appearing or vanishing shows as a change).
    static std::vector<std::string> canonicalRoots(const SourceEnvironment &env);
    static std::optional<SourceFile> describe(const SourceEnvironment &env, const QString &path,
                                              QString *canonicalPath = nullptr);
};
