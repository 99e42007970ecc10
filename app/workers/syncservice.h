#pragma once

#include "models/submitpreview.h"
#include "sync/accountflow.h"
#include "sync/syncbackoff.h"
#include "sync/syncstatus.h"

#include <QObject>

#include <deque>
#include <functional>
#include <memory>

class LocalStore;
class QTimer;
class SecretStore;
class SyncClient;
class SyncTransport;

// The app's sync worker (DESIGN.md §4, issue 7): lives on its own QThread with
// its own store connection, network access manager and keyring jobs, and owns
// the SyncClient. The UI talks to it only through queued calls and signals
// (STYLE.md §12) and learns everything from statusChanged().
//
// One operation at a time (submit, sign-in, sign-out, visibility, deletion),
// in the order asked; SyncClient's lock also keeps the CLI's submits apart.
// Auto-submit: a submit once usage changes have settled (settleMs after the
// last change) and every intervalMinutes. A failed submit that may work later
// (offline, 429, 5xx, 409, a busy store) is retried with exponential backoff
// and jitter, after at least Retry-After on a 429, and at once (give or take a
// little jitter) when the network comes back after being offline. A refusal no
// retry can fix pauses auto-submit until a manual submit or a new sign-in; a
// 401 marks the account signed out until the user signs in again.
class SyncService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncService)

public:
    enum class AccountOp { Login, Logout, Visibility, DeleteServerData };
    Q_ENUM(AccountOp)

    struct Timing
    {
        int settleMs = 30'000; // quiet time after new usage before an auto-submit
        int armMs = 5'000; // after auto-submit is switched on, or a sign-in with it on
        int recountMs = 10'000; // coalesces the pending-days count after usage changes
        std::int64_t retryBaseMs = 30'000;
        std::int64_t retryCapMs = 30 * 60'000;
    };
    // The defaults, with TOKENTALLY_SYNC_SETTLE_MS, TOKENTALLY_SYNC_ARM_MS and
    // TOKENTALLY_SYNC_RETRY_MS (the backoff's base) applied.
    static Timing timingFromEnvironment();

    using TransportFactory = std::function<std::unique_ptr<SyncTransport>()>;
    using SecretsFactory = std::function<std::unique_ptr<SecretStore>()>;

    explicit SyncService(QString dbPath, QObject *parent = nullptr);
    ~SyncService() override;

    // Before start(): what to talk to (default: NetworkTransport and
    // KeychainSecretStore, made by start() on the worker's thread), the timing,
    // and the backoff's random source (tests pin them).
    void setParts(TransportFactory transport, SecretsFactory secrets);
    void setTiming(const Timing &timing);
    void setRandom(std::function<double()> random);

    SyncStatus status() const { return m_status; }

public Q_SLOTS:
    // Opens the store and publishes the status; checks the account with the server.
    void start();
    void stop();
    void setAutoSubmit(bool on, int intervalMinutes);
    // "Submit now": at once (or right after the running operation), whatever the backoff.
    void submitNow();
    // New usage is in the store (UsageService::usageChanged).
    void notifyUsageChanged();
    // From QNetworkInformation: reachability changed.
    void setNetworkReachable(bool reachable);
    void login(const LoginRequest &request);
    void logout();
    void setVisibility(const QString &visibility);
    void deleteServerData();
    // Sends outboxLoaded now and after every later change.
    void loadOutbox();
    void loadOutboxEntry(qint64 id);
    // What a submit would send now, without sending (a dry run: before sign-in,
    // every local day as a first submit would send them). Runs in turn with the
    // other operations; asked before start(), it runs once the store is open.
    void previewSubmit();

Q_SIGNALS:
    void statusChanged(const SyncStatus &status);
    void submitFinished(const SubmitResult &result);
    void accountOpFinished(SyncService::AccountOp op, bool ok, const QString &error,
                           const QString &newToken);
    // The outbox, newest first, without bodies; and the rows not sent, with why.
    void outboxLoaded(const QList<OutboxEntry> &entries, const QList<RejectedBucket> &notSent);
    // One entry with its body (id 0 if it is gone).
    void outboxEntryLoaded(const OutboxEntry &entry);
    void submitPreviewReady(const SubmitPreview &preview);

private:
    enum class Trigger { Manual, Settled, Interval, Retry };
    using Done = std::function<void()>;

    // False when sync could not start (no store).
    bool enqueue(SyncStatus::Activity activity, std::function<void(Done)> run);
    void enqueueAccountOp(AccountOp op, SyncStatus::Activity activity,
                          std::function<void(AccountFlow::Done)> run);
    void runNext();
    void requestSubmit(Trigger trigger);
    void onSubmitted(const SubmitResult &result, Trigger trigger);
    void afterAccountOp(AccountOp op, const AccountResult &result);
    void arm(int delayMs);
    void stopAutomaticTimers();
    // Re-reads the account (and, with \a recount, the days pending and rows not
    // sent), then emits statusChanged.
    void publish(bool recount);
    void recount();
    void emitOutbox();

    QString m_dbPath;
    TransportFactory m_makeTransport;
    SecretsFactory m_makeSecrets;
    Timing m_timing;
    SyncBackoff m_backoff;
    std::function<double()> m_random;

    std::unique_ptr<LocalStore> m_store;
    std::unique_ptr<SyncTransport> m_transport;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<SyncClient> m_client;

    struct Op
    {
        SyncStatus::Activity activity;
        std::function<void(Done)> run;
    };
    std::deque<Op> m_ops;
    bool m_opRunning = false;
    bool m_submitQueued = false;
    bool m_submitRunning = false;
    bool m_submitAgain = false;
    bool m_outboxWatched = false;
    bool m_previewWanted = false;
    // Bumped by stop(): callbacks of an older generation are ignored.
    int m_generation = 0;

    QTimer *m_settle = nullptr;
    QTimer *m_interval = nullptr;
    QTimer *m_retry = nullptr;
    QTimer *m_recount = nullptr;
    QList<RejectedBucket> m_notSent;
    SyncStatus m_status;
};
