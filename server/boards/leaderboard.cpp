#include "leaderboard.h"

#include "core/agent.h"

#include "http/apierror.h"

#include <QDateTime>
#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

double metricValue(const BoardEntry &e, QStringView metric)
{
    if (metric == u"tokens")
        return double(e.tokens.total());
    if (metric == u"output")
        return double(e.tokens.output);
    if (metric == u"fresh")
        return double(e.tokens.total() - e.tokens.cacheRead);
    if (metric == u"cost")
        return e.cost;
    if (metric == u"messages")
        return double(e.messages);
    if (metric == u"sessions")
        return double(e.sessions);
    if (metric == u"activeDays")
        return e.activeDays;
    if (metric == u"streak")
        return e.streak;
    if (metric == u"cacheEfficiency")
        return e.cacheEfficiency();
    return 0;
}

constexpr int MaxCachedKeys = 1000;

} // namespace

Leaderboard::Leaderboard(ServerStore &store, ChangeLog &changes)
    : m_store(store)
    , m_changes(changes)
{
}

Leaderboard::~Leaderboard()
{
    stop();
}

void Leaderboard::stop()
{
    if (m_warmUp.joinable())
        m_warmUp.join();
}

void Leaderboard::warmUp()
{
    if (m_warmUp.joinable())
        return;
    // The home page's board, and the all-time totals behind profile ranks and
    // rank badges (the slowest aggregation: every row). Requests meanwhile
    // are served; one for a board being computed waits for it.
    m_warmUp = std::thread([this] {
        for (const QString &period : {u"month"_s, u"all"_s}) {
            try {
                board({period, {}, {}, {}, u"tokens"_s, {}});
            } catch (const std::exception &e) {
                std::fprintf(stderr, "board warm-up failed: %s\n", e.what());
            }
        }
    });
}

const QStringList &Leaderboard::metrics()
{
    static const QStringList list {u"tokens"_s,     u"output"_s,   u"fresh"_s,
                                   u"cost"_s,       u"messages"_s, u"sessions"_s,
                                   u"activeDays"_s, u"streak"_s,   u"cacheEfficiency"_s};
    return list;
}

double Leaderboard::roundCost(double usd)
{
    return std::round(usd * 1e6) / 1e6;
}

std::pair<int, int> Leaderboard::streaks(QList<std::int64_t> days, std::int64_t today)
{
    std::sort(days.begin(), days.end());
    int longest = 0;
    int run = 0;
    for (qsizetype i = 0; i < days.size(); ++i) {
        run = (i > 0 && days[i] == days[i - 1] + 1) ? run + 1 : 1;
        longest = std::max(longest, run);
    }
    int current = 0;
    if (!days.isEmpty() && days.last() >= today - 1)
        current = run;
    return {longest, current};
}

std::shared_ptr<std::mutex> Leaderboard::keyMutex(const QString &key)
{
    std::lock_guard lock(m_mutex);
    auto &slot = m_computing[key];
    if (!slot)
        slot = std::make_shared<std::mutex>();
    return slot;
}

std::shared_ptr<const Board> Leaderboard::board(const BoardRequest &in)
{
    BoardRequest request = in;
    if (request.metric.isEmpty())
        request.metric = u"tokens"_s;
    if (!metrics().contains(request.metric))
        throw ApiError(ApiError::BadRequest, u"unknown metric"_s);
    if (!request.agent.isEmpty() && !agentFromId(request.agent))
        throw ApiError(ApiError::BadRequest, u"unknown agent"_s);
    const TimeWindow window = TimeWindow::resolve(request.period, request.from, request.to,
                                                  request.tz, QDateTime::currentSecsSinceEpoch());
    const QString key = window.period + u'|' + window.first.toString(Qt::ISODate) + u'|' +
        window.last.toString(Qt::ISODate) + u'|' + window.zoneName + u'|' + request.metric + u'|' +
        request.agent;
    const bool needDays = request.metric == u"activeDays" || request.metric == u"streak";
    const auto source = totals(window, request.agent, needDays);
    {
        std::lock_guard lock(m_mutex);
        const auto it = m_boards.constFind(key);
        if (it != m_boards.cend() && it->from == source)
            return it->board;
    }
    auto board = std::make_shared<Board>();
    board->window = window;
    board->metric = request.metric;
    board->agent = request.agent;
    board->entries = *source;
    for (BoardEntry &e : board->entries)
        e.value = metricValue(e, request.metric);
    std::stable_sort(board->entries.begin(), board->entries.end(),
                     [](const BoardEntry &a, const BoardEntry &b) {
                         if (a.value != b.value)
                             return a.value > b.value;
                         return a.name.compare(b.name, Qt::CaseInsensitive) < 0;
                     });
    // Equal values share a rank (1, 2, 2, 4).
    for (qsizetype i = 0; i < board->entries.size(); ++i) {
        auto &e = board->entries[i];
        e.rank = (i > 0 && e.value == board->entries[i - 1].value) ? board->entries[i - 1].rank
                                                                   : int(i + 1);
    }
    std::lock_guard lock(m_mutex);
    if (m_boards.size() > MaxCachedKeys)
        m_boards.clear();
    m_boards.insert(key, {board, source});
    return board;
}

std::shared_ptr<const Leaderboard::Totals> Leaderboard::totals(const TimeWindow &window,
                                                               const QString &agent, bool withDays)
{
    const QString key = window.first.toString(Qt::ISODate) + u'|' +
        window.last.toString(Qt::ISODate) + u'|' + window.zoneName + u'|' + agent +
        (withDays ? u"|days"_s : QString());
    // One thread computes or patches a key at a time; the others wait and
    // take its result (they would only repeat the same query).
    const auto computing = keyMutex(key);
    std::lock_guard computeLock(*computing);
    TotalsSlot slot;
    {
        std::lock_guard lock(m_mutex);
        slot = m_totals.value(key);
    }
    const std::int64_t now = m_changes.sequence();
    QSet<std::int64_t> users;
    const bool full =
        !slot.value || m_changes.pendingSince(slot.seen, window.from, window.to, &users);
    if (!full && users.isEmpty()) {
        if (slot.seen != now) {
            std::lock_guard lock(m_mutex);
            m_totals[key].seen = now;
        }
        return slot.value;
    }
    std::shared_ptr<const Totals> value;
    if (full) {
        value = computeTotals(window, agent, withDays, {});
    } else {
        // Patch: the named users' entries are recomputed, the rest kept.
        const QList<std::int64_t> ids(users.cbegin(), users.cend());
        const auto fresh = computeTotals(window, agent, withDays, ids);
        auto patched = std::make_shared<Totals>();
        patched->reserve(slot.value->size() + fresh->size());
        for (const BoardEntry &e : *slot.value) {
            if (!users.contains(e.userId))
                patched->append(e);
        }
        patched->append(*fresh);
        value = patched;
    }
    std::lock_guard lock(m_mutex);
    if (m_totals.size() > MaxCachedKeys)
        m_totals.clear();
    m_totals.insert(key, {value, now});
    return value;
}

std::shared_ptr<Leaderboard::Totals> Leaderboard::computeTotals(const TimeWindow &window,
                                                                const QString &agent, bool withDays,
                                                                const QList<std::int64_t> &users)
{
    AggregateQuery q;
    q.from = window.from;
    q.to = window.to;
    q.offsets = window.offsets;
    q.agent = agent;
    q.boardOnly = true;
    q.byDay = withDays;
    q.users = users;
    const auto rows = m_store.aggregate(q);

    auto entries = std::make_shared<Totals>();
    QHash<std::int64_t, qsizetype> index;
    QHash<std::int64_t, QList<std::int64_t>> days;
    for (const AggregateRow &r : rows) {
        auto it = index.find(r.userId);
        if (it == index.end()) {
            it = index.insert(r.userId, entries->size());
            BoardEntry e;
            e.userId = r.userId;
            e.name = r.userName;
            entries->append(e);
        }
        BoardEntry &e = (*entries)[*it];
        e.tokens += r.tokens;
        e.messages += r.messages;
        e.sessions += r.sessions;
        e.cost += r.cost;
        e.unpricedTokens += r.unpricedTokens;
        if (withDays && !r.tokens.isZero())
            days[r.userId].append(r.day);
    }
    for (BoardEntry &e : *entries)
        e.cost = roundCost(e.cost);
    if (withDays) {
        const std::int64_t today =
            TimeWindow::dayNumber(QDateTime::currentDateTimeUtc().toTimeZone(window.zone).date());
        for (auto it = index.cbegin(); it != index.cend(); ++it) {
            BoardEntry &e = (*entries)[it.value()];
            const auto list = days.value(it.key());
            e.activeDays = int(list.size());
            e.streak = streaks(list, today).first;
        }
    }
    return entries;
}

int Leaderboard::rankOf(std::int64_t userId, const QString &metric, const QString &period)
{
    const auto b = board({period, {}, {}, {}, metric, {}});
    for (const BoardEntry &e : b->entries) {
        if (e.userId == userId)
            return e.rank;
    }
    return 0;
}

QJsonObject Leaderboard::tokensJson(const TokenCounts &t)
{
    return QJsonObject {
        {u"input"_s, qint64(t.input)},         {u"cacheWrite"_s, qint64(t.cacheWrite)},
        {u"cacheRead"_s, qint64(t.cacheRead)}, {u"output"_s, qint64(t.output)},
        {u"reasoning"_s, qint64(t.reasoning)}, {u"total"_s, qint64(t.total())}};
}

QJsonObject Leaderboard::entryJson(const BoardEntry &e)
{
    QJsonObject o {{u"rank"_s, e.rank},
                   {u"username"_s, e.name},
                   {u"value"_s, e.value},
                   {u"tokens"_s, tokensJson(e.tokens)},
                   {u"messages"_s, qint64(e.messages)},
                   {u"sessions"_s, qint64(e.sessions)},
                   {u"costUSD"_s, e.cost},
                   {u"unpricedTokens"_s, qint64(e.unpricedTokens)},
                   {u"cacheEfficiency"_s, e.cacheEfficiency()}};
    if (e.activeDays >= 0)
        o.insert(u"activeDays"_s, e.activeDays);
    if (e.streak >= 0)
        o.insert(u"streak"_s, e.streak);
    return o;
}
