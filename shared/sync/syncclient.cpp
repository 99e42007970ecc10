#include "syncclient.h"

#include "core/processlock.h"
#include "store/localstore.h"
#include "sync/payloadbuilder.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

SyncClient::SyncClient(LocalStore &store, SyncTransport &transport, SecretStore &secrets)
    : m_store(store)
    , m_account(store, transport, secrets)
    , m_engine(store, transport)
{
}

SyncClient::~SyncClient() = default;

void SyncClient::submit(bool dryRun, std::function<void(const SubmitResult &)> done)
{
    SyncStore syncStore(m_store);
    if (dryRun && !syncStore.account())
        return m_engine.submit({}, true, std::move(done));
    // Two submits from one store would race for the same chain link; the
    // lock makes the second wait its turn (a dead holder's lock is gone with it).
    if (!dryRun) {
        m_lock = std::make_unique<ProcessLock>(m_store.path() + u".sync.lock"_s);
        if (!m_lock->tryLock(5000)) {
            m_lock.reset();
            SubmitResult busy;
            busy.outcome = SubmitResult::Outcome::StoreError;
            busy.error = u"another submit from this store is running"_s;
            return done(busy);
        }
    }
    m_account.credentials([this, dryRun, done = std::move(done)](
                              std::optional<SyncCredentials> credentials, const QString &error) {
        auto release = [this, done](const SubmitResult &r) {
            m_lock.reset();
            done(r);
        };
        if (!credentials) {
            SubmitResult r;
            r.outcome = SubmitResult::Outcome::NotSignedIn;
            r.error = error;
            SyncStore(m_store).recordAttempt(QDateTime::currentMSecsSinceEpoch(),
                                             SubmitResult::outcomeName(r.outcome), error, false);
            return release(r);
        }
        m_engine.submit(*credentials, dryRun, release);
    });
}

SyncClient::Outlook SyncClient::outlook(std::int64_t nowSecs)
{
    SyncStore store(m_store);
    const LocalDays local = PayloadBuilder::collect(store.hourlyBuckets(), store.sentKeys(),
                                                    store.refusedRows(), nowSecs);
    return {int(PayloadBuilder::changedDays(local, store.serverDays()).size()), local.skipped};
}
