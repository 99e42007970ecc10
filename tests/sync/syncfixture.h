#pragma once

#include "captureproxy.h"
#include "servertestclient.h"
#include "testkeyring.h"

#include <QJsonObject>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

//! \brief The real parts of a sync test: a private keyring, a real
//! tokentally-server on loopback behind a capturing proxy, generated HOMEs and
//! the real `tokentally` binary. Each test function makes its own.
class SyncFixture
{
public:
    struct Run
    {
        int code = -1;
        QByteArray out, err;
        QJsonObject json() const;
    };
    //! One client: a HOME and its local store.
    struct Client
    {
        QString home;
        QString db;
        QString generated; //!< the generator's output dir (expected.json)
    };

    //! Starts the keyring (with or without a Secret Service), server and proxy.
    bool start(QString *error, bool withSecretService = true, const QStringList &serverArgs = {});
    void stop();

    //! Generates a HOME (tests/fixtures/generate_home.py) of \a days days
    //! ending yesterday (\a generatorArgs may add --seed, --target-bytes).
    Client newClient(const QString &name, const QStringList &generatorArgs, QString *error,
                     int days = 30);
    QProcessEnvironment environment(const Client &client) const;
    Run cli(const Client &client, const QStringList &args, const QByteArray &stdinData = {},
            int timeoutMs = 120000) const;
    //! A new client signed in as a new public user \a name, its review flag
    //! cleared (see clearReview); \a token gets the API token. Empty home on failure.
    Client signIn(const QString &name, const QStringList &generatorArgs, int days, QString *error,
                  QString *token = nullptr);
    //! `login` with a new account; returns the API token printed once (empty on failure).
    QString login(const Client &client, const QString &username, QString *error) const;

    QString serverUrl() const;
    ServerProcess &server() { return m_server; }
    CaptureProxy &proxy() { return m_proxy; }
    TestKeyring &keyring() { return m_keyring; }
    QString tempPath(const QString &name) const { return m_dir.filePath(name); }

    //! Local totals (report daily --json totals) over [since, until] in \a tz.
    QJsonObject localTotals(const Client &client, const QString &tz, const QString &since = {},
                            const QString &until = {}) const;
    //! Everything that must never leave the machine: the generator's planted
    //! secrets, the store's session ids, the projects' folder names and paths,
    //! the host name. Fails if any appears in a captured request.
    QString privacyViolations(const QList<Client> &clients) const;
    //! Makes \a username visible on boards (an admin clearing the automatic
    //! review flag the generator's invented model name raises).
    bool clearReview(const QString &username) const;

private:
    QTemporaryDir m_dir;
    TestKeyring m_keyring;
    ServerProcess m_server;
    CaptureProxy m_proxy;
};
