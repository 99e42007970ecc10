#include "profile.h"

#include "core/timezones.h"
#include "http/apierror.h"
#include "leaderboard.h"
#include "timewindow.h"

#include <QDateTime>
#include <QJsonArray>
#include <QMap>

#include <algorithm>

using namespace Qt::StringLiterals;

Profile::Profile(ServerStore &store, Leaderboard &leaderboard)
    : m_store(store)
    , m_leaderboard(leaderboard)
{
}

QJsonObject Profile::build(const UserRecord &user, const QString &tz)
{
    const auto zone = TimeZones::parse(tz, TimeZones::Context::Server);
    if (!zone)
        throw ApiError(ApiError::BadRequest, u"unknown time zone"_s);
    const QDate today = QDateTime::currentDateTimeUtc().toTimeZone(*zone).date();
    const std::int64_t todayNumber = TimeWindow::dayNumber(today);
    // All time, so totals and streaks cover the whole history; the heatmap
    // shows the last year of it.
    const TimeWindow all =
        TimeWindow::forDates(QDateTime::fromSecsSinceEpoch(TimeWindow::epochStart(), *zone).date(),
                             today.addDays(1), *zone, tz.isEmpty() ? u"UTC"_s : tz);

    AggregateQuery q;
    q.from = all.from;
    q.to = all.to;
    q.offsets = all.offsets;
    q.user = user.id;
    q.byDay = true;
    q.byModel = true;
    q.byAgent = true;
    const auto rows = m_store.aggregate(q);

    TokenCounts total;
    std::int64_t messages = 0, sessions = 0, unpriced = 0;
    double cost = 0;
    struct Mix
    {
        std::int64_t tokens = 0;
        double cost = 0;
        std::int64_t unpriced = 0;
    };
    QMap<QString, Mix> models, agents;
    struct Day
    {
        std::int64_t tokens = 0;
        double cost = 0;
        std::int64_t messages = 0;
        std::int64_t sessions = 0;
        std::int64_t cacheRead = 0;
        std::int64_t prompt = 0;
    };
    QMap<std::int64_t, Day> days;
    QMap<std::int64_t, QMap<QString, double>> weeklyCost; // week start day -> model -> cost
    for (const AggregateRow &r : rows) {
        total += r.tokens;
        messages += r.messages;
        sessions += r.sessions;
        cost += r.cost;
        unpriced += r.unpricedTokens;
        auto &m = models[r.model];
        m.tokens += r.tokens.total();
        m.cost += r.cost;
        m.unpriced += r.unpricedTokens;
        auto &a = agents[r.agent];
        a.tokens += r.tokens.total();
        a.cost += r.cost;
        a.unpriced += r.unpricedTokens;
        auto &d = days[r.day];
        d.tokens += r.tokens.total();
        d.cost += r.cost;
        d.messages += r.messages;
        d.sessions += r.sessions;
        d.cacheRead += r.tokens.cacheRead;
        d.prompt += r.tokens.input + r.tokens.cacheWrite + r.tokens.cacheRead;
        const QDate date = TimeWindow::dateOf(r.day);
        if (date.daysTo(today) < 26 * 7)
            weeklyCost[TimeWindow::dayNumber(date.addDays(1 - date.dayOfWeek()))][r.model] +=
                r.cost;
    }
    QList<std::int64_t> activeDays;
    QJsonArray dayArray;
    for (auto it = days.cbegin(); it != days.cend(); ++it) {
        if (it->tokens == 0)
            continue;
        activeDays.append(it.key());
        if (todayNumber - it.key() >= 371)
            continue;
        dayArray.append(QJsonObject {
            {u"date"_s, TimeWindow::dateOf(it.key()).toString(Qt::ISODate)},
            {u"tokens"_s, qint64(it->tokens)},
            {u"costUSD"_s, Leaderboard::roundCost(it->cost)},
            {u"messages"_s, qint64(it->messages)},
            {u"sessions"_s, qint64(it->sessions)},
            {u"cacheEfficiency"_s, it->prompt ? double(it->cacheRead) / double(it->prompt) : 0.0}});
    }
    const auto [longest, current] = Leaderboard::streaks(activeDays, todayNumber);

    auto mixArray = [&total](const QMap<QString, Mix> &mix, const QString &keyName) {
        QList<std::pair<QString, Mix>> sorted;
        for (auto it = mix.cbegin(); it != mix.cend(); ++it)
            sorted.append({it.key(), it.value()});
        std::sort(sorted.begin(), sorted.end(),
                  [](const auto &a, const auto &b) { return a.second.tokens > b.second.tokens; });
        QJsonArray out;
        for (const auto &[name, m] : sorted) {
            QJsonObject o {
                {keyName, name},
                {u"tokens"_s, qint64(m.tokens)},
                {u"share"_s, total.total() ? double(m.tokens) / double(total.total()) : 0.0}};
            o.insert(u"costUSD"_s,
                     m.unpriced == m.tokens && m.tokens > 0 ? QJsonValue()
                                                            : Leaderboard::roundCost(m.cost));
            out.append(o);
        }
        return out;
    };
    QJsonArray weeks;
    for (auto it = weeklyCost.cbegin(); it != weeklyCost.cend(); ++it) {
        QJsonObject byModel;
        for (auto m = it->cbegin(); m != it->cend(); ++m)
            byModel.insert(m.key(), Leaderboard::roundCost(m.value()));
        weeks.append(QJsonObject {{u"week"_s, TimeWindow::dateOf(it.key()).toString(Qt::ISODate)},
                                  {u"costUSD"_s, byModel}});
    }
    const auto prompt = total.input + total.cacheWrite + total.cacheRead;
    QJsonObject ranks;
    if (user.visibility == Visibility::Public && !user.hidden) {
        for (const QString &metric : {u"tokens"_s, u"cost"_s}) {
            const int r = m_leaderboard.rankOf(user.id, metric, u"all"_s);
            ranks.insert(metric, r > 0 ? QJsonValue(r) : QJsonValue());
        }
        const int monthly = m_leaderboard.rankOf(user.id, u"tokens"_s, u"month"_s);
        ranks.insert(u"tokensThisMonth"_s, monthly > 0 ? QJsonValue(monthly) : QJsonValue());
    }
    return QJsonObject {
        {u"username"_s, user.name},
        {u"visibility"_s, visibilityName(user.visibility)},
        {u"devices"_s, m_store.deviceCount(user.id)},
        {u"tz"_s, all.zoneName},
        {u"totals"_s,
         QJsonObject {
             {u"tokens"_s, Leaderboard::tokensJson(total)},
             {u"messages"_s, qint64(messages)},
             {u"sessions"_s, qint64(sessions)},
             {u"costUSD"_s, Leaderboard::roundCost(cost)},
             {u"unpricedTokens"_s, qint64(unpriced)},
             {u"activeDays"_s, int(activeDays.size())},
             {u"cacheEfficiency"_s, prompt ? double(total.cacheRead) / double(prompt) : 0.0}}},
        {u"streaks"_s, QJsonObject {{u"current"_s, current}, {u"longest"_s, longest}}},
        {u"ranks"_s, ranks},
        {u"days"_s, dayArray},
        {u"models"_s, mixArray(models, u"model"_s)},
        {u"agents"_s, mixArray(agents, u"agent"_s)},
        {u"weeklyCost"_s, weeks},
    };
}
