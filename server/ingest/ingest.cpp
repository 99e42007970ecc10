#include "ingest.h"

#include "boards/timewindow.h"
#include "core/agent.h"
#include "http/apierror.h"
#include "http/httputil.h"
#include "http/servercontext.h"
#include "pricing/pricetable.h"
#include "reviewer.h"
#include "wire/wirecodec.h"
#include "wire/wirecrypto.h"

#include <QDateTime>
#include <QJsonArray>
#include <QSet>

#include <httplib.h>

using namespace Qt::StringLiterals;
using namespace Http;

namespace {

ApiError conflict(const QString &reason, const DeviceRecord &device)
{
    return ApiError(ApiError::Conflict, reason)
        .with(u"expectedSeq"_s, qint64(device.seq + 1))
        .with(u"lastHash"_s, device.lastHash);
}

} // namespace

Ingest::Ingest(ServerContext &context, Reviewer &reviewer)
    : m_context(context)
    , m_reviewer(reviewer)
{
}

void Ingest::addRoutes(httplib::Server &server)
{
    server.Post("/api/v1/submissions",
                [this](const httplib::Request &req, httplib::Response &res) { submit(req, res); });
}

void Ingest::submit(const httplib::Request &req, httplib::Response &res)
{
    const ServerConfig &config = m_context.config;
    ServerStore &store = m_context.store;
    m_context.guard.limitIp(req);
    const UserRecord user = m_context.guard.authenticate(req);
    m_context.guard.limitToken(user);
    if (std::int64_t(req.body.size()) > config.maxBodyBytes)
        throw ApiError(ApiError::PayloadTooLarge, u"body too large"_s);
    const QByteArray body = QByteArray::fromStdString(req.body);
    Submission submission;
    QString error;
    if (!WireCodec::parse(body, &submission, &error))
        throw ApiError(ApiError::BadRequest, error);
    if (submission.buckets.size() > config.maxBuckets)
        throw ApiError(ApiError::PayloadTooLarge,
                       u"too many buckets (at most %1)"_s.arg(config.maxBuckets));

    const auto device = store.device(submission.deviceId);
    if (!device || device->userId != user.id)
        throw ApiError(ApiError::Forbidden, u"unknown device"_s);
    QByteArray signature;
    const QByteArray signatureHeader =
        QByteArray::fromStdString(req.get_header_value("X-TokenTally-Signature"));
    if (signatureHeader.isEmpty())
        throw ApiError(ApiError::Forbidden, u"missing signature"_s);
    if (!WireCrypto::fromBase64(signatureHeader, &signature) ||
        !WireCrypto::verify(device->publicKey, body, signature)) {
        m_context.guard.authFailed(req);
        throw ApiError(ApiError::Forbidden, u"bad signature"_s);
    }
    if (submission.seq <= device->seq)
        throw conflict(u"replayed seq"_s, *device);
    if (submission.seq > device->seq + 1)
        throw conflict(u"skipped seq"_s, *device);
    if (submission.prevHash != device->lastHash)
        throw conflict(u"prevHash mismatch"_s, *device);

    // Range checks over the whole body before anything is written.
    const std::int64_t now = QDateTime::currentSecsSinceEpoch();
    QHash<std::int64_t, std::int64_t> perHour;
    QSet<QString> keys;
    for (qsizetype i = 0; i < submission.buckets.size(); ++i) {
        const WireBucket &b = submission.buckets.at(i);
        const QString where = u"buckets["_s + QString::number(i) + u']';
        if (b.hour > now + 3600)
            throw ApiError(ApiError::BadRequest, u"hour in the future: "_s + where);
        if (b.hour < TimeWindow::epochStart())
            throw ApiError(ApiError::BadRequest, u"hour before 2020: "_s + where);
        if (b.hour % 3600 != 0)
            throw ApiError(ApiError::BadRequest, u"hour not whole: "_s + where);
        const QString key = QString::number(b.hour) + u'|' + b.agent + u'|' + b.model;
        if (keys.contains(key))
            throw ApiError(ApiError::BadRequest, u"duplicate bucket: "_s + where);
        keys.insert(key);
        std::int64_t &hourTotal = perHour[b.hour];
        hourTotal += b.tokens.total();
        if (hourTotal > config.maxTokensPerHour)
            throw ApiError(ApiError::BadRequest, u"tokens per hour over the cap: "_s + where);
        if (b.messages > 100000 || b.sessions > 10000)
            throw ApiError(ApiError::BadRequest, u"messages or sessions over the cap: "_s + where);
    }

    const PriceTable &prices = PriceTable::bundled();
    QList<StoredBucket> stored;
    QJsonArray rejected;
    QStringList unknownModels;
    stored.reserve(submission.buckets.size());
    for (qsizetype i = 0; i < submission.buckets.size(); ++i) {
        const WireBucket &b = submission.buckets.at(i);
        // An agent this server does not know yet (a newer client): skip it and
        // say so, instead of refusing the rest.
        if (!agentFromId(b.agent)) {
            rejected.append(QJsonObject {{u"index"_s, int(i)}, {u"reason"_s, u"unknown agent"_s}});
            continue;
        }
        StoredBucket s {b.hour, b.agent, b.model, b.tokens, b.messages, b.sessions, std::nullopt};
        if (auto price = prices.find(b.model)) {
            // An hourly aggregate cannot tell which requests crossed 200k
            // prompt tokens: price it at the base rates.
            price->inputAbove200k.reset();
            price->outputAbove200k.reset();
            price->cacheWriteAbove200k.reset();
            price->cacheReadAbove200k.reset();
            s.cost = PriceTable::cost(*price, b.tokens);
        } else if (!Reviewer::looksLikeKnownFamily(b.model) && !unknownModels.contains(b.model)) {
            unknownModels.append(b.model);
        }
        stored.append(s);
    }

    int replaced = 0;
    const QString bodyHash = WireCrypto::sha256Hex(body);
    const auto result =
        store.applySubmission(user.id, submission.deviceId, submission.seq, submission.prevHash,
                              bodyHash, stored, prices.version(), &replaced);
    if (result == ServerStore::ApplyResult::ChainMismatch) {
        // Another submission of this seq (another connection or process) won:
        // the client resyncs from the head it has now.
        const auto head = store.device(submission.deviceId);
        throw conflict(u"replayed seq: chain moved on; resync"_s, head.value_or(*device));
    }
    m_context.metrics.acceptedSubmission(int(stored.size()));
    m_reviewer.reviewSubmission(user, unknownModels);
    sendJson(res,
             QJsonObject {{u"accepted"_s, int(stored.size())},
                          {u"rejected"_s, rejected},
                          {u"replaced"_s, replaced},
                          {u"seq"_s, qint64(submission.seq)},
                          {u"hash"_s, bodyHash},
                          {u"priceTableVersion"_s, prices.version()}});
}
