#include "keychainsecretstore.h"

#include <qt6keychain/keychain.h>

using namespace Qt::StringLiterals;

namespace {

SecretStore::Status statusOf(QKeychain::Error error)
{
    switch (error) {
    case QKeychain::NoError:
        return SecretStore::Status::Ok;
    case QKeychain::EntryNotFound:
        return SecretStore::Status::NotFound;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return SecretStore::Status::NoKeyring;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return SecretStore::Status::Denied;
    default:
        return SecretStore::Status::Failed;
    }
}

template<typename JobType> JobType *newJob(QObject *parent, const QString &key)
{
    auto *job = new JobType(KeychainSecretStore::serviceName(), parent);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    return job;
}

} // namespace

QString KeychainSecretStore::serviceName()
{
    return u"TokenTally"_s;
}

KeychainSecretStore::KeychainSecretStore(QObject *parent)
    : QObject(parent)
{
}

KeychainSecretStore::~KeychainSecretStore() = default;

void KeychainSecretStore::read(
    const QString &key, std::function<void(Status, const QByteArray &, const QString &)> done)
{
    auto *job = newJob<QKeychain::ReadPasswordJob>(this, key);
    connect(job, &QKeychain::Job::finished, this, [done = std::move(done)](QKeychain::Job *j) {
        auto *read = static_cast<QKeychain::ReadPasswordJob *>(j);
        done(statusOf(j->error()), read->binaryData(), j->errorString());
    });
    job->start();
}

void KeychainSecretStore::write(const QString &key, const QByteArray &value,
                                std::function<void(Status, const QString &)> done)
{
    auto *job = newJob<QKeychain::WritePasswordJob>(this, key);
    job->setBinaryData(value);
    connect(job, &QKeychain::Job::finished, this, [done = std::move(done)](QKeychain::Job *j) {
        done(statusOf(j->error()), j->errorString());
    });
    job->start();
}

void KeychainSecretStore::remove(const QString &key,
                                 std::function<void(Status, const QString &)> done)
{
    auto *job = newJob<QKeychain::DeletePasswordJob>(this, key);
    connect(job, &QKeychain::Job::finished, this, [done = std::move(done)](QKeychain::Job *j) {
        done(statusOf(j->error()), j->errorString());
    });
    job->start();
}
