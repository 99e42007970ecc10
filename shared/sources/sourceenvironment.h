#pragma once

#include "core/agent.h"

#include <QHash>
#include <QString>
#include <QStringList>

//! \brief Where the agents keep their files: HOME and the agents' own
//! environment variables, plus extra directories from settings or --data-dir.
struct SourceEnvironment
{
    QString home;
    QString claudeConfigDir; //!< CLAUDE_CONFIG_DIR (comma-separated list allowed)
    QString codexHome; //!< CODEX_HOME (comma-separated list allowed)
    QString xdgDataHome;
    QString xdgConfigHome;
    QHash<Agent, QStringList> extraDirs;

    //! \brief Reads HOME, CLAUDE_CONFIG_DIR, CODEX_HOME, XDG_DATA_HOME and XDG_CONFIG_HOME.
    static SourceEnvironment fromProcess();
};
