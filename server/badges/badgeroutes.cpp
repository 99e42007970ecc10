#include "badgeroutes.h"

#include "badgerenderer.h"
#include "boards/timewindow.h"
#include "core/agent.h"
#include "http/apierror.h"
#include "http/httputil.h"
#include "http/servercontext.h"
#include "web/format.h"

#include <QDateTime>

#include <httplib.h>

using namespace Qt::StringLiterals;
using namespace Http;

BadgeRoutes::BadgeRoutes(ServerContext &context)
    : m_context(context)
{
}

void BadgeRoutes::addRoutes(httplib::Server &server)
{
    server.Get(R"(/badge/(.+)\.(svg|json))",
               [this](const httplib::Request &req, httplib::Response &res) { badge(req, res); });
}

void BadgeRoutes::badge(const httplib::Request &req, httplib::Response &res)
{
    const QString spec = qs(req.matches[1]);
    static const QStringList kinds {u"tokens"_s,      u"cost"_s,   u"rank"_s,
                                    u"active-days"_s, u"streak"_s, u"cache-efficiency"_s};
    // "/badge/{kind}/{name}" or "/badge/{name}"; names may hold a decoded '/'.
    QString kind = u"tokens"_s;
    QString name = spec;
    const qsizetype slash = spec.indexOf(u'/');
    if (slash >= 0 && kinds.contains(spec.left(slash))) {
        kind = spec.left(slash);
        name = spec.mid(slash + 1);
    }
    const bool stats = spec == u"stats";
    const auto user = stats ? std::nullopt : m_context.userNamed(name);
    if (!stats && slash >= 0 && name == spec && !user)
        throw ApiError(ApiError::NotFound, u"unknown badge"_s);
    // What the badge shows depends on: everything (stats), the user's rows
    // and the boards (rank), or the user's rows alone.
    const ChangeLog::Stamp stamp = stats
        ? m_context.changes.stamp(false, 0)
        : m_context.changes.stamp(kind == u"rank", user ? user->id : -1);
    const QString key = cacheKey(req);
    auto cached = m_context.cache.get(key, stamp);
    if (!cached) {
        cached = render(req, stats ? u"stats"_s : kind, name, user);
        m_context.cache.put(key, stamp, *cached);
    }
    if (cached->contentType.startsWith("image/svg"))
        res.set_header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
    sendCached(req, res, cached->body, cached->contentType.constData(), 600);
}

ResponseCache::Entry BadgeRoutes::render(const httplib::Request &req, const QString &kind,
                                         const QString &, const std::optional<UserRecord> &user)
{
    const bool json = req.matches[2] == "json";
    const auto style = BadgeRenderer::parseStyle(param(req, "style"));
    if (!style)
        throw ApiError(ApiError::BadRequest, u"style must be flat, flat-square or branded"_s);
    const QString period = req.has_param("period") ? param(req, "period") : u"all"_s;
    // ?agent=gemini-cli: that agent's usage only, named and coloured as the agent.
    const QString agent = req.has_param("agent") ? param(req, "agent") : QString();
    QString agentName, agentHue;
    if (!agent.isEmpty()) {
        const std::optional<Agent> a = agentFromId(agent);
        if (!a)
            throw ApiError(ApiError::BadRequest, u"unknown agent"_s);
        if (kind == u"rank" || kind == u"stats")
            throw ApiError(ApiError::BadRequest, u"agent does not apply to this badge"_s);
        agentName = agentDisplayName(*a);
        agentHue = agentColor(*a);
    }
    QString label;
    QString message;
    QString color;
    if (kind == u"stats") {
        label = u"tokentally"_s;
        const StoreStats s = m_context.siteStats.get();
        message = Format::integer(s.users) + (s.users == 1 ? u" user"_s : u" users"_s);
        color = QString::fromLatin1(BadgeRenderer::Blue);
    } else {
        static const QHash<QString, QString> labels {
            {u"tokens"_s, u"tokens"_s}, {u"cost"_s, u"AI cost"_s},
            {u"rank"_s, u"rank"_s},     {u"active-days"_s, u"active days"_s},
            {u"streak"_s, u"streak"_s}, {u"cache-efficiency"_s, u"cache hits"_s}};
        static const QHash<QString, QString> colors {
            {u"tokens"_s, u"#2F6FEB"_s}, {u"cost"_s, u"#97ca00"_s},
            {u"rank"_s, u"#fe7d37"_s},   {u"active-days"_s, u"#4c1"_s},
            {u"streak"_s, u"#e05d44"_s}, {u"cache-efficiency"_s, u"#a4a61d"_s}};
        label = labels.value(kind);
        color = colors.value(kind);
        if (!agentName.isEmpty()) {
            label = agentName + u' ' + label;
            color = agentHue;
        }
        if (!user || user->visibility == Visibility::Private) {
            message = u"not found"_s;
            color = QString::fromLatin1(BadgeRenderer::Grey);
        } else {
            message = badgeValue(*user, kind, period, agent);
        }
    }
    if (req.has_param("label"))
        label = param(req, "label").left(64);
    if (req.has_param("color") && color != QString::fromLatin1(BadgeRenderer::Grey)) {
        const auto custom = BadgeRenderer::parseColor(param(req, "color"));
        if (!custom)
            throw ApiError(ApiError::BadRequest, u"invalid color"_s);
        color = *custom;
    }
    if (json)
        return {BadgeRenderer::endpointJson(label, message, color, *style), "application/json",
                200};
    return {BadgeRenderer::svg(label, message, color, *style), "image/svg+xml;charset=utf-8", 200};
}

QString BadgeRoutes::badgeValue(const UserRecord &user, const QString &kind, const QString &period,
                                const QString &agent)
{
    if (kind == u"rank") {
        if (user.visibility != Visibility::Public || user.hidden)
            return u"unranked"_s;
        const int rank = m_context.leaderboard.rankOf(user.id, u"tokens"_s, period);
        return rank > 0 ? u"#"_s + Format::integer(rank) : u"unranked"_s;
    }
    const TimeWindow window =
        TimeWindow::resolve(period, {}, {}, {}, QDateTime::currentSecsSinceEpoch());
    AggregateQuery q;
    q.from = window.from;
    q.to = window.to;
    q.offsets = window.offsets;
    q.user = user.id;
    q.agent = agent;
    q.byDay = kind == u"active-days" || kind == u"streak";
    const auto rows = m_context.store.aggregate(q);
    TokenCounts total;
    double cost = 0;
    std::int64_t unpriced = 0;
    QList<std::int64_t> days;
    for (const AggregateRow &r : rows) {
        total += r.tokens;
        cost += r.cost;
        unpriced += r.unpricedTokens;
        if (!r.tokens.isZero())
            days.append(r.day);
    }
    if (kind == u"tokens")
        return Format::compact(double(total.total()));
    if (kind == u"cost")
        return total.total() > 0 && unpriced == total.total() ? u"unpriced"_s : Format::money(cost);
    if (kind == u"active-days")
        return Format::integer(days.size()) + (days.size() == 1 ? u" day"_s : u" days"_s);
    if (kind == u"streak") {
        const auto [longest, current] = Leaderboard::streaks(
            days, TimeWindow::dayNumber(QDateTime::currentDateTimeUtc().date()));
        Q_UNUSED(longest);
        return Format::integer(current) + (current == 1 ? u" day"_s : u" days"_s);
    }
    const auto prompt = total.input + total.cacheWrite + total.cacheRead;
    return prompt > 0 ? Format::percent(double(total.cacheRead) / double(prompt)) : u"n/a"_s;
}
