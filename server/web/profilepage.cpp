#include "profilepage.h"

#include "core/agent.h"
#include "core/timezones.h"
#include "format.h"

#include <QDateTime>
#include <QJsonArray>
#include <QLocale>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace PageRenderer;

namespace {

Data card(const QString &label, const QString &value, const QString &title = {})
{
    Data c;
    c.set("label", text(label));
    c.set("value", text(value));
    c.set("title", text(title));
    return c;
}

Data cards(const QJsonObject &p)
{
    const QJsonObject totals = p.value(u"totals"_s).toObject();
    const QJsonObject streaks = p.value(u"streaks"_s).toObject();
    const QJsonObject ranks = p.value(u"ranks"_s).toObject();
    const double tokens = totals.value(u"tokens"_s).toObject().value(u"total"_s).toDouble();
    Data out = list();
    out << card(u"Tokens"_s, Format::compact(tokens), Format::integer(qint64(tokens)));
    out << card(u"Cost"_s, Format::money(totals.value(u"costUSD"_s).toDouble()),
                u"priced with the server's table"_s);
    out << card(u"Messages"_s, Format::compact(totals.value(u"messages"_s).toDouble()));
    out << card(u"Sessions"_s, Format::compact(totals.value(u"sessions"_s).toDouble()));
    out << card(u"Active days"_s, Format::integer(totals.value(u"activeDays"_s).toInt()));
    out << card(u"Current streak"_s, Format::integer(streaks.value(u"current"_s).toInt()) + u" d"_s,
                u"longest: "_s + Format::integer(streaks.value(u"longest"_s).toInt()) + u" d"_s);
    out << card(u"Cache efficiency"_s,
                Format::percent(totals.value(u"cacheEfficiency"_s).toDouble()),
                u"cache reads / all prompt tokens"_s);
    if (ranks.value(u"tokens"_s).isDouble())
        out << card(u"Rank"_s, u"#"_s + Format::integer(ranks.value(u"tokens"_s).toInt()),
                    u"all time, by tokens"_s);
    return out;
}

// 53 week columns ending this week, Monday first; 5 levels at the quartiles
// of the non-empty days in view (DESIGN.md §7).
Data heatmap(const QJsonObject &p, QDate today)
{
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
    Data heat;
    heat.set("width", number(Left + 53 * (Cell + Gap)));
    heat.set("height", number(Top + 7 * (Cell + Gap)));
    Data dayLabels = list();
    for (int row : {0, 2, 4}) {
        Data l;
        l.set("y", number(Top + row * (Cell + Gap) + 9));
        l.set("text", text(QLocale::c().dayName(row + 1, QLocale::ShortFormat)));
        dayLabels << l;
    }
    Data monthLabels = list();
    Data cells = list();
    int lastMonth = -1;
    for (int week = 0; week < 53; ++week) {
        const QDate weekStart = start.addDays(week * 7);
        if (weekStart.month() != lastMonth) {
            lastMonth = weekStart.month();
            if (week < 51) {
                Data l;
                l.set("x", number(Left + week * (Cell + Gap)));
                l.set("text", text(QLocale::c().monthName(lastMonth, QLocale::ShortFormat)));
                monthLabels << l;
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
                tip += u" · "_s + Format::compact(t) + u" tokens · "_s +
                    Format::money(d.value(u"costUSD"_s).toDouble()) + u" · "_s +
                    Format::integer(d.value(u"sessions"_s).toInt()) + u" sessions"_s;
            } else {
                tip += u" · no activity"_s;
            }
            Data c;
            c.set("level", number(level));
            c.set("x", number(Left + week * (Cell + Gap)));
            c.set("y", number(Top + dow * (Cell + Gap)));
            c.set("size", number(Cell));
            c.set("tip", text(tip));
            cells << c;
        }
    }
    heat.set("dayLabels", dayLabels);
    heat.set("monthLabels", monthLabels);
    heat.set("cells", cells);
    return heat;
}

Data models(const QJsonObject &p)
{
    Data out = list();
    for (const QJsonValue &v : p.value(u"models"_s).toArray()) {
        const QJsonObject m = v.toObject();
        const QString model = m.value(u"model"_s).toString();
        const double share = m.value(u"share"_s).toDouble();
        const QJsonValue cost = m.value(u"costUSD"_s);
        Data d;
        d.set("name", text(model));
        d.set("color", text(Format::modelColor(model)));
        // Widths in SVG units: no inline styles under the CSP.
        d.set("bar", number(std::max(0.5, share * 100), 2));
        d.set("text",
              text(Format::percent(share) + u" · "_s +
                   Format::compact(m.value(u"tokens"_s).toDouble()) + u" · "_s +
                   (cost.isNull() ? u"unpriced"_s : Format::money(cost.toDouble()))));
        out << d;
    }
    return out;
}

Data agents(const QJsonObject &p)
{
    Data out = list();
    for (const QJsonValue &v : p.value(u"agents"_s).toArray()) {
        const QJsonObject a = v.toObject();
        const auto agent = agentFromId(a.value(u"agent"_s).toString());
        Data d;
        d.set("name", text(agent ? agentDisplayName(*agent) : a.value(u"agent"_s).toString()));
        d.set("color", text(agent ? agentColor(*agent) : u"#64748B"_s));
        d.set("text",
              text(Format::percent(a.value(u"share"_s).toDouble()) + u" · "_s +
                   Format::compact(a.value(u"tokens"_s).toDouble())));
        out << d;
    }
    return out;
}

// Weekly stacked bars of the last 26 weeks; nothing without priced usage.
Data costChart(const QJsonObject &p, QDate today)
{
    const QJsonArray weeks = p.value(u"weeklyCost"_s).toArray();
    double maxWeek = 0;
    for (const QJsonValue &w : weeks) {
        double sum = 0;
        const QJsonObject byModel = w.toObject().value(u"costUSD"_s).toObject();
        for (auto it = byModel.begin(); it != byModel.end(); ++it)
            sum += it.value().toDouble();
        maxWeek = std::max(maxWeek, sum);
    }
    if (maxWeek <= 0)
        return flag(false);
    constexpr int W = 26 * 14, H = 100;
    const QDate firstWeek = today.addDays(1 - today.dayOfWeek() - 25 * 7);
    Data chart;
    chart.set("width", number(W));
    chart.set("height", number(H + 14));
    chart.set("axisY", number(H + 12));
    chart.set("firstWeek", text(firstWeek.toString(u"d MMM"_s)));
    chart.set("max", text(Format::money(maxWeek)));
    Data bars = list();
    for (const QJsonValue &w : weeks) {
        const QJsonObject o = w.toObject();
        const QDate weekDate = QDate::fromString(o.value(u"week"_s).toString(), Qt::ISODate);
        const int index = int(firstWeek.daysTo(weekDate) / 7);
        if (index < 0 || index >= 26)
            continue;
        double y = H;
        const QJsonObject byModel = o.value(u"costUSD"_s).toObject();
        for (auto it = byModel.begin(); it != byModel.end(); ++it) {
            const double h = it.value().toDouble() / maxWeek * (H - 4);
            y -= h;
            Data bar;
            bar.set("x", number(index * 14 + 2));
            bar.set("y", number(y, 1));
            bar.set("h", number(h, 1));
            bar.set("color", text(Format::modelColor(it.key())));
            bar.set("title", text(it.key() + u": "_s + Format::money(it.value().toDouble())));
            bars << bar;
        }
    }
    chart.set("bars", bars);
    return chart;
}

} // namespace

void ProfilePage::fill(Data &d, const QJsonObject &p)
{
    const auto zone = TimeZones::parse(p.value(u"tz"_s).toString(), TimeZones::Context::Server)
                          .value_or(QTimeZone::utc());
    const QDate today = QDateTime::currentDateTimeUtc().toTimeZone(zone).date();
    d.set("name", text(p.value(u"username"_s).toString()));
    d.set("visibility", text(p.value(u"visibility"_s).toString()));
    d.set("devices", text(Format::integer(p.value(u"devices"_s).toInt())));
    d.set("tz", text(p.value(u"tz"_s).toString()));
    d.set("cards", cards(p));
    d.set("heat", heatmap(p, today));
    d.set("models", models(p));
    d.set("agents", agents(p));
    d.set("cost", costChart(p, today));
}
