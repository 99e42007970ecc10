#include "syncservice.h"

#include "store/localstore.h"
#include "sync/keychainsecretstore.h"
#include "sync/networktransport.h"
#include "sync/syncclient.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcSync, "tokentally.sync", QtInfoMsg)

namespace {

int envMs(const char *name, int fallback)
{
    bool ok = false;
    const int v = qEnvironmentVariableIntValue(name, &ok);
    return ok && v >= 0 ? v : fallback;
}

std::int64_t nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

SyncService::Timing SyncService::timingFromEnvironment()
{
    Timing t;
    t.settleMs = envMs("TOKENTALLY_SYNC_SETTLE_MS", t.settleMs);
    t.armMs = envMs("TOKENTALLY_SYNC_ARM_MS", t.armMs);
    t.retryBaseMs = envMs("TOKENTALLY_SYNC_RETRY_MS", int(t.retryBaseMs));
    return t;
}

SyncService::SyncService(QString dbPath, QObject *parent)
    : QObject(parent)
    , m_dbPath(std::move(dbPath))
    , m_backoff(m_timing.retryBaseMs, m_timing.retryCapMs)
{
}

SyncService::~SyncService()
{
    stop();
}

void SyncService::setParts(TransportFactory transport, SecretsFactory secrets)
{
    m_makeTransport = std::move(transport);
    m_makeSecrets = std::move(secrets);
}

void SyncService::setTiming(const Timing &timing)
{
    m_timing = timing;
    m_backoff = SyncBackoff(m_timing.retryBaseMs, m_timing.retryCapMs, m_random);
}

void SyncService::setRandom(std::function<double()> random)
{
    m_random = std::move(random);
    m_backoff = SyncBackoff(m_timing.retryBaseMs, m_timing.retryCapMs, m_random);
}

void SyncService::start()
{
    if (m_store)
        return;
    m_store = std::make_unique<LocalStore>();
    QString error;
    if (!m_store->open(m_dbPath, &error)) {
        m_store.reset();
        m_status.loaded = true;
        m_status.storeError = tr("Cannot open the usage store %1: %2").arg(m_dbPath, error);
        Q_EMIT statusChanged(m_status);
        if (std::exchange(m_previewWanted, false))
            previewSubmit();
        return;
    }
    // Made here, on the worker's thread: QNetworkAccessManager and QtKeychain's
    // jobs belong to the thread that runs them.
    m_transport = m_makeTransport ? m_makeTransport() : std::make_unique<NetworkTransport>();
    m_secrets = m_makeSecrets ? m_makeSecrets() : std::make_unique<KeychainSecretStore>();
    m_client = std::make_unique<SyncClient>(*m_store, *m_transport, *m_secrets);

    auto timer = [this](bool singleShot, auto slot) {
        auto *t = new QTimer(this);
        t->setSingleShot(singleShot);
        connect(t, &QTimer::timeout, this, slot);
        return t;
    };
    m_settle = timer(true, [this] { requestSubmit(Trigger::Settled); });
    m_interval = timer(false, [this] {
        // The backoff decides while a failed submit waits for its retry.
        if (!m_retry->isActive())
            requestSubmit(Trigger::Interval);
    });
    m_interval->setTimerType(Qt::VeryCoarseTimer);
    m_retry = timer(true, [this] { requestSubmit(Trigger::Retry); });
    // Coarse timers may fire 5% early: never before the server's Retry-After.
    m_retry->setTimerType(Qt::PreciseTimer);
    m_recount = timer(true, [this] { publish(true); });

    publish(true);
    const auto account = SyncStore(*m_store).account();
    if (account && !account->signedOut) {
        // Visibility may have changed elsewhere, and a revoked token shows here
        // before the first submit. Offline, nothing changes.
        enqueue(SyncStatus::Activity::Refreshing, [this](Done done) {
            m_client->account().refresh([this, done](const AccountResult &) {
                done();
                publish(false);
            });
        });
    }
    if (m_status.autoSubmit) {
        m_interval->start(m_status.intervalMinutes * 60'000);
        arm(m_timing.settleMs);
    }
    if (std::exchange(m_previewWanted, false))
        previewSubmit();
}

void SyncService::stop()
{
    ++m_generation;
    m_ops.clear();
    m_opRunning = m_submitQueued = m_submitRunning = m_submitAgain = false;
    for (QTimer *t : {m_settle, m_interval, m_retry, m_recount}) {
        if (t)
            t->stop();
    }
    // Pending replies and keyring jobs die with their owners first, so that no
    // callback can reach the client after it is gone; the client itself only
    // holds references to them until the next line.
    m_transport.reset();
    m_secrets.reset();
    m_client.reset();
    m_store.reset();
}

bool SyncService::enqueue(SyncStatus::Activity activity, std::function<void(Done)> run)
{
    if (!m_client)
        return false;
    m_ops.push_back({activity, std::move(run)});
    runNext();
    return true;
}

void SyncService::enqueueAccountOp(AccountOp op, SyncStatus::Activity activity,
                                   std::function<void(AccountFlow::Done)> run)
{
    const bool queued = enqueue(activity, [this, op, run](Done done) {
        const int generation = m_generation;
        run([this, op, done, generation](const AccountResult &r) {
            if (generation != m_generation)
                return;
            done();
            afterAccountOp(op, r);
        });
    });
    if (!queued) {
        AccountResult r;
        r.error = m_status.storeError.isEmpty() ? tr("Sync has not started.") : m_status.storeError;
        Q_EMIT accountOpFinished(op, false, r.error, QString());
    }
}

void SyncService::runNext()
{
    if (m_opRunning || m_ops.empty() || !m_client)
        return;
    Op op = std::move(m_ops.front());
    m_ops.pop_front();
    m_opRunning = true;
    m_status.activity = op.activity;
    publish(false);
    const int generation = m_generation;
    op.run([this, generation] {
        if (generation != m_generation)
            return;
        m_opRunning = false;
        m_status.activity = SyncStatus::Activity::Idle;
        // Queued: an operation that finishes at once must not nest the next one.
        QMetaObject::invokeMethod(this, &SyncService::runNext, Qt::QueuedConnection);
    });
}

void SyncService::arm(int delayMs)
{
    if (!m_settle || !m_status.autoSubmit || !m_status.canSubmit() || m_status.paused)
        return;
    // A failed submit waits for its retry; new usage does not shortcut the backoff.
    if (m_retry->isActive())
        return;
    m_settle->start(delayMs);
}

void SyncService::stopAutomaticTimers()
{
    for (QTimer *t : {m_settle, m_interval, m_retry}) {
        if (t)
            t->stop();
    }
    m_status.waitingForNetwork = false;
}

void SyncService::setAutoSubmit(bool on, int intervalMinutes)
{
    const bool switchedOn = on && !m_status.autoSubmit;
    const bool intervalChanged = intervalMinutes != m_status.intervalMinutes;
    m_status.autoSubmit = on;
    m_status.intervalMinutes = intervalMinutes;
    if (!m_client)
        return; // start() arms it, or the store cannot be opened
    if (!on) {
        // Off means nothing leaves by itself any more, retries included.
        stopAutomaticTimers();
        publish(false);
        return;
    }
    if (switchedOn || intervalChanged || !m_interval->isActive())
        m_interval->start(intervalMinutes * 60'000);
    if (switchedOn) {
        m_status.paused = false;
        arm(m_timing.armMs);
    }
    publish(false);
}

void SyncService::submitNow()
{
    requestSubmit(Trigger::Manual);
}

void SyncService::notifyUsageChanged()
{
    if (!m_client)
        return;
    if (!m_recount->isActive())
        m_recount->start(m_timing.recountMs);
    arm(m_timing.settleMs);
}

void SyncService::setNetworkReachable(bool reachable)
{
    qCDebug(lcSync) << "network reachable:" << reachable;
    if (!reachable || !m_retry || !m_retry->isActive() || !m_status.waitingForNetwork)
        return;
    // Back online: retry now rather than at the end of the backoff, a second
    // or three later so that the clients of one network do not come at once.
    const double r = m_random ? m_random() : QRandomGenerator::global()->generateDouble();
    m_retry->start(1000 + int(2000 * std::clamp(r, 0.0, 1.0)));
    publish(false);
}

void SyncService::requestSubmit(Trigger trigger)
{
    if (!m_client)
        return;
    if (!m_status.canSubmit())
        return;
    const bool automatic = trigger == Trigger::Settled || trigger == Trigger::Interval;
    if (automatic && (!m_status.autoSubmit || m_status.paused))
        return;
    if (trigger == Trigger::Manual) {
        // The user asked: now, whatever the backoff planned.
        m_status.paused = false;
        m_retry->stop();
    }
    m_settle->stop();
    if (m_submitQueued)
        return;
    if (m_submitRunning) {
        // Changes that arrive during a submit go out right after it.
        m_submitAgain = true;
        return;
    }
    m_submitQueued = true;
    enqueue(SyncStatus::Activity::Submitting, [this, trigger](Done done) {
        m_submitQueued = false;
        m_submitRunning = true;
        const int generation = m_generation;
        m_client->submit(false, [this, trigger, done, generation](const SubmitResult &result) {
            if (generation != m_generation)
                return;
            m_submitRunning = false;
            done();
            onSubmitted(result, trigger);
        });
    });
}

void SyncService::onSubmitted(const SubmitResult &result, Trigger trigger)
{
    using O = SubmitResult::Outcome;
    qCDebug(lcSync) << "submit:" << SubmitResult::outcomeName(result.outcome) << result.error;
    const bool again = std::exchange(m_submitAgain, false);
    m_status.waitingForNetwork = false;
    if (result.ok()) {
        m_status.failures = 0;
        m_retry->stop();
        if (again)
            requestSubmit(trigger == Trigger::Manual ? Trigger::Manual : Trigger::Retry);
    } else if (result.transient() || result.outcome == O::StoreError) {
        // StoreError is mostly the CLI holding the store's sync lock: worth a retry.
        ++m_status.failures;
        const std::int64_t delay = m_backoff.delayMs(
            m_status.failures, result.outcome == O::RateLimited ? result.retryAfterSeconds : -1);
        m_status.waitingForNetwork = result.outcome == O::Offline;
        if (m_status.autoSubmit || trigger == Trigger::Manual || trigger == Trigger::Retry)
            m_retry->start(int(std::min<std::int64_t>(delay, std::numeric_limits<int>::max())));
    } else if (result.outcome == O::SignedOut) {
        m_status.failures = 0;
        stopAutomaticTimers();
    } else {
        // Refused (403, 404, 413, 400 for the whole body) or secrets missing from
        // the keyring: trying again by itself would only repeat the refusal.
        m_status.failures = 0;
        m_status.paused = true;
        m_retry->stop();
    }
    Q_EMIT submitFinished(result);
    publish(true);
    emitOutbox();
}

void SyncService::login(const LoginRequest &request)
{
    enqueueAccountOp(AccountOp::Login, SyncStatus::Activity::SigningIn,
                     [this, request](AccountFlow::Done finish) {
                         AccountFlow &account = m_client->account();
                         const auto existing = SyncStore(*m_store).account();
                         if (!existing || !existing->signedOut)
                             return account.login(request, finish);
                         // Signed out by the server: this sign-in replaces the dead one.
                         account.logout([&account, request, finish](const AccountResult &out) {
                             if (!out.ok)
                                 return finish(out);
                             account.login(request, finish);
                         });
                     });
}

void SyncService::logout()
{
    enqueueAccountOp(AccountOp::Logout, SyncStatus::Activity::SigningOut,
                     [this](AccountFlow::Done finish) { m_client->account().logout(finish); });
}

void SyncService::setVisibility(const QString &visibility)
{
    enqueueAccountOp(AccountOp::Visibility, SyncStatus::Activity::ChangingVisibility,
                     [this, visibility](AccountFlow::Done finish) {
                         m_client->account().setVisibility(visibility, finish);
                     });
}

void SyncService::deleteServerData()
{
    enqueueAccountOp(
        AccountOp::DeleteServerData, SyncStatus::Activity::DeletingServerData,
        [this](AccountFlow::Done finish) { m_client->account().deleteServerData(finish); });
}

void SyncService::afterAccountOp(AccountOp op, const AccountResult &result)
{
    if (result.ok && (op == AccountOp::Login)) {
        m_status.failures = 0;
        m_status.paused = false;
        m_retry->stop();
    }
    if (result.ok && (op == AccountOp::Logout || op == AccountOp::DeleteServerData)) {
        m_status.failures = 0;
        m_status.paused = false;
        stopAutomaticTimers();
    }
    publish(true);
    if (result.ok && op == AccountOp::Login && m_status.autoSubmit) {
        if (!m_interval->isActive())
            m_interval->start(m_status.intervalMinutes * 60'000);
        arm(m_timing.armMs);
        publish(false);
    }
    Q_EMIT accountOpFinished(op, result.ok, result.error, result.newToken);
    emitOutbox();
}

void SyncService::recount()
{
    m_status.pendingDays = 0;
    m_status.rowsNotSent = 0;
    m_notSent.clear();
    if (!m_status.signedIn)
        return;
    const SyncClient::Outlook outlook = m_client->outlook(nowMs() / 1000);
    m_status.pendingDays = outlook.pendingDays;
    m_notSent = outlook.notSent;
    m_status.rowsNotSent = int(m_notSent.size());
}

void SyncService::publish(bool recountToo)
{
    if (!m_store)
        return;
    const auto account = SyncStore(*m_store).account();
    SyncStatus &s = m_status;
    s.loaded = true;
    s.signedIn = account.has_value();
    const SyncAccount a = account.value_or(SyncAccount());
    s.signedOut = a.signedOut;
    s.server = a.server;
    s.username = a.username;
    s.deviceId = a.deviceId;
    s.visibility = account ? a.visibility : QString();
    s.profileUrl = account ? a.profileUrl() : QString();
    s.lastAttemptMs = a.lastAttemptMs;
    s.lastSuccessMs = a.lastSuccessMs;
    s.lastResult = a.lastResult;
    s.lastError = a.lastError;
    if (recountToo)
        recount();
    // The next automatic submit: the earliest of the running timers.
    s.nextAttemptMs = 0;
    for (QTimer *t : {m_retry, m_settle, m_interval}) {
        if (t && t->isActive()) {
            const std::int64_t at = nowMs() + std::max(0, t->remainingTime());
            if (s.nextAttemptMs == 0 || at < s.nextAttemptMs)
                s.nextAttemptMs = at;
        }
    }
    if (!s.canSubmit())
        s.nextAttemptMs = 0;
    Q_EMIT statusChanged(s);
}

void SyncService::loadOutbox()
{
    m_outboxWatched = true;
    emitOutbox();
}

void SyncService::emitOutbox()
{
    if (!m_outboxWatched)
        return;
    if (!m_store) {
        Q_EMIT outboxLoaded({}, {});
        return;
    }
    Q_EMIT outboxLoaded(SyncStore(*m_store).outbox(0, false), m_notSent);
}

void SyncService::loadOutboxEntry(qint64 id)
{
    std::optional<OutboxEntry> entry;
    if (m_store)
        entry = SyncStore(*m_store).outboxEntry(id);
    Q_EMIT outboxEntryLoaded(entry.value_or(OutboxEntry()));
}

void SyncService::previewSubmit()
{
    if (!m_client) {
        if (m_status.storeError.isEmpty()) {
            m_previewWanted = true;
            return;
        }
        SubmitPreview preview;
        preview.ready = true;
        preview.error = m_status.storeError;
        Q_EMIT submitPreviewReady(preview);
        return;
    }
    // In the queue like the rest: a dry run signed in asks the server for its
    // checksums with the account's token.
    enqueue(SyncStatus::Activity::Idle, [this](Done done) {
        const int generation = m_generation;
        m_client->submit(true, [this, done, generation](const SubmitResult &result) {
            if (generation != m_generation)
                return;
            done();
            Q_EMIT submitPreviewReady(SubmitPreview::fromResult(result));
        });
    });
}
