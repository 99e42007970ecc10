#pragma once

#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QTemporaryDir>

//! \brief A private D-Bus session bus, optionally with gnome-keyring's Secret
//! Service unlocked on it, so a test that needs the OS keyring runs alone with
//! no outside setup and never touches the user's own keyring.
class TestKeyring
{
public:
    TestKeyring() = default;
    ~TestKeyring();
    TestKeyring(const TestKeyring &) = delete;
    TestKeyring &operator=(const TestKeyring &) = delete;

    //! Starts the bus and, with \a withSecretService, an unlocked keyring.
    bool start(bool withSecretService, QString *error);
    void stop();
    //! The variables a child process needs to reach this bus (and nothing of
    //! the caller's own session).
    void applyTo(QProcessEnvironment &env) const;
    QString busAddress() const { return m_address; }
    //! `secret-tool search --all server TokenTally` on this bus.
    QByteArray secretToolSearch(const QString &service) const;
    //! `secret-tool lookup server SERVICE user KEY`: the stored secret itself.
    QByteArray secretToolLookup(const QString &service, const QString &key) const;

private:
    QTemporaryDir m_dir;
    QString m_address;
    qint64 m_busPid = 0;
    QProcess m_keyring;
};
