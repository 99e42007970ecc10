#include "webpages.h"

#include "core/agent.h"

#include "format.h"
#include "http/apierror.h"
#include "http/httputil.h"
#include "http/servercontext.h"
#include "profilepage.h"

#include <QLocale>
#include <QUrl>

#include <httplib.h>

using namespace Qt::StringLiterals;
using namespace PageRenderer;
using Http::param;

namespace {

const char *const Csp = "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' "
                        "data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

QString urlEncode(const QString &text)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(text));
}

void sendHtml(httplib::Response &res, const QByteArray &body, int status = 200)
{
    res.status = status;
    res.set_header("Content-Security-Policy", Csp);
    res.set_header("X-Frame-Options", "DENY");
    res.set_header("Cache-Control", "no-cache");
    res.set_content(body.toStdString(), "text/html; charset=utf-8");
}

const QList<std::pair<QString, QString>> &periods()
{
    static const QList<std::pair<QString, QString>> list {{u"day"_s, u"Today"_s},
                                                          {u"week"_s, u"This week"_s},
                                                          {u"month"_s, u"This month"_s},
                                                          {u"year"_s, u"This year"_s},
                                                          {u"all"_s, u"All time"_s}};
    return list;
}

const QList<std::pair<QString, QString>> &metricLabels()
{
    static const QList<std::pair<QString, QString>> list {
        {u"tokens"_s, u"Tokens"_s},
        {u"cost"_s, u"Cost"_s},
        {u"output"_s, u"Output tokens"_s},
        {u"fresh"_s, u"Fresh tokens"_s},
        {u"messages"_s, u"Messages"_s},
        {u"sessions"_s, u"Sessions"_s},
        {u"activeDays"_s, u"Active days"_s},
        {u"streak"_s, u"Longest streak"_s},
        {u"cacheEfficiency"_s, u"Cache efficiency"_s}};
    return list;
}

QString formatMetric(const BoardEntry &e, const QString &metric)
{
    if (metric == u"cost")
        return Format::money(e.cost);
    if (metric == u"cacheEfficiency")
        return Format::percent(e.cacheEfficiency());
    if (metric == u"activeDays" || metric == u"streak")
        return Format::integer(qint64(e.value)) + u" d"_s;
    return Format::compact(e.value);
}

Data cell(const QString &text, const QString &title = {}, bool first = false)
{
    Data c;
    c.set("text", PageRenderer::text(text));
    // Set even when empty: a missing key would be looked up in outer scopes.
    c.set("title", title.isEmpty() ? flag(false) : PageRenderer::text(title));
    c.set("first", flag(first));
    return c;
}

} // namespace

WebPages::WebPages(ServerContext &context)
    : m_context(context)
{
}

QString WebPages::absolute(const QString &path) const
{
    return m_context.config.publicUrl + path;
}

Data WebPages::pageData(const QString &title, const QString &nav,
                        const QString &canonicalPath) const
{
    Data d;
    d.set("title", text(title));
    d.set("nav", text(nav));
    d.set("version", text(QStringLiteral(TOKENTALLY_VERSION)));
    // Canonical links must be absolute: only with a known public URL.
    if (!m_context.config.publicUrl.isEmpty() && !canonicalPath.isEmpty())
        d.set("canonical", text(absolute(canonicalPath)));
    else
        d.set("canonical", flag(false));
    return d;
}

void WebPages::addRoutes(httplib::Server &server)
{
    using Req = const httplib::Request &;
    using Res = httplib::Response &;
    server.Get("/", [this](Req req, Res res) {
        const QString key = u"page"_s + Http::cacheKey(req);
        const ChangeLog::Stamp stamp = m_context.changes.stamp(true, 0);
        auto cached = m_context.cache.get(key, stamp);
        if (!cached) {
            cached = ResponseCache::Entry {leaderboardPage(req), "text/html", 200};
            m_context.cache.put(key, stamp, *cached);
        }
        sendHtml(res, cached->body);
    });
    server.Get(R"(/u/(.+))", [this](Req req, Res res) {
        // A profile is one user's whole history: render it once per change.
        const auto user = m_context.userNamed(QString::fromStdString(req.matches[1]));
        const QString key = u"page"_s + Http::cacheKey(req);
        const ChangeLog::Stamp stamp = m_context.changes.stamp(true, user ? user->id : -1);
        auto cached = m_context.cache.get(key, stamp);
        if (!cached) {
            int status = 200;
            cached = ResponseCache::Entry {profilePage(req, &status), "text/html", status};
            m_context.cache.put(key, stamp, *cached);
        }
        sendHtml(res, cached->body, cached->status);
    });
    server.Get("/how-it-works", [this](Req, Res res) {
        sendHtml(
            res,
            render(u"how-it-works"_s, pageData(u"How it works"_s, u"how"_s, u"/how-it-works"_s)));
    });
    server.Get(R"(/static/(style\.css|app\.js|mark\.svg))", [](Req req, Res res) {
        const QString name = QString::fromStdString(req.matches[1]);
        const QString content = resource(u"static/"_s + name);
        const char *type = name.endsWith(u".css") ? "text/css; charset=utf-8"
            : name.endsWith(u".js")               ? "text/javascript; charset=utf-8"
                                                  : "image/svg+xml";
        res.set_header("Cache-Control", "public, max-age=3600");
        res.set_content(content.toStdString(), type);
    });
    server.Get("/favicon.ico", [](Req, Res res) {
        res.set_header("Cache-Control", "public, max-age=86400");
        res.set_content(resource(u"static/mark.svg"_s).toStdString(), "image/svg+xml");
    });
}

QByteArray WebPages::leaderboardPage(const httplib::Request &req)
{
    QString period = param(req, "period");
    if (period.isEmpty())
        period = u"month"_s;
    QString metric = param(req, "metric");
    if (metric.isEmpty())
        metric = u"tokens"_s;
    const QString agent = param(req, "agent");
    const QString tz = param(req, "tz");
    const QString search = param(req, "q").left(64);
    bool ok = true;
    int page = req.has_param("page") ? param(req, "page").toInt(&ok) : 1;
    if (!ok || page < 1)
        page = 1;
    constexpr int PageSize = 50;

    auto link = [&](const QString &p, const QString &m, int pg) {
        QString url = u"/?period="_s + urlEncode(p) + u"&metric="_s + urlEncode(m);
        if (!agent.isEmpty())
            url += u"&agent="_s + urlEncode(agent);
        if (!tz.isEmpty())
            url += u"&tz="_s + urlEncode(tz);
        if (!search.isEmpty())
            url += u"&q="_s + urlEncode(search);
        if (pg > 1)
            url += u"&page="_s + QString::number(pg);
        return url;
    };

    Data d = pageData(u"Leaderboard"_s, u"board"_s, u"/"_s);
    Data tabs = list();
    for (const auto &[id, label] : periods()) {
        Data t;
        t.set("id", text(id));
        t.set("label", text(label));
        t.set("href", text(link(id, metric, 1)));
        t.set("current", flag(id == period));
        tabs << t;
    }
    QString metricLabel;
    Data metrics = list();
    for (const auto &[id, label] : metricLabels()) {
        Data m;
        m.set("id", text(id));
        m.set("label", text(label));
        m.set("selected", flag(id == metric));
        metrics << m;
        if (id == metric)
            metricLabel = label;
    }
    Data agents = list();
    QList<std::pair<QString, QString>> agentChoices {{QString(), u"All agents"_s}};
    for (int i = 0; i < AgentCount; ++i)
        agentChoices.append({agentId(Agent(i)), agentDisplayName(Agent(i))});
    for (const auto &[id, label] : agentChoices) {
        Data a;
        a.set("id", text(id));
        a.set("label", text(label));
        a.set("selected", flag(!id.isEmpty() && id == agent));
        agents << a;
    }
    Data columns = list();
    columns << text(metricLabel);
    if (metric != u"tokens")
        columns << text(u"Tokens"_s);
    if (metric != u"cost")
        columns << text(u"Cost"_s);
    if (metric != u"messages")
        columns << text(u"Messages"_s);

    Data rows = list();
    try {
        const auto board = m_context.leaderboard.board({period, {}, {}, tz, metric, agent});
        d.set("range",
              text(board->window.first.toString(u"d MMM yyyy"_s) + u" – "_s +
                   board->window.last.toString(u"d MMM yyyy"_s) + u" · "_s +
                   board->window.zoneName));
        QList<const BoardEntry *> matched;
        for (const BoardEntry &e : board->entries) {
            if (search.isEmpty() || e.name.contains(search, Qt::CaseInsensitive))
                matched.append(&e);
        }
        const int first = (page - 1) * PageSize;
        for (int i = first; i < std::min<int>(int(matched.size()), first + PageSize); ++i) {
            const BoardEntry &e = *matched.at(i);
            Data r;
            r.set("rank", text(Format::integer(e.rank)));
            r.set("name", text(e.name));
            r.set("href", text(u"/u/"_s + urlEncode(e.name)));
            Data cells = list();
            cells << cell(formatMetric(e, metric),
                          QLocale::c().toString(e.value, 'f', metric == u"cost" ? 2 : 0), true);
            if (metric != u"tokens")
                cells << cell(Format::compact(double(e.tokens.total())),
                              Format::integer(e.tokens.total()));
            if (metric != u"cost")
                cells << cell(Format::money(e.cost));
            if (metric != u"messages")
                cells << cell(Format::compact(double(e.messages)));
            r.set("cells", cells);
            rows << r;
        }
        d.set("empty", flag(matched.isEmpty()));
        d.set("prev", page > 1 ? text(link(period, metric, page - 1)) : flag(false));
        d.set("next",
              first + PageSize < matched.size() ? text(link(period, metric, page + 1))
                                                : flag(false));
        d.set("error", flag(false));
    } catch (const ApiError &e) {
        d.set("range", text(QString()));
        d.set("empty", flag(false));
        d.set("prev", flag(false));
        d.set("next", flag(false));
        d.set("error", text(e.reason()));
    }
    d.set("tabs", tabs);
    d.set("metrics", metrics);
    d.set("agents", agents);
    d.set("columns", columns);
    d.set("rows", rows);
    d.set("period", text(period));
    d.set("tz", text(tz));
    d.set("search", text(search));
    d.set("metricLabel", text(metricLabel));
    return render(u"leaderboard"_s, d);
}

QByteArray WebPages::profilePage(const httplib::Request &req, int *status)
{
    const QString name = QString::fromStdString(req.matches[1]);
    const auto user = m_context.userNamed(name);
    if (!user || user->visibility == Visibility::Private) {
        *status = 404;
        Data d = pageData(u"Not found"_s, QString());
        d.set("name", text(name));
        return render(u"notfound"_s, d);
    }
    QJsonObject p;
    try {
        p = m_context.profile.build(*user, param(req, "tz"));
    } catch (const ApiError &) {
        p = m_context.profile.build(*user, QString());
    }
    const QString profilePath = u"/u/"_s + urlEncode(user->name);
    const QString badgePath = u"/badge/"_s + urlEncode(user->name) + u".svg"_s;
    const QString badgeJson = absolute(u"/badge/"_s + urlEncode(user->name) + u".json"_s);
    Data d = pageData(user->name, u"profile"_s, profilePath);
    ProfilePage::fill(d, p);
    d.set("badgeUrl", text(badgePath));
    d.set("badgeMarkdown",
          text(u"[![TokenTally tokens]("_s + absolute(badgePath) + u")]("_s +
               absolute(profilePath) + u')'));
    d.set("badgeHtml",
          text(u"<a href=\""_s + absolute(profilePath) + u"\"><img src=\""_s + absolute(badgePath) +
               u"\" alt=\"TokenTally tokens\"></a>"_s));
    d.set("badgeJson", text(badgeJson));
    d.set("badgeShields", text(u"https://img.shields.io/endpoint?url="_s + urlEncode(badgeJson)));
    return render(u"profile"_s, d);
}
