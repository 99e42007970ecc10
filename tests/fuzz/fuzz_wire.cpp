// Submission bodies into WireCodec::parse, the strict decoder the server runs
// on every POST /api/v1/submissions before anything is stored. An accepted
// body must hold only what the protocol defines (closed alphabets, whole
// hours, counts below 2^53, reasoning within output) and survive a round trip
// through serialize() unchanged; a refused one must say why.

#include "fuzzsupport.h"
#include "wire/wirecodec.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace {

bool onlyAscii(const QString &s, QStringView extra)
{
    for (QChar c : s) {
        const char16_t u = c.unicode();
        if (!((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') ||
              extra.contains(c)))
            return false;
    }
    return !s.isEmpty();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray body =
        QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    Submission s;
    QString error;
    if (!WireCodec::parse(body, &s, &error)) {
        FUZZ_CHECK(!error.isEmpty());
        return 0;
    }
    FUZZ_CHECK(s.schema == WireCodec::SchemaVersion);
    FUZZ_CHECK(s.seq >= 1 && s.seq < WireCodec::MaxCount);
    FUZZ_CHECK(s.prevHash.size() == 64 && onlyAscii(s.prevHash, u""));
    FUZZ_CHECK(onlyAscii(s.deviceId, u"-_") && s.deviceId.size() <= WireCodec::MaxIdLength);
    FUZZ_CHECK(onlyAscii(s.client.name, u"-_.") && onlyAscii(s.client.os, u"-_."));
    FUZZ_CHECK(onlyAscii(s.client.version, u"-_.+"));
    for (const WireBucket &b : std::as_const(s.buckets)) {
        FUZZ_CHECK(WireCodec::bucketProblem(b) == nullptr);
        FUZZ_CHECK(b.hour >= 0 && b.hour % 3600 == 0);
        FUZZ_CHECK(WireCodec::parseHour(WireCodec::formatHour(b.hour)) == b.hour);
        FUZZ_CHECK(onlyAscii(b.agent, u"-") && onlyAscii(b.model, u"-_.:/@+[]"));
        FUZZ_CHECK(b.tokens.reasoning <= b.tokens.output);
    }
    const QByteArray canonical = WireCodec::serialize(s);
    Submission back;
    QString backError;
    FUZZ_CHECK(WireCodec::parse(canonical, &back, &backError));
    FUZZ_CHECK(back == s);
    FUZZ_CHECK(WireCodec::serialize(back) == canonical);
    static const QRegularExpression hex(u"^[0-9a-f]{64}$"_s);
    FUZZ_CHECK(hex.match(WireCodec::dayChecksum(s.buckets)).hasMatch());
    return 0;
}
