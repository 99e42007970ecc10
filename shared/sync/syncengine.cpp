#include "syncengine.h"

#include "sync/payloadbuilder.h"
#include "wire/wirecrypto.h"

#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace {

// Restarts from the server's checksums after a 409 or a 400 that named a
// bucket; bounded so that a server that keeps refusing never makes a loop.
constexpr int MaxConflictRestarts = 3;
constexpr int MaxRefusalRestarts = 20;

// Tests and benchmarks shrink bodies to exercise many-body submits on small
// homes (TOKENTALLY_SYNC_BODY_BUCKETS); the protocol's limit is the ceiling.
int bodyBuckets()
{
    bool ok = false;
    const int n = qEnvironmentVariableIntValue("TOKENTALLY_SYNC_BODY_BUCKETS", &ok);
    return ok && n > 0 && n < PayloadBuilder::MaxBucketsPerBody ? n
                                                                : PayloadBuilder::MaxBucketsPerBody;
}

QString resultName(SubmitResult::Outcome outcome)
{
    return SubmitResult::outcomeName(outcome);
}

} // namespace

QString SubmitResult::outcomeName(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Sent:
        return u"sent"_s;
    case Outcome::NothingToSend:
        return u"nothing to send"_s;
    case Outcome::DryRun:
        return u"dry run"_s;
    case Outcome::NotSignedIn:
        return u"not signed in"_s;
    case Outcome::SignedOut:
        return u"signed out"_s;
    case Outcome::Offline:
        return u"offline"_s;
    case Outcome::RateLimited:
        return u"rate limited"_s;
    case Outcome::Refused:
        return u"refused"_s;
    case Outcome::ServerError:
        return u"server error"_s;
    case Outcome::Conflict:
        return u"conflict"_s;
    case Outcome::StoreError:
        return u"store error"_s;
    }
    return {};
}

struct SyncEngine::Run
{
    SyncCredentials credentials;
    DeviceKey key;
    bool dryRun = false;
    std::function<void(const SubmitResult &)> done;
    SyncAccount account;
    SubmitResult result;
    QList<QList<WireBucket>> bodies;
    qsizetype next = 0;
    std::int64_t outboxId = 0;
    QByteArray body;
    QString bodyHash;
    int conflictRestarts = 0;
    int refusalRestarts = 0;
    QSet<QString> daysSent;
    //! The server's day checksums as fetched, and whether they were.
    QHash<QString, QString> serverDays;
    bool haveServerDays = false;
    //! Days of bodies not accepted (their server copy is not the local one).
    QSet<QString> daysUnsent;
    //! The local days as last built, and whether rows were refused since.
    LocalDays local;
    bool refusedSince = false;
    bool finished = false;
};

SyncEngine::SyncEngine(LocalStore &store, SyncTransport &transport)
    : m_local(store)
    , m_store(store)
    , m_transport(transport)
    , m_now([] { return QDateTime::currentMSecsSinceEpoch(); })
{
}

SyncEngine::~SyncEngine() = default;

void SyncEngine::setClock(std::function<std::int64_t()> nowMs)
{
    m_now = std::move(nowMs);
}

void SyncEngine::submit(const SyncCredentials &credentials, bool dryRun,
                        std::function<void(const SubmitResult &)> done)
{
    auto run = std::make_shared<Run>();
    run->credentials = credentials;
    run->dryRun = dryRun;
    run->done = std::move(done);
    const auto account = m_store.account();
    if (!account) {
        if (!dryRun)
            return finish(run, SubmitResult::Outcome::NotSignedIn, u"not signed in"_s);
        // What a first submit would send: every local day, from seq 1.
        run->account.deviceId = u"not-signed-in"_s;
        run->account.lastHash = WireCodec::zeroHash();
        planBodies(run, {});
        return;
    }
    run->account = *account;
    if (!dryRun) {
        run->key = DeviceKey::fromPrivateKey(credentials.privateKey);
        if (!run->key.isValid())
            return finish(run, SubmitResult::Outcome::Refused,
                          u"the device key in the keyring is damaged; sign in again"_s);
    }
    fetchChecksums(run);
}

void SyncEngine::fetchChecksums(const std::shared_ptr<Run> &run)
{
    SyncRequest request;
    request.method = "GET";
    request.path = u"/api/v1/devices/"_s + run->account.deviceId + u"/checksums"_s;
    request.headers.append({"Authorization", "Bearer " + run->credentials.token.toUtf8()});
    ++run->result.requests;
    m_transport.send(run->account.server, request, [this, run](const SyncReply &reply) {
        if (reply.status != 200)
            return failFor(run, reply);
        planBodies(run, reply);
    });
}

void SyncEngine::planBodies(const std::shared_ptr<Run> &run, const SyncReply &reply)
{
    QHash<QString, QString> serverDays;
    run->daysUnsent.clear();
    if (reply.status == 200) {
        const QJsonObject o = reply.json();
        const QJsonObject days = o.value(u"days"_s).toObject();
        for (auto it = days.begin(); it != days.end(); ++it)
            serverDays.insert(it.key(), it.value().toString());
        const std::int64_t seq = o.value(u"seq"_s).toInteger(-1);
        const QString lastHash = o.value(u"lastHash"_s).toString();
        if (seq < 0 || lastHash.size() != 64)
            return finish(run, SubmitResult::Outcome::ServerError,
                          u"the server's checksum answer has no chain position"_s);
        // The server's chain is the truth: a kill after it accepted a body but
        // before we recorded that leaves us one step behind, and a body still
        // marked "sending" is resolved against it here.
        if (!run->dryRun) {
            if (!m_store.adoptServerChain(seq, lastHash, m_now()))
                return finish(run, SubmitResult::Outcome::StoreError,
                              u"could not record the server's chain position"_s);
        }
        run->account.seq = seq;
        run->account.lastHash = lastHash;
        run->serverDays = serverDays;
        run->haveServerDays = true;
    }
    run->local = PayloadBuilder::collect(m_store.hourlyBuckets(), m_store.sentKeys(),
                                         m_store.refusedRows(), m_now() / 1000);
    run->refusedSince = false;
    const LocalDays &local = run->local;
    run->result.rejected = local.skipped;
    const QList<std::int64_t> changed = PayloadBuilder::changedDays(local, serverDays);
    run->bodies = PayloadBuilder::chunk(local, changed, bodyBuckets());
    run->next = 0;
    for (std::int64_t day : changed)
        run->daysUnsent.insert(PayloadBuilder::dayName(day));
    if (run->dryRun) {
        SyncAccount account = run->account;
        for (const auto &buckets : run->bodies) {
            run->result.dryRunBodies.append(
                WireCodec::serialize(PayloadBuilder::submission(account, buckets)));
            ++account.seq; // each body would be the next link
        }
        return finish(run, SubmitResult::Outcome::DryRun);
    }
    sendNext(run);
}

void SyncEngine::sendNext(const std::shared_ptr<Run> &run)
{
    if (run->next >= run->bodies.size()) {
        run->result.daysSent = int(run->daysSent.size());
        return finish(run,
                      run->result.bodiesSent > 0 ? SubmitResult::Outcome::Sent
                                                 : SubmitResult::Outcome::NothingToSend);
    }
    const QList<WireBucket> &buckets = run->bodies.at(run->next);
    run->body = WireCodec::serialize(PayloadBuilder::submission(run->account, buckets));
    run->bodyHash = WireCrypto::sha256Hex(run->body);
    OutboxEntry entry;
    entry.createdMs = m_now();
    entry.server = run->account.server;
    entry.deviceId = run->account.deviceId;
    entry.seq = run->account.seq + 1;
    entry.body = run->body;
    entry.bodyHash = run->bodyHash;
    entry.days = PayloadBuilder::daysOf(buckets);
    run->outboxId = m_store.queueBody(entry, buckets);
    if (run->outboxId == 0)
        return finish(run, SubmitResult::Outcome::StoreError, u"could not write the outbox"_s);

    SyncRequest request;
    request.method = "POST";
    request.path = u"/api/v1/submissions"_s;
    request.body = run->body;
    request.headers.append({"Authorization", "Bearer " + run->credentials.token.toUtf8()});
    request.headers.append(
        {"X-TokenTally-Signature", WireCrypto::toBase64(run->key.sign(run->body))});
    ++run->result.requests;
    m_transport.send(run->account.server, request,
                     [this, run](const SyncReply &reply) { onSubmitted(run, reply); });
}

void SyncEngine::onSubmitted(const std::shared_ptr<Run> &run, const SyncReply &reply)
{
    const QList<WireBucket> &buckets = run->bodies.at(run->next);
    const std::int64_t now = m_now();
    const QString answer = reply.status ? QString::fromUtf8(reply.body) : reply.reason();
    if (reply.status == 200) {
        QList<RejectedBucket> refused;
        const QJsonArray rejected = reply.json().value(u"rejected"_s).toArray();
        for (const QJsonValue &v : rejected) {
            const qsizetype index = v.toObject().value(u"index"_s).toInteger(-1);
            if (index < 0 || index >= buckets.size())
                continue;
            const WireBucket &b = buckets.at(index);
            refused.append(
                {{b.hour, b.agent, b.model}, v.toObject().value(u"reason"_s).toString()});
        }
        const std::int64_t seq = run->account.seq + 1;
        if (!m_store.recordAccepted(run->outboxId, seq, run->bodyHash, reply.status, answer, now,
                                    refused))
            return finish(run, SubmitResult::Outcome::StoreError,
                          u"could not record the server's answer"_s);
        run->account.seq = seq;
        run->account.lastHash = run->bodyHash;
        run->result.rejected.append(refused);
        run->refusedSince = run->refusedSince || !refused.isEmpty();
        ++run->result.bodiesSent;
        run->result.bucketsSent += int(buckets.size() - refused.size());
        for (const QString &day : PayloadBuilder::daysOf(buckets).split(u','))
            run->daysSent.insert(day);
        // A day split over several bodies is complete once its last body is in.
        QSet<QString> later;
        for (qsizetype i = run->next + 1; i < run->bodies.size(); ++i) {
            for (const QString &day : PayloadBuilder::daysOf(run->bodies.at(i)).split(u','))
                later.insert(day);
        }
        for (const QString &day : PayloadBuilder::daysOf(buckets).split(u',')) {
            if (!later.contains(day))
                run->daysUnsent.remove(day);
        }
        ++run->next;
        return sendNext(run);
    }
    if (reply.status == 409 && run->conflictRestarts < MaxConflictRestarts) {
        ++run->conflictRestarts;
        m_store.recordOutcome(run->outboxId, OutboxEntry::State::Conflict, reply.status, answer,
                              now);
        return fetchChecksums(run);
    }
    if (reply.status == 400 && run->refusalRestarts < MaxRefusalRestarts) {
        // "hour in the future: buckets[3]": refuse that row for good and go on
        // without it. A reason naming no bucket refuses the whole body's rows,
        // so the same body is never sent again.
        static const QRegularExpression indexRe(u"buckets\\[(\\d+)\\]"_s);
        const QString reason = reply.reason();
        const auto match = indexRe.match(reason);
        QList<RejectedBucket> refused;
        if (match.hasMatch() && match.captured(1).toLongLong() < buckets.size()) {
            const WireBucket &b = buckets.at(match.captured(1).toLongLong());
            refused.append({{b.hour, b.agent, b.model}, reason});
        } else {
            for (const WireBucket &b : buckets)
                refused.append({{b.hour, b.agent, b.model}, reason});
        }
        ++run->refusalRestarts;
        m_store.recordOutcome(run->outboxId, OutboxEntry::State::Rejected, reply.status, answer,
                              now);
        m_store.rememberRefused(refused, now);
        return fetchChecksums(run);
    }
    // No answer, or a server failure: the body may or may not have been taken.
    // It stays "sending" with the error; the next submit resolves it against
    // the server's chain.
    const bool unknownFate = reply.status == 0 || reply.status >= 500;
    m_store.recordOutcome(run->outboxId,
                          unknownFate               ? OutboxEntry::State::Sending
                              : reply.status == 409 ? OutboxEntry::State::Conflict
                              : reply.status == 400 || reply.status == 403 || reply.status == 413
                              ? OutboxEntry::State::Rejected
                              : OutboxEntry::State::Failed,
                          reply.status, answer, now);
    run->result.daysSent = int(run->daysSent.size());
    failFor(run, reply);
}

void SyncEngine::failFor(const std::shared_ptr<Run> &run, const SyncReply &reply)
{
    using O = SubmitResult::Outcome;
    run->result.retryAfterSeconds = reply.retryAfterSeconds;
    const QString reason = reply.reason();
    if (reply.status == 0)
        return finish(run, O::Offline, reason);
    if (reply.status == 401) {
        m_store.setSignedOut(true);
        return finish(run, O::SignedOut,
                      u"the server no longer accepts this sign-in ("_s + reason +
                          u"); sign in again"_s);
    }
    if (reply.status == 429)
        return finish(run, O::RateLimited, reason);
    if (reply.status == 409)
        return finish(run, O::Conflict, reason);
    if (reply.status >= 500)
        return finish(run, O::ServerError, reason);
    if (reply.status == 404)
        return finish(run, O::Refused,
                      u"the server does not know this device ("_s + reason + u"); sign in again"_s);
    return finish(run, O::Refused, reason);
}

void SyncEngine::rememberServerDays(const std::shared_ptr<Run> &run)
{
    // What the server holds now: what it answered, plus the days whose bodies
    // it accepted in full, at their local checksum (rows it refused excluded).
    QHash<QString, QString> days = run->serverDays;
    if (run->refusedSince)
        run->local = PayloadBuilder::collect(m_store.hourlyBuckets(), m_store.sentKeys(),
                                             m_store.refusedRows(), m_now() / 1000);
    const LocalDays &local = run->local;
    for (const QString &day : std::as_const(run->daysSent)) {
        if (run->daysUnsent.contains(day))
            continue;
        const QDate date = QDate::fromString(day, Qt::ISODate);
        constexpr std::int64_t UnixEpochJulianDay = 2440588;
        const auto it = local.days.constFind(date.toJulianDay() - UnixEpochJulianDay);
        if (it != local.days.cend())
            days.insert(day, WireCodec::dayChecksum(*it));
    }
    m_store.setServerDays(days);
}

void SyncEngine::finish(const std::shared_ptr<Run> &run, SubmitResult::Outcome outcome,
                        const QString &error)
{
    if (run->finished)
        return;
    run->finished = true;
    if (!run->dryRun && run->haveServerDays)
        rememberServerDays(run);
    run->result.outcome = outcome;
    run->result.error = error;
    if (!run->dryRun && outcome != SubmitResult::Outcome::NotSignedIn)
        m_store.recordAttempt(m_now(), resultName(outcome), error, run->result.ok());
    if (run->done)
        run->done(run->result);
}
