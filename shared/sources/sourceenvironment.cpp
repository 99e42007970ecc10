#include "sourceenvironment.h"

#include "sources/sourceregistry.h"

#include <QDir>

SourceEnvironment SourceEnvironment::fromProcess()
{
    SourceEnvironment env;
    env.home = qEnvironmentVariable("HOME", QDir::homePath());
    env.claudeConfigDir = qEnvironmentVariable("CLAUDE_CONFIG_DIR");
    env.codexHome = qEnvironmentVariable("CODEX_HOME");
    env.xdgDataHome = qEnvironmentVariable("XDG_DATA_HOME");
    env.xdgConfigHome = qEnvironmentVariable("XDG_CONFIG_HOME");
    for (const UsageSource *source : SourceRegistry::all()) {
        for (const QString &name : source->environmentVariables()) {
            const QString value = qEnvironmentVariable(name.toUtf8().constData());
            if (!value.isEmpty())
                env.variables.insert(name, value);
        }
    }
    return env;
}
