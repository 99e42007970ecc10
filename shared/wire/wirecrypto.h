#pragma once

#include <QByteArray>
#include <QString>

#include <memory>

//! \brief Hashing, base64 and Ed25519 for the sync protocol (OpenSSL).
namespace WireCrypto {

//! \brief Lowercase hex SHA-256 of \a data.
QString sha256Hex(const QByteArray &data);
//! \brief Standard base64 with padding.
QByteArray toBase64(const QByteArray &data);
//! \brief Strict base64 decoding: returns false on any invalid character.
bool fromBase64(const QByteArray &text, QByteArray *out);
//! \brief \a bytes cryptographically random bytes.
QByteArray randomBytes(int bytes);
//! \brief Verifies an Ed25519 \a signature (64 bytes) of \a data with a raw
//! 32-byte \a publicKey.
bool verify(const QByteArray &publicKey, const QByteArray &data, const QByteArray &signature);

} // namespace WireCrypto

//! \brief An Ed25519 key pair of one device.
class DeviceKey
{
public:
    //! \brief A fresh random key.
    static DeviceKey generate();
    //! \brief A key from its raw 32-byte private seed; invalid if malformed.
    static DeviceKey fromPrivateKey(const QByteArray &raw);

    DeviceKey();
    ~DeviceKey();
    DeviceKey(DeviceKey &&) noexcept;
    DeviceKey &operator=(DeviceKey &&) noexcept;

    bool isValid() const;
    //! \brief The raw 32-byte private seed (store it in the keychain only).
    QByteArray privateKey() const;
    //! \brief The raw 32-byte public key.
    QByteArray publicKey() const;
    //! \brief The 64-byte Ed25519 signature of \a data.
    QByteArray sign(const QByteArray &data) const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};
