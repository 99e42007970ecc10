#pragma once

#include "sync/secretstore.h"

#include <QObject>

//! \brief SecretStore over QtKeychain: Secret Service on Linux, Keychain on
//! macOS, Credential Manager on Windows. The insecure plain-text fallback
//! stays off: without a keyring, every call fails with NoKeyring.
class KeychainSecretStore final : public QObject, public SecretStore
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeychainSecretStore)

public:
    //! The keyring service name the entries are filed under.
    static QString serviceName();

    explicit KeychainSecretStore(QObject *parent = nullptr);
    ~KeychainSecretStore() override;

    void read(const QString &key,
              std::function<void(Status, const QByteArray &, const QString &)> done) override;
    void write(const QString &key, const QByteArray &value,
               std::function<void(Status, const QString &)> done) override;
    void remove(const QString &key, std::function<void(Status, const QString &)> done) override;
};
