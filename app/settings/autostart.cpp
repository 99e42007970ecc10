#include "autostart.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QSettings>
#include <QStandardPaths>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Autostart {

namespace {

const QString RunKey = u"HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Run"_s;
const QString RunValue = u"TokenTally"_s;

QString quoted(const QString &program)
{
    return program.contains(u' ') ? u"\""_s + program + u"\""_s : program;
}

// \a program as one Exec argument (Desktop Entry spec, "The Exec key"): field codes
// escaped as %%, reserved characters quoted, then the string-value escaping on top.
QString xdgExecArgument(const QString &program)
{
    QString arg = program;
    arg.replace(u'%', u"%%"_s);
    static const QString reserved = u" \t\n\"'\\><~|&;$*?#()`"_s;
    if (std::none_of(arg.cbegin(), arg.cend(), [](QChar c) { return reserved.contains(c); }))
        return arg;
    QString quotedArg = u"\""_s;
    for (const QChar c : arg) {
        if (c == u'"' || c == u'`' || c == u'$' || c == u'\\')
            quotedArg += u'\\';
        quotedArg += c;
    }
    quotedArg += u'"';
    return quotedArg.replace(u"\\"_s, u"\\\\"_s)
        .replace(u'\n', u"\\n"_s)
        .replace(u'\t', u"\\t"_s)
        .replace(u'\r', u"\\r"_s);
}

bool writeFile(const QString &path, const QByteArray &bytes, QString *error)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit()) {
        if (error)
            *error = f.errorString();
        return false;
    }
    return true;
}

} // namespace

Platform currentPlatform()
{
#if defined(Q_OS_WIN)
    return Platform::WindowsRunKey;
#elif defined(Q_OS_MACOS)
    return Platform::MacLaunchAgent;
#else
    return Platform::Xdg;
#endif
}

QString entryPath(Platform platform)
{
    switch (platform) {
    case Platform::Xdg:
        return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
            u"/autostart/tokentally.desktop"_s;
    case Platform::WindowsRunKey:
        return RunKey;
    case Platform::MacLaunchAgent:
        return QDir::homePath() + u"/Library/LaunchAgents/dev.tokentally.app.plist"_s;
    }
    return {};
}

QByteArray xdgEntry(const QString &program)
{
    // The installed menu entry is the template, so both always agree on name,
    // icon, comment and categories. Only Exec differs: at login the app starts
    // in the tray (this binary, no --show-dashboard).
    QFile menuEntry(u":/linux/"_s + DesktopFileId + u".desktop"_s);
    if (!menuEntry.open(QIODevice::ReadOnly))
        return {};
    QByteArray entry;
    for (const QByteArray &line : menuEntry.readAll().split('\n')) {
        if (line.isEmpty())
            continue;
        entry += line.startsWith("Exec=") ? "Exec=" + xdgExecArgument(program).toUtf8() : line;
        entry += '\n';
    }
    // Desktops that start autostart entries before their panel: wait for the tray.
    entry += "X-GNOME-Autostart-enabled=true\n"
             "X-KDE-autostart-after=panel\n"
             "X-LXQt-Need-Tray=true\n";
    return entry;
}

QByteArray launchAgentPlist(const QString &program)
{
    QString escaped = program.toHtmlEscaped();
    return u"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" "
           "\"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n"
           "<plist version=\"1.0\">\n<dict>\n"
           "  <key>Label</key><string>dev.tokentally.app</string>\n"
           "  <key>ProgramArguments</key><array><string>%1</string></array>\n"
           "  <key>RunAtLoad</key><true/>\n"
           "</dict>\n</plist>\n"_s.arg(escaped)
               .toUtf8();
}

bool isEnabled(Platform platform)
{
    switch (platform) {
    case Platform::Xdg: {
        QFile f(entryPath(platform));
        if (!f.open(QIODevice::ReadOnly))
            return false;
        // Desktops honour Hidden=true as "removed by the user".
        const QByteArray text = f.readAll();
        return !text.contains("\nHidden=true") && !text.contains("X-GNOME-Autostart-enabled=false");
    }
    case Platform::WindowsRunKey:
        return QSettings(RunKey, QSettings::NativeFormat).contains(RunValue);
    case Platform::MacLaunchAgent:
        return QFileInfo::exists(entryPath(platform));
    }
    return false;
}

bool setEnabled(bool enabled, const QString &program, QString *error, Platform platform)
{
    switch (platform) {
    case Platform::Xdg: {
        if (!enabled)
            return !QFileInfo::exists(entryPath(platform)) || QFile::remove(entryPath(platform));
        const QByteArray entry = xdgEntry(program);
        if (entry.isEmpty()) {
            if (error)
                *error = u"the desktop entry template is missing from the program's resources"_s;
            return false;
        }
        return writeFile(entryPath(platform), entry, error);
    }
    case Platform::WindowsRunKey: {
        QSettings run(RunKey, QSettings::NativeFormat);
        if (enabled)
            run.setValue(RunValue, quoted(QDir::toNativeSeparators(program)));
        else
            run.remove(RunValue);
        run.sync();
        return run.status() == QSettings::NoError;
    }
    case Platform::MacLaunchAgent:
        if (!enabled)
            return !QFileInfo::exists(entryPath(platform)) || QFile::remove(entryPath(platform));
        return writeFile(entryPath(platform), launchAgentPlist(program), error);
    }
    return false;
}

} // namespace Autostart
