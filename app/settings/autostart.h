#pragma once

#include <QString>

// "Start at login" in user scope, read back from the OS rather than from our settings
// (STYLE.md §18): an XDG autostart entry on Linux, the HKCU Run key on Windows, a
// LaunchAgent on macOS.
namespace Autostart {

enum class Platform { Xdg, WindowsRunKey, MacLaunchAgent };

Platform currentPlatform();
// Where the entry lives on \a platform (a file, or the registry key's path).
QString entryPath(Platform platform = currentPlatform());
bool isEnabled(Platform platform = currentPlatform());
bool setEnabled(bool enabled, const QString &program, QString *error,
                Platform platform = currentPlatform());
// The XDG .desktop text and the macOS plist text (tested on every OS).
QByteArray xdgEntry(const QString &program);
QByteArray launchAgentPlist(const QString &program);

} // namespace Autostart
