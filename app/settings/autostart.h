#pragma once

#include <QString>

// "Start at login" in user scope, read back from the OS rather than from our settings
// (STYLE.md §18): an XDG autostart entry on Linux, the HKCU Run key on Windows, a
// LaunchAgent on macOS.
namespace Autostart {

enum class Platform { Xdg, WindowsRunKey, MacLaunchAgent };

//! The desktop entry's id (resources/linux/<id>.desktop, the AppStream id too).
inline const QString DesktopFileId = QStringLiteral("io.github.tokentally.TokenTally");

Platform currentPlatform();
// Where the entry lives on \a platform (a file, or the registry key's path).
QString entryPath(Platform platform = currentPlatform());
bool isEnabled(Platform platform = currentPlatform());
bool setEnabled(bool enabled, const QString &program, QString *error,
                Platform platform = currentPlatform());
// The XDG autostart entry (the installed menu entry with this program as Exec,
// plus autostart keys; empty if the template resource is missing) and the macOS
// plist text (tested on every OS).
QByteArray xdgEntry(const QString &program);
QByteArray launchAgentPlist(const QString &program);

} // namespace Autostart
