#pragma once

#include <QDir>
#include <QString>
#include <QStringList>

// Small helpers the sources share to turn environment variables into roots.
namespace SourcePaths {

//! A comma-separated list of folders (CLAUDE_CONFIG_DIR, CODEX_HOME), cleaned.
inline QStringList splitList(const QString &value)
{
    QStringList out;
    for (const QString &part : value.split(u',', Qt::SkipEmptyParts)) {
        const QString t = part.trimmed();
        if (!t.isEmpty())
            out << QDir::cleanPath(t);
    }
    return out;
}

inline QString orDefault(const QString &value, const QString &fallback)
{
    return value.isEmpty() ? fallback : value;
}

//! `~` and `~/...` expanded against \a home (Kimi's KIMI_SHARE_DIR allows them).
inline QString expandHome(const QString &path, const QString &home)
{
    if (path == u"~")
        return home;
    if (path.startsWith(u"~/"))
        return home + path.mid(1);
    return path;
}

} // namespace SourcePaths
