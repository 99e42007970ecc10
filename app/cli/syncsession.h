#pragma once

#include "store/localstore.h"
#include "sync/syncclient.h"

#include <functional>
#include <memory>

class CliContext;
class KeychainSecretStore;
class NetworkTransport;

//! \brief What the sync commands share: the store, the network, the keyring
//! and a way to wait for their asynchronous answers. The CLI has no event
//! loop of its own, so wait() runs the only one, never a nested one.
class SyncSession
{
public:
    explicit SyncSession(CliContext &context);
    ~SyncSession();

    //! Opens the store; prints the error and returns false on failure.
    bool open();
    LocalStore &store() { return m_store; }
    SyncClient &client() { return *m_client; }

    //! Calls \a start with a function that ends the wait, then runs the event
    //! loop until it is called (at once if \a start already called it).
    void wait(const std::function<void(std::function<void()>)> &start);

private:
    CliContext &m_context;
    LocalStore m_store;
    std::unique_ptr<NetworkTransport> m_transport;
    std::unique_ptr<KeychainSecretStore> m_secrets;
    std::unique_ptr<SyncClient> m_client;
};
