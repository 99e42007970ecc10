#pragma once

#include "sync/accountflow.h"
#include "sync/syncengine.h"

#include <QString>

#include <memory>

class LocalStore;
class ProcessLock;

//! \brief One submit as users and the app start it: reads the credentials
//! from the keyring, holds the store's sync lock (one submit at a time per
//! store, across processes), runs the SyncEngine, and counts pending days.
class SyncClient
{
public:
    SyncClient(LocalStore &store, SyncTransport &transport, SecretStore &secrets);
    ~SyncClient();

    AccountFlow &account() { return m_account; }
    SyncEngine &engine() { return m_engine; }

    //! See SyncEngine::submit. Fails at once (StoreError) while another
    //! process submits from the same store.
    void submit(bool dryRun, std::function<void(const SubmitResult &)> done);
    //! What the next submit faces, without the network.
    struct Outlook
    {
        //! Local days whose totals differ from what the server held at the last submit.
        int pendingDays = 0;
        //! Rows that will not be sent and why (held back, or refused by the server).
        QList<RejectedBucket> notSent;
    };
    Outlook outlook(std::int64_t nowSecs);

private:
    LocalStore &m_store;
    AccountFlow m_account;
    SyncEngine m_engine;
    std::unique_ptr<ProcessLock> m_lock;
};
