#include "wirecodec.h"

#include "wirecrypto.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <tuple>

using namespace Qt::StringLiterals;

namespace {

void appendJsonString(QByteArray &out, const QString &text)
{
    out += '"';
    for (QChar c : text) {
        const char16_t u = c.unicode();
        if (u == '"' || u == '\\') {
            out += '\\';
            out += char(u);
        } else if (u < 0x20) {
            out += "\\u00";
            out += QByteArray::number(u, 16).rightJustified(2, '0');
        } else {
            out += QString(c).toUtf8();
        }
    }
    out += '"';
}

void appendField(QByteArray &out, const char *name, std::int64_t value)
{
    out += '"';
    out += name;
    out += "\":";
    out += QByteArray::number(qint64(value));
}

void appendField(QByteArray &out, const char *name, const QString &value)
{
    out += '"';
    out += name;
    out += "\":";
    appendJsonString(out, value);
}

// Only what the protocol defines: a closed alphabet keeps free text (paths,
// prompts, names) out of the aggregate even by accident.
bool isToken(QStringView text, int maxLength, QStringView extra)
{
    if (text.isEmpty() || text.size() > maxLength)
        return false;
    for (QChar c : text) {
        const char16_t u = c.unicode();
        const bool ok = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') ||
            (u >= '0' && u <= '9') || extra.contains(c);
        if (!ok)
            return false;
    }
    return true;
}

QString noPrefix()
{
    return {};
}

QString clientPrefix()
{
    return u"client."_s;
}

template<typename Where>
bool checkKeys(const QJsonObject &object, std::initializer_list<QStringView> allowed,
               const Where &where, QString *error)
{
    // Keys are unique: as many as allowed, all present, means nothing else.
    // Lookups compare in place; iterating keys would build a QString each.
    if (object.size() == qsizetype(allowed.size()) &&
        std::all_of(allowed.begin(), allowed.end(),
                    [&object](QStringView key) { return object.contains(key); }))
        return true;
    for (auto it = object.begin(); it != object.end(); ++it) {
        bool known = false;
        for (QStringView key : allowed)
            known = known || it.key() == key;
        if (!known) {
            *error = u"unknown field: "_s + QString(where()) + it.key();
            return false;
        }
    }
    for (QStringView key : allowed) {
        if (!object.contains(key)) {
            *error = u"missing field: "_s + QString(where()) + key.toString();
            return false;
        }
    }
    return true;
}

// \a where is a prefix for messages only: built on failure, since building it
// for every field of every bucket was a tenth of the ingest time.
template<typename Where>
bool readCount(const QJsonObject &object, QStringView key, const Where &where, std::int64_t *out,
               QString *error)
{
    const QJsonValue value = object.value(key);
    const char *problem = nullptr;
    double d = 0;
    if (!value.isDouble()) {
        problem = "not a number: ";
    } else {
        d = value.toDouble();
        if (d < 0)
            problem = "negative count: ";
        else if (std::floor(d) != d)
            problem = "not an integer: ";
        else if (d >= double(WireCodec::MaxCount))
            problem = "count too large: ";
    }
    if (problem) {
        *error = QString::fromLatin1(problem) + QString(where()) + key.toString();
        return false;
    }
    *out = value.toInteger();
    return true;
}

template<typename Where>
bool readString(const QJsonObject &object, QStringView key, const Where &where, QString *out,
                QString *error)
{
    const QJsonValue value = object.value(key);
    if (!value.isString()) {
        *error = u"not a string: "_s + QString(where()) + key.toString();
        return false;
    }
    *out = value.toString();
    return true;
}

} // namespace

const char *WireCodec::bucketProblem(const WireBucket &b)
{
    if (!isToken(b.agent, 32, u"-"))
        return "invalid agent";
    if (!isToken(b.model, MaxIdLength, u"-_.:/@+[]"))
        return "invalid model";
    for (std::int64_t n : {b.tokens.input, b.tokens.cacheWrite, b.tokens.cacheRead, b.tokens.output,
                           b.tokens.reasoning, b.messages, b.sessions}) {
        if (n < 0)
            return "negative count";
        if (n >= MaxCount)
            return "count too large";
    }
    if (b.tokens.reasoning > b.tokens.output)
        return "reasoning exceeds output";
    return nullptr;
}

QString WireCodec::zeroHash()
{
    return QString(64, u'0');
}

QString WireCodec::dayChecksum(QList<WireBucket> buckets)
{
    std::sort(buckets.begin(), buckets.end(), [](const WireBucket &a, const WireBucket &b) {
        return std::tie(a.hour, a.agent, a.model) < std::tie(b.hour, b.agent, b.model);
    });
    QByteArray text;
    for (const WireBucket &b : buckets) {
        text += formatHour(b.hour).toUtf8() + '|' + b.agent.toUtf8() + '|' + b.model.toUtf8();
        for (std::int64_t n : {b.tokens.input, b.tokens.cacheWrite, b.tokens.cacheRead,
                               b.tokens.output, b.tokens.reasoning, b.messages, b.sessions})
            text += '|' + QByteArray::number(qint64(n));
        text += '\n';
    }
    return WireCrypto::sha256Hex(text);
}

QString WireCodec::formatHour(std::int64_t hour)
{
    return QDateTime::fromSecsSinceEpoch(hour, QTimeZone::utc())
        .toString(u"yyyy-MM-dd'T'HH':00:00Z'"_s);
}

std::int64_t WireCodec::parseHour(QStringView text)
{
    // Exactly YYYY-MM-DDTHH:00:00Z: one spelling per hour keeps bodies canonical.
    // Parsed by hand: QDateTime::fromString was most of the per-bucket cost.
    if (text.size() != 20 || !text.endsWith(u":00:00Z") || text[4] != u'-' || text[7] != u'-' ||
        text[10] != u'T')
        return -1;
    auto number = [text](qsizetype from, qsizetype length) {
        int value = 0;
        for (qsizetype i = from; i < from + length; ++i) {
            const char16_t c = text[i].unicode();
            if (c < u'0' || c > u'9')
                return -1;
            value = value * 10 + (c - u'0');
        }
        return value;
    };
    const int year = number(0, 4);
    const int month = number(5, 2);
    const int day = number(8, 2);
    const int hour = number(11, 2);
    if (year < 1 || month < 0 || day < 0 || hour < 0 || hour > 23)
        return -1;
    const QDate date(year, month, day);
    if (!date.isValid())
        return -1;
    constexpr std::int64_t UnixEpochJulianDay = 2440588;
    return (date.toJulianDay() - UnixEpochJulianDay) * 86400 + std::int64_t(hour) * 3600;
}

QByteArray WireCodec::serialize(const Submission &s)
{
    QByteArray out;
    out.reserve(256 + 256 * s.buckets.size());
    out += '{';
    appendField(out, "schema", s.schema);
    out += ',';
    appendField(out, "deviceId", s.deviceId);
    out += ',';
    appendField(out, "seq", s.seq);
    out += ',';
    appendField(out, "prevHash", s.prevHash);
    out += ",\"client\":{";
    appendField(out, "name", s.client.name);
    out += ',';
    appendField(out, "version", s.client.version);
    out += ',';
    appendField(out, "os", s.client.os);
    out += "},\"buckets\":[";
    bool first = true;
    for (const WireBucket &b : s.buckets) {
        if (!first)
            out += ',';
        first = false;
        out += '{';
        appendField(out, "hour", formatHour(b.hour));
        out += ',';
        appendField(out, "agent", b.agent);
        out += ',';
        appendField(out, "model", b.model);
        out += ',';
        appendField(out, "input", b.tokens.input);
        out += ',';
        appendField(out, "cacheWrite", b.tokens.cacheWrite);
        out += ',';
        appendField(out, "cacheRead", b.tokens.cacheRead);
        out += ',';
        appendField(out, "output", b.tokens.output);
        out += ',';
        appendField(out, "reasoning", b.tokens.reasoning);
        out += ',';
        appendField(out, "messages", b.messages);
        out += ',';
        appendField(out, "sessions", b.sessions);
        out += '}';
    }
    out += "]}";
    return out;
}

bool WireCodec::parse(const QByteArray &body, Submission *out, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = u"malformed JSON: "_s + parseError.errorString();
        return false;
    }
    if (!doc.isObject()) {
        *error = u"malformed JSON: body is not an object"_s;
        return false;
    }
    const QJsonObject root = doc.object();
    if (!checkKeys(root, {u"schema", u"deviceId", u"seq", u"prevHash", u"client", u"buckets"},
                   noPrefix, error))
        return false;

    Submission s;
    std::int64_t schema = 0;
    if (!readCount(root, u"schema", noPrefix, &schema, error))
        return false;
    if (schema != SchemaVersion) {
        *error = u"unsupported schema: "_s + QString::number(schema);
        return false;
    }
    s.schema = int(schema);
    if (!readString(root, u"deviceId", noPrefix, &s.deviceId, error))
        return false;
    if (!isToken(s.deviceId, MaxIdLength, u"-_")) {
        *error = u"invalid deviceId"_s;
        return false;
    }
    if (!readCount(root, u"seq", noPrefix, &s.seq, error))
        return false;
    if (s.seq < 1) {
        *error = u"invalid seq"_s;
        return false;
    }
    if (!readString(root, u"prevHash", noPrefix, &s.prevHash, error))
        return false;
    if (s.prevHash.size() != 64 || !isToken(s.prevHash, 64, {}) ||
        s.prevHash.toLower() != s.prevHash) {
        *error = u"invalid prevHash"_s;
        return false;
    }

    const QJsonValue clientValue = root.value(u"client");
    if (!clientValue.isObject()) {
        *error = u"not an object: client"_s;
        return false;
    }
    const QJsonObject client = clientValue.toObject();
    if (!checkKeys(client, {u"name", u"version", u"os"}, clientPrefix, error))
        return false;
    if (!readString(client, u"name", clientPrefix, &s.client.name, error) ||
        !readString(client, u"version", clientPrefix, &s.client.version, error) ||
        !readString(client, u"os", clientPrefix, &s.client.os, error))
        return false;
    if (!isToken(s.client.name, 32, u"-_.") || !isToken(s.client.version, 32, u"-_.+") ||
        !isToken(s.client.os, 32, u"-_.")) {
        *error = u"invalid client"_s;
        return false;
    }

    const QJsonValue bucketsValue = root.value(u"buckets");
    if (!bucketsValue.isArray()) {
        *error = u"not an array: buckets"_s;
        return false;
    }
    const QJsonArray buckets = bucketsValue.toArray();
    s.buckets.reserve(buckets.size());
    for (qsizetype i = 0; i < buckets.size(); ++i) {
        const auto where = [i]() -> QString {
            return u"buckets["_s + QString::number(i) + u"]."_s;
        };
        if (!buckets.at(i).isObject()) {
            *error = u"not an object: "_s + where().chopped(1);
            return false;
        }
        const QJsonObject b = buckets.at(i).toObject();
        if (!checkKeys(b,
                       {u"hour", u"agent", u"model", u"input", u"cacheWrite", u"cacheRead",
                        u"output", u"reasoning", u"messages", u"sessions"},
                       where, error))
            return false;
        WireBucket bucket;
        QString hour;
        if (!readString(b, u"hour", where, &hour, error))
            return false;
        bucket.hour = parseHour(hour);
        if (bucket.hour < 0) {
            *error = u"invalid hour: "_s + where() + u"hour"_s;
            return false;
        }
        if (!readString(b, u"agent", where, &bucket.agent, error) ||
            !readString(b, u"model", where, &bucket.model, error))
            return false;
        if (!readCount(b, u"input", where, &bucket.tokens.input, error) ||
            !readCount(b, u"cacheWrite", where, &bucket.tokens.cacheWrite, error) ||
            !readCount(b, u"cacheRead", where, &bucket.tokens.cacheRead, error) ||
            !readCount(b, u"output", where, &bucket.tokens.output, error) ||
            !readCount(b, u"reasoning", where, &bucket.tokens.reasoning, error) ||
            !readCount(b, u"messages", where, &bucket.messages, error) ||
            !readCount(b, u"sessions", where, &bucket.sessions, error))
            return false;
        if (const char *problem = bucketProblem(bucket)) {
            *error = QString::fromLatin1(problem) + u": "_s + where().chopped(1);
            return false;
        }
        s.buckets.append(bucket);
    }
    *out = std::move(s);
    return true;
}
