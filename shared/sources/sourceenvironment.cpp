#include "sourceenvironment.h"

#include <QDir>

SourceEnvironment SourceEnvironment::fromProcess()
{
    SourceEnvironment env;
    env.home = qEnvironmentVariable("HOME", QDir::homePath());
    env.claudeConfigDir = qEnvironmentVariable("CLAUDE_CONFIG_DIR");
    env.codexHome = qEnvironmentVariable("CODEX_HOME");
    env.xdgDataHome = qEnvironmentVariable("XDG_DATA_HOME");
    env.xdgConfigHome = qEnvironmentVariable("XDG_CONFIG_HOME");
    return env;
}
