#pragma once

#include <QByteArray>
#include <QString>

#include <functional>

//! \brief The OS keyring, as sync needs it: the API token and the device's
//! private key live here and nowhere else (the app implements it with
//! QtKeychain: Secret Service, macOS Keychain, Windows Credential Manager).
//! Asynchronous: callbacks run later on the caller's thread, exactly once.
class SecretStore
{
public:
    enum class Status {
        Ok,
        NotFound, //!< No such entry: "not configured".
        NoKeyring, //!< No keyring service is running or reachable.
        Denied, //!< The user or the keyring refused.
        Failed,
    };

    virtual ~SecretStore() = default;
    virtual void read(const QString &key,
                      std::function<void(Status, const QByteArray &, const QString &)> done) = 0;
    virtual void write(const QString &key, const QByteArray &value,
                       std::function<void(Status, const QString &)> done) = 0;
    virtual void remove(const QString &key, std::function<void(Status, const QString &)> done) = 0;
};
