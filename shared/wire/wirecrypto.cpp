#include "wirecrypto.h"

#include <openssl/evp.h>
#include <openssl/rand.h>
#include <openssl/sha.h>

namespace {
const unsigned char *bytes(const QByteArray &data)
{
    return reinterpret_cast<const unsigned char *>(data.constData());
}
} // namespace

namespace WireCrypto {

QString sha256Hex(const QByteArray &data)
{
    unsigned char digest[SHA256_DIGEST_LENGTH];
    SHA256(bytes(data), size_t(data.size()), digest);
    return QString::fromLatin1(
        QByteArray(reinterpret_cast<const char *>(digest), SHA256_DIGEST_LENGTH).toHex());
}

QByteArray toBase64(const QByteArray &data)
{
    return data.toBase64();
}

bool fromBase64(const QByteArray &text, QByteArray *out)
{
    auto result = QByteArray::fromBase64Encoding(text, QByteArray::AbortOnBase64DecodingErrors);
    if (!result)
        return false;
    *out = *result;
    return true;
}

QByteArray randomBytes(int count)
{
    QByteArray out(count, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char *>(out.data()), count) != 1)
        return {};
    return out;
}

bool verify(const QByteArray &publicKey, const QByteArray &data, const QByteArray &signature)
{
    if (publicKey.size() != 32 || signature.size() != 64)
        return false;
    EVP_PKEY *key = EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr, bytes(publicKey), 32);
    if (!key)
        return false;
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    bool ok = ctx && EVP_DigestVerifyInit(ctx, nullptr, nullptr, nullptr, key) == 1 &&
        EVP_DigestVerify(ctx, bytes(signature), 64, bytes(data), size_t(data.size())) == 1;
    EVP_MD_CTX_free(ctx);
    EVP_PKEY_free(key);
    return ok;
}

} // namespace WireCrypto

struct DeviceKey::Private
{
    EVP_PKEY *key = nullptr;
    ~Private() { EVP_PKEY_free(key); }
};

DeviceKey::DeviceKey() = default;
DeviceKey::~DeviceKey() = default;
DeviceKey::DeviceKey(DeviceKey &&) noexcept = default;
DeviceKey &DeviceKey::operator=(DeviceKey &&) noexcept = default;

DeviceKey DeviceKey::generate()
{
    return fromPrivateKey(WireCrypto::randomBytes(32));
}

DeviceKey DeviceKey::fromPrivateKey(const QByteArray &raw)
{
    DeviceKey result;
    if (raw.size() != 32)
        return result;
    EVP_PKEY *key = EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nullptr, bytes(raw), 32);
    if (key) {
        result.d = std::make_unique<Private>();
        result.d->key = key;
    }
    return result;
}

bool DeviceKey::isValid() const
{
    return d && d->key;
}

QByteArray DeviceKey::privateKey() const
{
    if (!isValid())
        return {};
    QByteArray out(32, '\0');
    size_t len = 32;
    if (EVP_PKEY_get_raw_private_key(d->key, reinterpret_cast<unsigned char *>(out.data()), &len) !=
        1)
        return {};
    return out;
}

QByteArray DeviceKey::publicKey() const
{
    if (!isValid())
        return {};
    QByteArray out(32, '\0');
    size_t len = 32;
    if (EVP_PKEY_get_raw_public_key(d->key, reinterpret_cast<unsigned char *>(out.data()), &len) !=
        1)
        return {};
    return out;
}

QByteArray DeviceKey::sign(const QByteArray &data) const
{
    if (!isValid())
        return {};
    QByteArray out(64, '\0');
    size_t len = 64;
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    bool ok = ctx && EVP_DigestSignInit(ctx, nullptr, nullptr, nullptr, d->key) == 1 &&
        EVP_DigestSign(ctx, reinterpret_cast<unsigned char *>(out.data()), &len, bytes(data),
                       size_t(data.size())) == 1;
    EVP_MD_CTX_free(ctx);
    return ok ? out : QByteArray();
}
