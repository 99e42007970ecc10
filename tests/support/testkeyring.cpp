#include "testkeyring.h"

#include <QDir>
#include <QThread>

#include <csignal>

using namespace Qt::StringLiterals;

TestKeyring::~TestKeyring()
{
    stop();
}

bool TestKeyring::start(bool withSecretService, QString *error)
{
    if (!m_dir.isValid()) {
        *error = u"no temporary directory"_s;
        return false;
    }
    QFile::setPermissions(m_dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QProcess bus;
    bus.start(u"dbus-daemon"_s,
              {u"--session"_s, u"--fork"_s, u"--print-address=1"_s, u"--print-pid=1"_s});
    if (!bus.waitForFinished(10000) || bus.exitCode() != 0) {
        *error = u"dbus-daemon did not start (apt-get install dbus): "_s +
            QString::fromUtf8(bus.readAllStandardError());
        return false;
    }
    const QStringList lines =
        QString::fromUtf8(bus.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
    if (lines.size() < 2) {
        *error = u"dbus-daemon printed no address"_s;
        return false;
    }
    m_address = lines.at(0).trimmed();
    m_busPid = lines.at(1).trimmed().toLongLong();
    if (!withSecretService)
        return true;

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    applyTo(env);
    // The keyring's own files (the "login" collection) live in this temp HOME.
    env.insert(u"HOME"_s, m_dir.path());
    env.insert(u"XDG_DATA_HOME"_s, m_dir.filePath(u"data"_s));
    env.insert(u"XDG_RUNTIME_DIR"_s, m_dir.path());
    m_keyring.setProcessEnvironment(env);
    m_keyring.start(u"gnome-keyring-daemon"_s,
                    {u"--foreground"_s, u"--unlock"_s, u"--components=secrets"_s});
    if (!m_keyring.waitForStarted(10000)) {
        *error = u"gnome-keyring-daemon did not start (apt-get install gnome-keyring)"_s;
        return false;
    }
    // Written without an event loop: flush before closing, or the daemon
    // waits for its password forever.
    m_keyring.write("test-password");
    m_keyring.waitForBytesWritten(5000);
    m_keyring.closeWriteChannel();
    // Ready once the Secret Service name is owned on the bus.
    for (int i = 0; i < 100; ++i) {
        QProcess probe;
        probe.setProcessEnvironment(env);
        probe.start(u"dbus-send"_s,
                    {u"--session"_s, u"--print-reply"_s, u"--dest=org.freedesktop.DBus"_s,
                     u"/org/freedesktop/DBus"_s, u"org.freedesktop.DBus.NameHasOwner"_s,
                     u"string:org.freedesktop.secrets"_s});
        probe.waitForFinished(5000);
        if (probe.readAllStandardOutput().contains("boolean true"))
            return true;
        QThread::msleep(50);
    }
    *error = u"the Secret Service did not appear on the test bus (keyring %1, exit %2): "_s
                 .arg(m_keyring.state() == QProcess::Running ? u"running"_s : u"stopped"_s)
                 .arg(m_keyring.exitCode()) +
        QString::fromUtf8(m_keyring.readAllStandardError() + m_keyring.readAllStandardOutput());
    return false;
}

void TestKeyring::stop()
{
    if (m_keyring.state() != QProcess::NotRunning) {
        m_keyring.terminate();
        if (!m_keyring.waitForFinished(5000))
            m_keyring.kill();
        m_keyring.waitForFinished(2000);
    }
    if (m_busPid > 0) {
        ::kill(pid_t(m_busPid), SIGTERM);
        m_busPid = 0;
    }
}

void TestKeyring::applyTo(QProcessEnvironment &env) const
{
    env.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, m_address);
    // Nothing of an outer desktop session may leak in.
    env.remove(u"GNOME_KEYRING_CONTROL"_s);
    env.remove(u"SSH_AUTH_SOCK"_s);
}

QByteArray TestKeyring::secretToolSearch(const QString &service) const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    applyTo(env);
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(u"secret-tool"_s, {u"search"_s, u"--all"_s, u"--unlock"_s, u"server"_s, service});
    p.waitForFinished(10000);
    return p.readAllStandardOutput() + p.readAllStandardError();
}

QByteArray TestKeyring::secretToolLookup(const QString &service, const QString &key) const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    applyTo(env);
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(u"secret-tool"_s, {u"lookup"_s, u"server"_s, service, u"user"_s, key});
    p.waitForFinished(10000);
    return p.readAllStandardOutput();
}
