#include "snapshotbuilder.h"

#include "store/localstore.h"

#include <QHash>
#include <QSet>

#include <algorithm>

namespace {

// Sessions are counted as distinct (agent, session id) pairs.
QString sessionKey(const UsageRow &r)
{
    return QString::number(int(r.agent)) + QLatin1Char(':') + r.session;
}

void add(UsageTotals &t, const UsageRow &r)
{
    t.tokens += r.tokens;
    t.costNanoUsd += r.costNanoUsd;
    t.messages += r.messages;
    t.unpricedMessages += r.unpricedMessages;
}

struct Counted
{
    UsageTotals totals;
    QSet<QString> sessions;
    void add(const UsageRow &r)
    {
        ::add(totals, r);
        sessions.insert(sessionKey(r));
    }
    UsageTotals finish() const
    {
        UsageTotals t = totals;
        t.sessions = sessions.size();
        return t;
    }
};

QDateTime utcHour(std::int64_t secs)
{
    return QDateTime::fromSecsSinceEpoch(secs, QTimeZone::utc());
}

} // namespace

std::pair<std::int64_t, std::int64_t> SnapshotBuilder::hourRange(const Options &o)
{
    const QDate first = o.today.addDays(-(o.historyDays - 1));
    const std::int64_t from = QDateTime(first, QTime(0, 0), o.timeZone).toSecsSinceEpoch();
    const std::int64_t to =
        QDateTime(o.today.addDays(1), QTime(0, 0), o.timeZone).toSecsSinceEpoch();
    // A bucket belongs to the day its hour starts in; round outward to whole hours.
    const auto floorHour = [](std::int64_t s) {
        return s - ((s % 3600) + 3600) % 3600;
    };
    const std::int64_t toHour = floorHour(to) == to ? to : floorHour(to) + 3600;
    const std::int64_t fromHour = floorHour(from) == from ? from : floorHour(from) + 3600;
    return {fromHour, toHour};
}

std::pair<int, int> SnapshotBuilder::streaks(const std::vector<DayStat> &days, QDate today)
{
    int longest = 0;
    int run = 0;
    QDate prev;
    for (const DayStat &d : days) {
        if (d.messages <= 0 && d.tokens <= 0)
            continue;
        run = (prev.isValid() && prev.daysTo(d.date) == 1) ? run + 1 : 1;
        longest = std::max(longest, run);
        prev = d.date;
    }
    int current = 0;
    if (prev.isValid() && prev.daysTo(today) <= 1 && prev <= today)
        current = run;
    return {current, longest};
}

UsageSnapshot SnapshotBuilder::build(const std::vector<UsageRow> &rows, const Options &o)
{
    UsageSnapshot s;
    s.today = o.today;
    s.timeZoneId = QString::fromUtf8(o.timeZone.id());
    s.firstDayOfWeek = o.firstDayOfWeek;
    s.filterDay = o.filterDay;
    s.firstDay = o.today.addDays(-(o.historyDays - 1));
    const int dayCount = o.historyDays;
    s.days.resize(size_t(dayCount));
    for (int i = 0; i < dayCount; ++i)
        s.days[size_t(i)].date = s.firstDay.addDays(i);

    const int weekBack = (o.today.dayOfWeek() - int(o.firstDayOfWeek) + 7) % 7;
    const QDate weekStart = o.today.addDays(-weekBack);
    const QDate monthStart(o.today.year(), o.today.month(), 1);

    Counted today, week, month, view;
    std::vector<QSet<QString>> daySessions(static_cast<size_t>(dayCount));
    QHash<QString, int> costModelIndex;
    QHash<QString, UsageTotals> todayModels, monthModels, viewModels;
    QHash<int, Counted> viewAgents;
    struct SessionAcc
    {
        SessionStat stat;
        QSet<QString> models;
    };
    QHash<QString, SessionAcc> sessions;
    QSet<QDate> viewActiveDays;

    std::int64_t cachedHour = std::numeric_limits<std::int64_t>::min();
    QDate day;
    for (const UsageRow &r : rows) {
        if (r.hourStart != cachedHour) {
            cachedHour = r.hourStart;
            day = QDateTime::fromSecsSinceEpoch(r.hourStart, o.timeZone).date();
        }
        const qint64 idx = s.firstDay.daysTo(day);
        if (idx < 0 || idx >= dayCount)
            continue;
        s.hasData = true;
        DayStat &ds = s.days[size_t(idx)];
        ds.tokens += r.tokens.total();
        ds.costNanoUsd += r.costNanoUsd;
        ds.messages += r.messages;
        ds.unpricedMessages += r.unpricedMessages;
        daySessions[size_t(idx)].insert(sessionKey(r));

        if (r.costNanoUsd != 0) {
            auto it = costModelIndex.constFind(r.model);
            if (it == costModelIndex.constEnd()) {
                it = costModelIndex.insert(r.model, int(s.costModels.size()));
                s.costModels << r.model;
                for (auto &perDay : s.costByDay)
                    perDay.push_back(0);
            }
            if (s.costByDay.empty())
                s.costByDay.assign(size_t(dayCount), std::vector<std::int64_t>(1, 0));
            s.costByDay[size_t(idx)][size_t(*it)] += r.costNanoUsd;
        }

        if (day == o.today) {
            today.add(r);
            add(todayModels[r.model], r);
        }
        if (day >= weekStart)
            week.add(r);
        if (day >= monthStart) {
            month.add(r);
            add(monthModels[r.model], r);
        }

        if (o.filterDay && day != *o.filterDay)
            continue;
        view.add(r);
        viewActiveDays.insert(day);
        add(viewModels[r.model], r);
        viewAgents[int(r.agent)].add(r);
        SessionAcc &acc = sessions[sessionKey(r)];
        if (acc.stat.session.isEmpty()) {
            acc.stat.session = r.session;
            acc.stat.agent = r.agent;
            acc.stat.firstActive = utcHour(r.hourStart);
            acc.stat.lastActive = acc.stat.firstActive;
        } else {
            const QDateTime h = utcHour(r.hourStart);
            acc.stat.firstActive = std::min(acc.stat.firstActive, h);
            acc.stat.lastActive = std::max(acc.stat.lastActive, h);
        }
        add(acc.stat.totals, r);
        acc.models.insert(r.model);
    }
    for (int i = 0; i < dayCount; ++i)
        s.days[size_t(i)].sessions = daySessions[size_t(i)].size();

    s.todayTotals = today.finish();
    s.weekTotals = week.finish();
    s.monthTotals = month.finish();
    s.viewTotals = view.finish();
    s.activeDays = int(viewActiveDays.size());
    std::tie(s.currentStreak, s.longestStreak) = streaks(s.days, o.today);

    auto topOf = [](const QHash<QString, UsageTotals> &h) {
        QString best;
        std::int64_t bestTokens = -1;
        for (auto it = h.cbegin(); it != h.cend(); ++it) {
            const std::int64_t t = it->tokens.total();
            if (t > bestTokens || (t == bestTokens && it.key() < best)) {
                best = it.key();
                bestTokens = t;
            }
        }
        return best;
    };
    s.topModelToday = topOf(todayModels);
    s.topModelMonth = topOf(monthModels);

    for (auto it = viewModels.cbegin(); it != viewModels.cend(); ++it)
        s.models.push_back(ModelStat {it.key(), *it});
    std::sort(s.models.begin(), s.models.end(), [](const ModelStat &a, const ModelStat &b) {
        if (a.totals.tokens.total() != b.totals.tokens.total())
            return a.totals.tokens.total() > b.totals.tokens.total();
        return a.model < b.model;
    });
    for (auto it = viewAgents.cbegin(); it != viewAgents.cend(); ++it)
        s.agents.push_back(AgentStat {Agent(it.key()), it->finish()});
    std::sort(s.agents.begin(), s.agents.end(), [](const AgentStat &a, const AgentStat &b) {
        if (a.totals.tokens.total() != b.totals.tokens.total())
            return a.totals.tokens.total() > b.totals.tokens.total();
        return int(a.agent) < int(b.agent);
    });
    s.sessions.reserve(size_t(sessions.size()));
    for (auto it = sessions.begin(); it != sessions.end(); ++it) {
        it->stat.models = QStringList(it->models.cbegin(), it->models.cend());
        it->stat.models.sort();
        it->stat.totals.sessions = 1;
        s.sessions.push_back(std::move(it->stat));
    }
    std::sort(s.sessions.begin(), s.sessions.end(), [](const SessionStat &a, const SessionStat &b) {
        if (a.lastActive != b.lastActive)
            return a.lastActive > b.lastActive;
        if (a.agent != b.agent)
            return int(a.agent) < int(b.agent);
        return a.session < b.session;
    });
    return s;
}
