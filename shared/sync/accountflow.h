#pragma once

#include "sync/secretstore.h"
#include "sync/syncaccount.h"
#include "sync/syncengine.h"
#include "sync/syncstore.h"
#include "sync/synctransport.h"

#include <functional>
#include <optional>

class LocalStore;

//! \brief What a login needs.
struct LoginRequest
{
    QString server; //!< http(s)://host[:port][/prefix]
    QString username; //!< Create this account...
    QString token; //!< ...or sign in to an existing one with its API token.
    QString label; //!< The device's label on the server (no host name by default).
};

//! \brief The outcome of an account operation.
struct AccountResult
{
    bool ok = false;
    QString error;
    SyncAccount account;
    QString newToken; //!< Set once, after creating an account: shown to the user.
};

//! \brief Account and device life cycle (DESIGN.md §4): login (register or
//! sign in, then a fresh device id and Ed25519 key registered with the
//! server), logout, visibility, deleting the server's data, and reading the
//! credentials a submit needs. Secrets go to the keyring first: without one,
//! a login stops before anything is written or sent.
class AccountFlow
{
public:
    using Done = std::function<void(const AccountResult &)>;

    AccountFlow(LocalStore &store, SyncTransport &transport, SecretStore &secrets);

    void login(const LoginRequest &request, Done done);
    //! Forgets the account locally and removes its secrets; the server keeps
    //! the data (see deleteServerData).
    void logout(Done done);
    void setVisibility(const QString &visibility, Done done);
    //! Deletes the user and all their data on the server, then signs out here.
    void deleteServerData(Done done);
    //! Asks the server who we are (visibility may have changed elsewhere).
    void refresh(Done done);
    //! Reads the token and the device key from the keyring.
    void credentials(std::function<void(std::optional<SyncCredentials>, const QString &)> done);

    //! Normalizes a server URL ("http://h:1/" → "http://h:1"); empty if invalid.
    static QString normalizeServer(const QString &url);
    static QString tokenKey(const QString &deviceId);
    static QString deviceKeyKey(const QString &deviceId);
    static bool isValidVisibility(const QString &visibility);

private:
    void registerDevice(const std::shared_ptr<struct LoginRun> &run);
    void withAuthorized(std::function<void(const SyncAccount &, const SyncCredentials &)> action,
                        Done done);
    static QString keyringError(SecretStore::Status status, const QString &message);

    SyncStore m_store;
    SyncTransport &m_transport;
    SecretStore &m_secrets;
};
