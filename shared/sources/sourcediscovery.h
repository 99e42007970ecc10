#pragma once

#include "sources/sourceenvironment.h"
#include "sources/sourcefile.h"

#include <QList>

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
};
