#include "webpages.h"

#include "apierror.h"
#include "core/agent.h"
#include "leaderboard.h"
#include "timewindow.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QUrlQuery>

#include <httplib.h>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace {

const char *const Csp = "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' "
                        "data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

QString param(const httplib::Request &req, const char *name)
{
    return req.has_param(name) ? QString::fromStdString(req.get_param_value(name)) : QString();
}

QString percent(double v)
{
    return QString::number(v * 100, 'f', 0) + u'%';
}

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
        return WebPages::money(e.cost);
    if (metric == u"cacheEfficiency")
        return percent(e.cacheEfficiency());
    if (metric == u"activeDays" || metric == u"streak")
        return QString::number(qint64(e.value)) + u" d"_s;
    return WebPages::compact(e.value);
}

} // namespace

WebPages::WebPages(ServerStore &store, Leaderboard &leaderboard, const ServerConfig &config)
    : m_store(store)
    , m_leaderboard(leaderboard)
    , m_config(config)
{
}

QString WebPages::resource(const QString &name)
{
    QFile file(u":/web/"_s + name);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

QString WebPages::escape(const QString &text)
{
    return text.toHtmlEscaped().replace(u'\'', u"&#39;"_s);
}

QString WebPages::compact(double value)
{
    const double a = std::abs(value);
    const QLocale c = QLocale::c();
    if (a < 1000)
        return c.toString(qint64(std::llround(value)));
    static const char suffixes[] = {'K', 'M', 'B', 'T', 'P'};
    int i = -1;
    double v = value;
    while (std::abs(v) >= 1000 && i < 4) {
        v /= 1000;
        ++i;
    }
    return c.toString(v, 'f', std::abs(v) < 100 ? 1 : 0) + QChar::fromLatin1(suffixes[i]);
}

QString WebPages::money(double usd)
{
    if (usd > 0 && usd < 0.01)
        return u"<$0.01"_s;
    if (usd >= 100000)
        return u"$"_s + compact(usd);
    return u"$"_s + QLocale::c().toString(usd, 'f', 2);
}

QString WebPages::modelColor(const QString &model)
{
    const QString m = model.toLower();
    if (m.contains(u"opus"))
        return u"#C2410C"_s;
    if (m.contains(u"sonnet"))
        return u"#EA580C"_s;
    if (m.contains(u"haiku"))
        return u"#F59E0B"_s;
    if (m.contains(u"claude"))
        return u"#D97706"_s;
    if (m.contains(u"codex"))
        return u"#047857"_s;
    if (m.startsWith(u"gpt") || m.startsWith(u"o1") || m.startsWith(u"o3") || m.startsWith(u"o4"))
        return m.contains(u"mini") ? u"#34D399"_s : u"#10B981"_s;
    if (m.contains(u"gemini"))
        return m.contains(u"flash") ? u"#60A5FA"_s : u"#1D4ED8"_s;
    static const char *const palette[] = {"#8B5CF6", "#EC4899", "#14B8A6", "#64748B",
                                          "#A16207", "#7C3AED", "#DB2777", "#0E7490"};
    return QString::fromLatin1(palette[qHash(model) % std::size(palette)]);
}

QString WebPages::render(const QString &templ, const QHash<QString, QString> &values)
{
    QString out;
    out.reserve(templ.size() * 2);
    qsizetype pos = 0;
    while (true) {
        const qsizetype open = templ.indexOf(u"{{"_s, pos);
        if (open < 0) {
            out += QStringView(templ).mid(pos);
            break;
        }
        out += QStringView(templ).mid(pos, open - pos);
        const bool raw = templ.mid(open, 3) == u"{{{";
        const qsizetype start = open + (raw ? 3 : 2);
        const qsizetype close = templ.indexOf(raw ? u"}}}"_s : u"}}"_s, start);
        if (close < 0) {
            out += QStringView(templ).mid(open);
            break;
        }
        const QString value = values.value(templ.mid(start, close - start).trimmed());
        out += raw ? value : escape(value);
        pos = close + (raw ? 3 : 2);
    }
    return out;
}

QString WebPages::absolute(const QString &path) const
{
    return m_config.publicUrl + path;
}

QByteArray WebPages::layout(const QString &title, const QString &body, const QString &nav,
                            const QString &canonicalPath)
{
    // Canonical links must be absolute: only with a known public URL.
    QString head;
    if (!m_config.publicUrl.isEmpty() && !canonicalPath.isEmpty())
        head = u"<link rel=\"canonical\" href=\""_s + escape(absolute(canonicalPath)) + u"\">"_s;
    return render(resource(u"templates/layout.html"_s),
                  {{u"title"_s, title},
                   {u"head"_s, head},
                   {u"body"_s, body},
                   {u"nav"_s, nav},
                   {u"version"_s, QStringLiteral(TOKENTALLY_VERSION)}})
        .toUtf8();
}

void WebPages::addRoutes(httplib::Server &server)
{
    using Req = const httplib::Request &;
    using Res = httplib::Response &;
    server.Get("/", [this](Req req, Res res) { sendHtml(res, leaderboardPage(req)); });
    server.Get(R"(/u/(.+))", [this](Req req, Res res) {
        // A profile is one user's whole history: render it once per change.
        QString key = QString::fromStdString(req.path);
        for (const auto &[name, value] : req.params)
            key += u'&' + QString::fromStdString(name) + u'=' + QString::fromStdString(value);
        const std::int64_t generation = m_store.generation();
        auto cached = m_cache.get(key, generation);
        if (!cached) {
            int status = 200;
            cached = ResponseCache::Entry {profilePage(req, &status), "text/html", status};
            m_cache.put(key, generation, *cached);
        }
        sendHtml(res, cached->body, cached->status);
    });
    server.Get("/how-it-works", [this](Req, Res res) { sendHtml(res, howItWorksPage()); });
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
        return escape(url);
    };

    QString tabs;
    for (const auto &[id, label] : periods()) {
        tabs += u"<li><a class=\"tab\" data-period=\""_s + id + u"\" href=\""_s +
            link(id, metric, 1) + u'"' + (id == period ? u" aria-current=\"page\""_s : QString()) +
            u'>' + label + u"</a></li>"_s;
    }
    QString metricOptions;
    for (const auto &[id, label] : metricLabels()) {
        metricOptions += u"<option value=\""_s + id + u'"' +
            (id == metric ? u" selected"_s : QString()) + u'>' + label + u"</option>"_s;
    }
    QString agentOptions = u"<option value=\"\">All agents</option>"_s;
    for (const auto &[id, label] :
         QList<std::pair<QString, QString>> {{u"claude-code"_s, u"Claude Code"_s},
                                             {u"codex"_s, u"Codex"_s},
                                             {u"opencode"_s, u"OpenCode"_s}}) {
        agentOptions += u"<option value=\""_s + id + u'"' +
            (id == agent ? u" selected"_s : QString()) + u'>' + label + u"</option>"_s;
    }

    QString rows;
    QString notice;
    QString range;
    QString pager;
    try {
        const auto board = m_leaderboard.board({period, {}, {}, tz, metric, agent});
        range = board->window.first.toString(u"d MMM yyyy"_s) + u" – "_s +
            board->window.last.toString(u"d MMM yyyy"_s) + u" · "_s + board->window.zoneName;
        QList<const BoardEntry *> matched;
        for (const BoardEntry &e : board->entries) {
            if (search.isEmpty() || e.name.contains(search, Qt::CaseInsensitive))
                matched.append(&e);
        }
        const int first = (page - 1) * PageSize;
        for (int i = first; i < std::min<int>(int(matched.size()), first + PageSize); ++i) {
            const BoardEntry &e = *matched.at(i);
            rows += u"<tr><td class=\"rank\">"_s + QString::number(e.rank) +
                u"</td><td class=\"user\"><a href=\"/u/"_s + escape(urlEncode(e.name)) + u"\">"_s +
                escape(e.name) + u"</a></td><td class=\"num value\" title=\""_s +
                escape(QLocale::c().toString(e.value, 'f', metric == u"cost" ? 2 : 0)) + u"\">"_s +
                formatMetric(e, metric).toHtmlEscaped() + u"</td>"_s;
            if (metric != u"tokens")
                rows += u"<td class=\"num\" title=\""_s +
                    QLocale::c().toString(qint64(e.tokens.total())) + u"\">"_s +
                    compact(double(e.tokens.total())) + u"</td>"_s;
            if (metric != u"cost")
                rows += u"<td class=\"num\">"_s + money(e.cost).toHtmlEscaped() + u"</td>"_s;
            if (metric != u"messages")
                rows += u"<td class=\"num\">"_s + compact(double(e.messages)) + u"</td>"_s;
            rows += u"</tr>"_s;
        }
        if (matched.isEmpty())
            notice = u"<p class=\"empty\">Nobody here yet for this period.</p>"_s;
        if (page > 1)
            pager += u"<a rel=\"prev\" href=\""_s + link(period, metric, page - 1) +
                u"\">← Previous</a>"_s;
        if (first + PageSize < matched.size())
            pager +=
                u"<a rel=\"next\" href=\""_s + link(period, metric, page + 1) + u"\">Next →</a>"_s;
    } catch (const ApiError &e) {
        notice = u"<p class=\"empty\" role=\"alert\">"_s + escape(e.reason()) + u"</p>"_s;
    }
    const QString currentMetric = [&metric] {
        for (const auto &[id, label] : metricLabels()) {
            if (id == metric)
                return label;
        }
        return QString();
    }();
    QString head = u"<th scope=\"col\" class=\"num\">"_s + escape(currentMetric) + u"</th>"_s;
    if (metric != u"tokens")
        head += u"<th scope=\"col\" class=\"num\">Tokens</th>"_s;
    if (metric != u"cost")
        head += u"<th scope=\"col\" class=\"num\">Cost</th>"_s;
    if (metric != u"messages")
        head += u"<th scope=\"col\" class=\"num\">Messages</th>"_s;
    const QString body = render(resource(u"templates/leaderboard.html"_s),
                                {{u"tabs"_s, tabs},
                                 {u"head"_s, head},
                                 {u"metricOptions"_s, metricOptions},
                                 {u"agentOptions"_s, agentOptions},
                                 {u"period"_s, period},
                                 {u"tz"_s, tz},
                                 {u"search"_s, search},
                                 {u"range"_s, range},
                                 {u"metricLabel"_s, currentMetric},
                                 {u"rows"_s, rows},
                                 {u"notice"_s, notice},
                                 {u"pager"_s, pager}});
    return layout(u"Leaderboard"_s, body, u"board"_s, u"/"_s);
}

QByteArray WebPages::profilePage(const httplib::Request &req, int *status)
{
    const QString name = QString::fromStdString(req.matches[1]);
    const auto user = m_store.userByName(name);
    if (!user || user->visibility == Visibility::Private) {
        *status = 404;
        return layout(u"Not found"_s,
                      render(resource(u"templates/notfound.html"_s), {{u"name"_s, name}}),
                      QString());
    }
    QJsonObject p;
    try {
        p = m_leaderboard.profile(*user, param(req, "tz"));
    } catch (const ApiError &) {
        p = m_leaderboard.profile(*user, QString());
    }
    const QJsonObject totals = p.value(u"totals"_s).toObject();
    const QJsonObject tokens = totals.value(u"tokens"_s).toObject();
    const QJsonObject streaks = p.value(u"streaks"_s).toObject();
    const QJsonObject ranks = p.value(u"ranks"_s).toObject();

    auto card = [](const QString &label, const QString &value, const QString &title) -> QString {
        return u"<div class=\"card\"><div class=\"card-label\">"_s + escape(label) +
            u"</div><div class=\"card-value\" title=\""_s + escape(title) + u"\">"_s +
            escape(value) + u"</div></div>"_s;
    };
    const double totalTokens = tokens.value(u"total"_s).toDouble();
    QString cards;
    cards += card(u"Tokens"_s, compact(totalTokens), QLocale::c().toString(qint64(totalTokens)));
    cards += card(u"Cost"_s, money(totals.value(u"costUSD"_s).toDouble()),
                  u"priced with the server's table"_s);
    cards += card(u"Messages"_s, compact(totals.value(u"messages"_s).toDouble()), {});
    cards += card(u"Sessions"_s, compact(totals.value(u"sessions"_s).toDouble()), {});
    cards += card(u"Active days"_s, QString::number(totals.value(u"activeDays"_s).toInt()), {});
    cards +=
        card(u"Current streak"_s, QString::number(streaks.value(u"current"_s).toInt()) + u" d"_s,
             u"longest: "_s + QString::number(streaks.value(u"longest"_s).toInt()) + u" d"_s);
    cards += card(u"Cache efficiency"_s, percent(totals.value(u"cacheEfficiency"_s).toDouble()),
                  u"cache reads / all prompt tokens"_s);
    if (ranks.value(u"tokens"_s).isDouble())
        cards += card(u"Rank"_s, u"#"_s + QString::number(ranks.value(u"tokens"_s).toInt()),
                      u"all time, by tokens"_s);

    // Heatmap: 53 week columns ending this week, Monday first.
    const auto zone = TimeWindow::parseZone(p.value(u"tz"_s).toString()).value_or(QTimeZone::utc());
    const QDate today = QDateTime::currentDateTimeUtc().toTimeZone(zone).date();
    const QDate start = today.addDays(-(today.dayOfWeek() - 1) - 52 * 7);
    QHash<QString, QJsonObject> byDate;
    QList<double> values;
    for (const QJsonValue &v : p.value(u"days"_s).toArray()) {
        const QJsonObject d = v.toObject();
        const QDate date = QDate::fromString(d.value(u"date"_s).toString(), Qt::ISODate);
        if (date < start)
            continue;
        byDate.insert(d.value(u"date"_s).toString(), d);
        values.append(d.value(u"tokens"_s).toDouble());
    }
    std::sort(values.begin(), values.end());
    auto quartile = [&values](double q) {
        return values.isEmpty() ? 0.0 : values.at(qsizetype(q * double(values.size() - 1)));
    };
    const double q1 = quartile(0.25), q2 = quartile(0.5), q3 = quartile(0.75);
    constexpr int Cell = 11, Gap = 2, Left = 28, Top = 16;
    QString heat =
        u"<svg class=\"heatmap\" role=\"img\" aria-labelledby=\"heat-title\" viewBox=\"0 0 "_s +
        QString::number(Left + 53 * (Cell + Gap)) + u' ' + QString::number(Top + 7 * (Cell + Gap)) +
        u"\"><title id=\"heat-title\">Tokens per day over the last year</title>"_s;
    for (int row : {0, 2, 4}) {
        heat += u"<text class=\"axis\" x=\"0\" y=\""_s +
            QString::number(Top + row * (Cell + Gap) + 9) + u"\">"_s +
            QLocale::c().dayName(row + 1, QLocale::ShortFormat) + u"</text>"_s;
    }
    int lastMonth = -1;
    for (int week = 0; week < 53; ++week) {
        const QDate weekStart = start.addDays(week * 7);
        if (weekStart.month() != lastMonth) {
            lastMonth = weekStart.month();
            if (week < 51) {
                heat += u"<text class=\"axis\" x=\""_s +
                    QString::number(Left + week * (Cell + Gap)) + u"\" y=\"10\">"_s +
                    QLocale::c().monthName(lastMonth, QLocale::ShortFormat) + u"</text>"_s;
            }
        }
        for (int dow = 0; dow < 7; ++dow) {
            const QDate date = weekStart.addDays(dow);
            if (date > today)
                continue;
            const QJsonObject d = byDate.value(date.toString(Qt::ISODate));
            const double t = d.value(u"tokens"_s).toDouble();
            const int level = t <= 0 ? 0 : t <= q1 ? 1 : t <= q2 ? 2 : t <= q3 ? 3 : 4;
            QString tip = QLocale::c().toString(date, u"ddd d MMM yyyy"_s);
            if (t > 0) {
                tip += u" · "_s + compact(t) + u" tokens · "_s +
                    money(d.value(u"costUSD"_s).toDouble()) + u" · "_s +
                    QString::number(d.value(u"sessions"_s).toInt()) + u" sessions"_s;
            } else {
                tip += u" · no activity"_s;
            }
            heat += u"<rect class=\"l"_s + QString::number(level) + u"\" x=\""_s +
                QString::number(Left + week * (Cell + Gap)) + u"\" y=\""_s +
                QString::number(Top + dow * (Cell + Gap)) + u"\" width=\""_s +
                QString::number(Cell) + u"\" height=\""_s + QString::number(Cell) +
                u"\" rx=\"2\"><title>"_s + escape(tip) + u"</title></rect>"_s;
        }
    }
    heat += u"</svg>"_s;

    // Model mix: one bar per model, widths in SVG units (no inline styles under the CSP).
    QString models;
    for (const QJsonValue &v : p.value(u"models"_s).toArray()) {
        const QJsonObject m = v.toObject();
        const QString model = m.value(u"model"_s).toString();
        const double share = m.value(u"share"_s).toDouble();
        const QJsonValue cost = m.value(u"costUSD"_s);
        models += u"<li><span class=\"mix-name\"><span class=\"swatch\" aria-hidden=\"true\">"
                  "<svg viewBox=\"0 0 10 10\" width=\"10\" height=\"10\"><rect width=\"10\" "
                  "height=\"10\" rx=\"2\" fill=\""_s +
            modelColor(model) + u"\"/></svg></span>"_s + escape(model) +
            u"</span><svg class=\"bar\" viewBox=\"0 0 100 8\" preserveAspectRatio=\"none\" "
            "aria-hidden=\"true\"><rect width=\""_s +
            QString::number(std::max(0.5, share * 100), 'f', 2) +
            u"\" height=\"8\" rx=\"1\" fill=\""_s + modelColor(model) +
            u"\"/></svg><span class=\"num\">"_s + percent(share) + u" · "_s +
            compact(m.value(u"tokens"_s).toDouble()) + u" · "_s +
            escape(cost.isNull() ? u"unpriced"_s : money(cost.toDouble())) + u"</span></li>"_s;
    }
    QString agents;
    for (const QJsonValue &v : p.value(u"agents"_s).toArray()) {
        const QJsonObject a = v.toObject();
        const auto agent = agentFromId(a.value(u"agent"_s).toString());
        agents += u"<li><span class=\"mix-name\">"_s +
            escape(agent ? agentDisplayName(*agent) : a.value(u"agent"_s).toString()) +
            u"</span><span class=\"num\">"_s + percent(a.value(u"share"_s).toDouble()) + u" · "_s +
            compact(a.value(u"tokens"_s).toDouble()) + u"</span></li>"_s;
    }

    // Cost over time: weekly stacked bars of the last 26 weeks.
    QString costChart;
    const QJsonArray weeks = p.value(u"weeklyCost"_s).toArray();
    double maxWeek = 0;
    for (const QJsonValue &w : weeks) {
        double sum = 0;
        const QJsonObject byModel = w.toObject().value(u"costUSD"_s).toObject();
        for (auto it = byModel.begin(); it != byModel.end(); ++it)
            sum += it.value().toDouble();
        maxWeek = std::max(maxWeek, sum);
    }
    if (maxWeek > 0) {
        constexpr int W = 26 * 14, H = 100;
        const QDate firstWeek = today.addDays(1 - today.dayOfWeek() - 25 * 7);
        costChart = u"<svg class=\"costchart\" role=\"img\" aria-labelledby=\"cost-title\" "
                    "viewBox=\"0 0 "_s +
            QString::number(W) + u' ' + QString::number(H + 14) +
            u"\"><title id=\"cost-title\">Cost per week over the last 26 weeks, by model</title>"_s;
        for (const QJsonValue &w : weeks) {
            const QJsonObject o = w.toObject();
            const QDate weekDate = QDate::fromString(o.value(u"week"_s).toString(), Qt::ISODate);
            const int index = int(firstWeek.daysTo(weekDate) / 7);
            if (index < 0 || index >= 26)
                continue;
            double y = H;
            double sum = 0;
            const QJsonObject byModel = o.value(u"costUSD"_s).toObject();
            for (auto it = byModel.begin(); it != byModel.end(); ++it) {
                const double h = it.value().toDouble() / maxWeek * (H - 4);
                y -= h;
                sum += it.value().toDouble();
                costChart += u"<rect x=\""_s + QString::number(index * 14 + 2) + u"\" y=\""_s +
                    QString::number(y, 'f', 1) + u"\" width=\"10\" height=\""_s +
                    QString::number(h, 'f', 1) + u"\" fill=\""_s + modelColor(it.key()) +
                    u"\"><title>"_s + escape(it.key() + u": "_s + money(it.value().toDouble())) +
                    u"</title></rect>"_s;
            }
            Q_UNUSED(sum);
        }
        costChart += u"<text class=\"axis\" x=\"0\" y=\""_s + QString::number(H + 12) + u"\">"_s +
            escape(firstWeek.toString(u"d MMM"_s)) + u"</text><text class=\"axis\" x=\""_s +
            QString::number(W) + u"\" y=\""_s + QString::number(H + 12) +
            u"\" text-anchor=\"end\">this week · max "_s + escape(money(maxWeek)) +
            u"</text></svg>"_s;
    } else {
        costChart = u"<p class=\"empty\">No priced usage in the last 26 weeks.</p>"_s;
    }

    const QString profilePath = u"/u/"_s + urlEncode(user->name);
    const QString badgePath = u"/badge/"_s + urlEncode(user->name) + u".svg"_s;
    const QString body = render(
        resource(u"templates/profile.html"_s),
        {{u"name"_s, user->name},
         {u"visibility"_s, p.value(u"visibility"_s).toString()},
         {u"devices"_s, QString::number(p.value(u"devices"_s).toInt())},
         {u"tz"_s, p.value(u"tz"_s).toString()},
         {u"cards"_s, cards},
         {u"heatmap"_s, heat},
         {u"models"_s, models.isEmpty() ? u"<li class=\"empty\">No usage yet.</li>"_s : models},
         {u"agents"_s, agents},
         {u"costChart"_s, costChart},
         {u"badgeUrl"_s, badgePath},
         {u"badgeMarkdown"_s,
          u"[![TokenTally tokens]("_s + absolute(badgePath) + u")]("_s + absolute(profilePath) +
              u')'},
         {u"badgeHtml"_s,
          u"<a href=\""_s + absolute(profilePath) + u"\"><img src=\""_s + absolute(badgePath) +
              u"\" alt=\"TokenTally tokens\"></a>"_s},
         {u"badgeJson"_s, absolute(u"/badge/"_s + urlEncode(user->name) + u".json"_s)},
         {u"badgeShields"_s,
          u"https://img.shields.io/endpoint?url="_s +
              urlEncode(absolute(u"/badge/"_s + urlEncode(user->name) + u".json"_s))}});
    return layout(user->name, body, u"profile"_s, profilePath);
}

QByteArray WebPages::howItWorksPage()
{
    return layout(u"How it works"_s, resource(u"templates/how-it-works.html"_s), u"how"_s,
                  u"/how-it-works"_s);
}

QString WebPages::badgeValue(const UserRecord &user, const QString &kind, const QString &period)
{
    if (kind == u"rank") {
        if (user.visibility != Visibility::Public || user.hidden)
            return u"unranked"_s;
        const int rank = m_leaderboard.rankOf(user.name, u"tokens"_s, period);
        return rank > 0 ? u"#"_s + QString::number(rank) : u"unranked"_s;
    }
    const TimeWindow window =
        TimeWindow::resolve(period, {}, {}, {}, QDateTime::currentSecsSinceEpoch());
    AggregateQuery q;
    q.from = window.from;
    q.to = window.to;
    q.offsets = window.offsets;
    q.user = user.id;
    q.byDay = kind == u"active-days" || kind == u"streak";
    const auto rows = m_store.aggregate(q);
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
        return compact(double(total.total()));
    if (kind == u"cost")
        return total.total() > 0 && unpriced == total.total() ? u"unpriced"_s : money(cost);
    if (kind == u"active-days")
        return QString::number(days.size()) + (days.size() == 1 ? u" day"_s : u" days"_s);
    if (kind == u"streak") {
        const auto [longest, current] = Leaderboard::streaks(
            days, TimeWindow::dayNumber(QDateTime::currentDateTimeUtc().date()));
        Q_UNUSED(longest);
        return QString::number(current) + (current == 1 ? u" day"_s : u" days"_s);
    }
    const auto prompt = total.input + total.cacheWrite + total.cacheRead;
    return prompt > 0 ? percent(double(total.cacheRead) / double(prompt)) : u"n/a"_s;
}
