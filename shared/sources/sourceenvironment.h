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
    //! The other variables the sources follow (GEMINI_CLI_HOME, QWEN_HOME, ...), by name.
    QHash<QString, QString> variables;
    QHash<Agent, QStringList> extraDirs;

    QString variable(const QString &name) const { return variables.value(name); }

    //! \brief Reads HOME, CLAUDE_CONFIG_DIR, CODEX_HOME, XDG_DATA_HOME,
    //! XDG_CONFIG_HOME and every variable a source names.
    static SourceEnvironment fromProcess();
};
