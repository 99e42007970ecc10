#include "boardroutes.h"

#include "apierror.h"
#include "httputil.h"
#include "pricing/pricetable.h"
#include "servercontext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <httplib.h>

using namespace Qt::StringLiterals;
using namespace Http;

BoardRoutes::BoardRoutes(ServerContext &context)
    : m_context(context)
{
}

void BoardRoutes::addRoutes(httplib::Server &s)
{
    using Req = const httplib::Request &;
    using Res = httplib::Response &;
    s.Get("/healthz", [](Req, Res res) { res.set_content("ok\n", "text/plain"); });
    s.Get("/metrics", [this](Req req, Res res) { metrics(req, res); });
    s.Get("/api/v1/leaderboard", [this](Req req, Res res) { leaderboard(req, res); });
    s.Get(R"(/api/v1/users/([^/]+))", [this](Req req, Res res) { userProfile(req, res); });
    s.Get("/api/v1/stats", [this](Req req, Res res) { stats(req, res); });
}

void BoardRoutes::leaderboard(const httplib::Request &req, httplib::Response &res)
{
    const QString key = cacheKey(req);
    const ChangeLog::Stamp stamp = m_context.changes.stamp(true, 0);
    auto cached = m_context.cache.get(key, stamp);
    if (!cached) {
        cached = ResponseCache::Entry {renderLeaderboard(req), "application/json", 200};
        m_context.cache.put(key, stamp, *cached);
    }
    res.set_content(cached->body.toStdString(), cached->contentType.constData());
}

QByteArray BoardRoutes::renderLeaderboard(const httplib::Request &req)
{
    bool ok = true;
    const int limit = req.has_param("limit") ? param(req, "limit").toInt(&ok) : 50;
    if (!ok || limit < 1 || limit > 200)
        throw ApiError(ApiError::BadRequest, u"limit must be 1-200"_s);
    const int offset = req.has_param("offset") ? param(req, "offset").toInt(&ok) : 0;
    if (!ok || offset < 0)
        throw ApiError(ApiError::BadRequest, u"offset must be >= 0"_s);
    const QString search = param(req, "q").left(64);
    const auto board =
        m_context.leaderboard.board({param(req, "period"), param(req, "from"), param(req, "to"),
                                     param(req, "tz"), param(req, "metric"), param(req, "agent")});
    QJsonArray entries;
    int matched = 0;
    for (const BoardEntry &e : board->entries) {
        if (!search.isEmpty() && !e.name.contains(search, Qt::CaseInsensitive))
            continue;
        if (matched++ < offset || entries.size() >= limit)
            continue;
        entries.append(Leaderboard::entryJson(e));
    }
    const TimeWindow &w = board->window;
    return QJsonDocument(QJsonObject {
                             {u"period"_s, w.period},
                             {u"from"_s, w.first.toString(Qt::ISODate)},
                             {u"to"_s, w.last.toString(Qt::ISODate)},
                             {u"tz"_s, w.zoneName},
                             {u"metric"_s, board->metric},
                             {u"agent"_s, board->agent.isEmpty() ? QJsonValue() : board->agent},
                             {u"total"_s, matched},
                             {u"limit"_s, limit},
                             {u"offset"_s, offset},
                             {u"priceTableVersion"_s, PriceTable::bundled().version()},
                             {u"entries"_s, entries},
                         })
        .toJson(QJsonDocument::Compact);
}

void BoardRoutes::userProfile(const httplib::Request &req, httplib::Response &res)
{
    const auto user = m_context.userNamed(qs(req.matches[1]));
    // Private users and unknown names answer alike: existence is private too.
    if (!user || user->visibility == Visibility::Private)
        throw ApiError(ApiError::NotFound, u"no such user"_s);
    sendJson(res, m_context.profile.build(*user, param(req, "tz")));
}

void BoardRoutes::stats(const httplib::Request &, httplib::Response &res)
{
    const StoreStats s = m_context.siteStats.get();
    sendJson(res,
             QJsonObject {{u"users"_s, qint64(s.users)},
                          {u"publicUsers"_s, qint64(s.publicUsers)},
                          {u"devices"_s, qint64(s.devices)},
                          {u"submissions"_s, qint64(s.submissions)},
                          {u"buckets"_s, qint64(s.buckets)},
                          {u"tokens"_s, qint64(s.tokens)},
                          {u"costUSD"_s, Leaderboard::roundCost(s.cost)},
                          {u"priceTableVersion"_s, PriceTable::bundled().version()},
                          {u"version"_s, QStringLiteral(TOKENTALLY_VERSION)}});
}

void BoardRoutes::metrics(const httplib::Request &, httplib::Response &res)
{
    res.set_content(
        m_context.metrics.render(m_context.siteStats.get(), m_context.store.backendName()),
        "text/plain; version=0.0.4");
}
