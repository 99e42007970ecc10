#pragma once

#include "sync/outboxentry.h"
#include "sync/syncengine.h"
#include "sync/syncstore.h"

#include <QList>
#include <QMetaType>
#include <QString>

#include <cstdint>

//! What the sync worker (SyncService) publishes after every change: the
//! account as the local store has it, the last submit, what waits to be sent,
//! and what the worker does or will do next. The UI reads only this.
struct SyncStatus
{
    enum class Activity {
        Idle,
        Submitting,
        SigningIn,
        SigningOut,
        ChangingVisibility,
        DeletingServerData,
        Refreshing,
    };

    bool loaded = false; //!< The worker has read the store at least once.
    QString storeError; //!< The store could not be opened: sync is off.
    bool signedIn = false; //!< An account is in the store (sync_account).
    bool signedOut = false; //!< The server answered 401: the token no longer works.
    QString server;
    QString username;
    QString deviceId;
    QString visibility;
    QString profileUrl;
    std::int64_t lastAttemptMs = 0;
    std::int64_t lastSuccessMs = 0;
    QString lastResult; //!< SubmitResult::outcomeName of the last submit, as stored.
    QString lastError;
    int pendingDays = 0; //!< Local days that differ from what the server holds.
    int rowsNotSent = 0; //!< Rows held back locally or refused by the server.
    Activity activity = Activity::Idle;
    bool autoSubmit = false;
    int intervalMinutes = 0;
    //! Auto-submit paused after a refusal no retry can fix (until a manual submit or a new
    //! sign-in).
    bool paused = false;
    std::int64_t nextAttemptMs = 0; //!< When the next automatic submit runs (0: none planned).
    int failures = 0; //!< Consecutive failed submits (drives the backoff).
    bool waitingForNetwork = false; //!< Offline: also retried when the network returns.

    //! The last submit went through (or had nothing to send).
    bool lastOk() const { return lastResult == u"sent" || lastResult == u"nothing to send"; }
    //! Submitting is possible: signed in, and the server still takes the sign-in.
    bool canSubmit() const { return signedIn && !signedOut; }
    static QString activityName(Activity activity);
};

Q_DECLARE_METATYPE(SyncStatus)
Q_DECLARE_METATYPE(SubmitResult)
Q_DECLARE_METATYPE(OutboxEntry)
Q_DECLARE_METATYPE(RejectedBucket)
