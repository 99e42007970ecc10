#include "leaderboard.h"

#include "apierror.h"

#include <QDateTime>
#include <QJsonArray>
#include <QMap>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

constexpr auto MaxAge = std::chrono::seconds(60);
constexpr auto MinAgeAfterWrite = std::chrono::seconds(2);
//! Stale values that took longer than this to compute are refreshed on the
//! refresh thread while requests get the stale one.
constexpr auto SyncRefreshLimit = std::chrono::milliseconds(50);

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

QJsonObject tokensJson(const TokenCounts &t)
{
    return QJsonObject {
        {u"input"_s, qint64(t.input)},         {u"cacheWrite"_s, qint64(t.cacheWrite)},
        {u"cacheRead"_s, qint64(t.cacheRead)}, {u"output"_s, qint64(t.output)},
        {u"reasoning"_s, qint64(t.reasoning)}, {u"total"_s, qint64(t.total())}};
}

} // namespace

namespace {
//! Set on the refresh thread: it computes nested values (a board's totals)
//! itself instead of queueing them behind its own work.
thread_local bool t_refreshing = false;
} // namespace

Leaderboard::Leaderboard(ServerStore &store)
    : m_store(store)
{
    m_refreshThread = std::thread([this] { refreshLoop(); });
}

Leaderboard::~Leaderboard()
{
    stop();
    m_refreshThread.join();
}

void Leaderboard::stop()
{
    {
        std::lock_guard lock(m_refreshMutex);
        m_refreshStop = true;
        m_refreshQueue.clear();
    }
    m_refreshWake.notify_all();
}

void Leaderboard::warmUp()
{
    std::lock_guard lock(m_refreshMutex);
    if (m_refreshStop)
        return;
    // The home page's board, and the all-time totals behind profile ranks and
    // rank badges (the slowest aggregation: every row).
    for (const QString &period : {u"month"_s, u"all"_s}) {
        const QString key = u"warm|"_s + period;
        m_refreshQueue.append({key, [this, period]() -> std::shared_ptr<const void> {
                                   board({period, {}, {}, {}, u"tokens"_s, {}});
                                   return nullptr;
                               }});
    }
    m_refreshWake.notify_all();
}

void Leaderboard::refreshLoop()
{
    t_refreshing = true;
    std::unique_lock lock(m_refreshMutex);
    while (true) {
        m_refreshWake.wait(lock, [this] { return m_refreshStop || !m_refreshQueue.isEmpty(); });
        if (m_refreshStop)
            return;
        auto [key, compute] = m_refreshQueue.takeFirst();
        lock.unlock();
        try {
            if (key.startsWith(u"warm|")) {
                compute();
            } else {
                computeAndStore(key, compute);
                // Boards sorted from the old totals meanwhile are cheap to redo:
                // mark them stale so the next request sorts the new ones.
                std::lock_guard cacheLock(m_mutex);
                const auto old = std::chrono::steady_clock::now() - MinAgeAfterWrite * 2;
                for (auto it = m_cache.begin(); it != m_cache.end(); ++it) {
                    if (it.key().startsWith(u"board|")) {
                        it->generation = -1;
                        it->computed = std::min(it->computed, old);
                    }
                }
            }
        } catch (const std::exception &e) {
            std::fprintf(stderr, "board refresh failed: %s\n", e.what());
        }
        lock.lock();
        m_refreshQueued.remove(key);
    }
}

const QStringList &Leaderboard::metrics()
{
    static const QStringList list {u"tokens"_s,     u"output"_s,   u"fresh"_s,
                                   u"cost"_s,       u"messages"_s, u"sessions"_s,
                                   u"activeDays"_s, u"streak"_s,   u"cacheEfficiency"_s};
    return list;
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

std::shared_ptr<const Board> Leaderboard::board(const BoardRequest &in)
{
    BoardRequest request = in;
    if (request.metric.isEmpty())
        request.metric = u"tokens"_s;
    if (!metrics().contains(request.metric))
        throw ApiError(ApiError::BadRequest, u"unknown metric"_s);
    if (!request.agent.isEmpty() && request.agent != u"claude-code" && request.agent != u"codex" &&
        request.agent != u"opencode")
        throw ApiError(ApiError::BadRequest, u"unknown agent"_s);
    const TimeWindow window = TimeWindow::resolve(request.period, request.from, request.to,
                                                  request.tz, QDateTime::currentSecsSinceEpoch());
    const QString key = u"board|"_s + window.period + u'|' + window.first.toString(Qt::ISODate) +
        u'|' + window.last.toString(Qt::ISODate) + u'|' + window.zoneName + u'|' + request.metric +
        u'|' + request.agent;
    return std::static_pointer_cast<const Board>(
        cached(key, [this, request, window] { return sortBoard(request, window); }));
}

std::shared_ptr<const void> Leaderboard::cached(const QString &key, const Compute &compute)
{
    bool syncRefresh = false;
    std::shared_ptr<const void> stale;
    {
        std::lock_guard lock(m_mutex);
        auto it = m_cache.constFind(key);
        if (it != m_cache.cend()) {
            const auto age = std::chrono::steady_clock::now() - it->computed;
            const bool fresh = age <= MaxAge &&
                (it->generation == m_store.generation() || age <= MinAgeAfterWrite);
            if (fresh)
                return it->value;
            if (!t_refreshing && it->cost <= SyncRefreshLimit) {
                // Cheap to redo: refresh it now, unless another request is.
                // (The lock is taken in order: m_mutex is not held while computing.)
                syncRefresh = true;
            } else if (!t_refreshing) {
                // Slow to redo: answer with the stale value and let the
                // refresh thread catch up.
                std::lock_guard refreshLock(m_refreshMutex);
                if (!m_refreshStop && !m_refreshQueued.contains(key)) {
                    m_refreshQueued.insert(key);
                    m_refreshQueue.append({key, compute});
                    m_refreshWake.notify_all();
                }
                return it->value;
            }
            if (syncRefresh)
                stale = it->value;
        }
    }
    if (syncRefresh)
        return computeAndStore(key, compute, stale);
    return computeAndStore(key, compute);
}

std::shared_ptr<const void> Leaderboard::computeAndStore(const QString &key, const Compute &compute,
                                                         const std::shared_ptr<const void> &stale)
{
    const auto requested = std::chrono::steady_clock::now();
    std::shared_ptr<std::mutex> computing;
    {
        std::lock_guard lock(m_mutex);
        auto &slot = m_computing[key];
        if (!slot)
            slot = std::make_shared<std::mutex>();
        computing = slot;
    }
    // One thread computes a key at a time. With a stale value to offer, the
    // others answer with it; without one, they wait and take the result.
    std::unique_lock computeLock(*computing, std::defer_lock);
    if (stale && !computeLock.try_lock())
        return stale;
    if (!computeLock.owns_lock())
        computeLock.lock();
    {
        std::lock_guard lock(m_mutex);
        auto it = m_cache.constFind(key);
        if (it != m_cache.cend() && it->computed >= requested)
            return it->value;
    }
    const std::int64_t generation = m_store.generation();
    const auto started = std::chrono::steady_clock::now();
    auto value = compute();
    const auto finished = std::chrono::steady_clock::now();
    std::lock_guard lock(m_mutex);
    if (m_cache.size() > 1000)
        m_cache.clear();
    m_cache.insert(key, {value, generation, finished, finished - started});
    return value;
}

std::shared_ptr<const Leaderboard::Totals> Leaderboard::totals(const TimeWindow &window,
                                                               const QString &agent, bool withDays)
{
    const QString key = u"totals|"_s + window.first.toString(Qt::ISODate) + u'|' +
        window.last.toString(Qt::ISODate) + u'|' + window.zoneName + u'|' + agent +
        (withDays ? u"|days"_s : QString());
    return std::static_pointer_cast<const Totals>(
        cached(key, [this, window, agent, withDays]() -> std::shared_ptr<const void> {
            AggregateQuery q;
            q.from = window.from;
            q.to = window.to;
            q.offsets = window.offsets;
            q.agent = agent;
            q.boardOnly = true;
            q.byDay = withDays;
            const auto rows = m_store.aggregate(q);

            auto entries = std::make_shared<Totals>();
            QHash<std::int64_t, qsizetype> index;
            QHash<std::int64_t, QList<std::int64_t>> days;
            for (const AggregateRow &r : rows) {
                auto it = index.find(r.userId);
                if (it == index.end()) {
                    it = index.insert(r.userId, entries->size());
                    BoardEntry e;
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
            if (withDays) {
                const std::int64_t today = TimeWindow::dayNumber(
                    QDateTime::currentDateTimeUtc().toTimeZone(window.zone).date());
                for (auto it = index.cbegin(); it != index.cend(); ++it) {
                    BoardEntry &e = (*entries)[it.value()];
                    const auto list = days.value(it.key());
                    e.activeDays = int(list.size());
                    e.streak = streaks(list, today).first;
                }
            }
            return entries;
        }));
}

std::shared_ptr<const Board> Leaderboard::sortBoard(const BoardRequest &request,
                                                    const TimeWindow &window)
{
    auto board = std::make_shared<Board>();
    board->window = window;
    board->metric = request.metric;
    board->agent = request.agent;
    const bool needDays = request.metric == u"activeDays" || request.metric == u"streak";
    board->entries = *totals(window, request.agent, needDays);
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
    return board;
}

int Leaderboard::rankOf(const QString &name, const QString &metric, const QString &period)
{
    const auto b = board({period, {}, {}, {}, metric, {}});
    for (const BoardEntry &e : b->entries) {
        if (e.name.compare(name, Qt::CaseInsensitive) == 0)
            return e.rank;
    }
    return 0;
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

QJsonObject Leaderboard::profile(const UserRecord &user, const QString &tz)
{
    const auto zone = TimeWindow::parseZone(tz);
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
            {u"costUSD"_s, it->cost},
            {u"messages"_s, qint64(it->messages)},
            {u"sessions"_s, qint64(it->sessions)},
            {u"cacheEfficiency"_s, it->prompt ? double(it->cacheRead) / double(it->prompt) : 0.0}});
    }
    const auto [longest, current] = streaks(activeDays, todayNumber);

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
            o.insert(u"costUSD"_s, m.unpriced == m.tokens && m.tokens > 0 ? QJsonValue() : m.cost);
            out.append(o);
        }
        return out;
    };
    QJsonArray weeks;
    for (auto it = weeklyCost.cbegin(); it != weeklyCost.cend(); ++it) {
        QJsonObject byModel;
        for (auto m = it->cbegin(); m != it->cend(); ++m)
            byModel.insert(m.key(), m.value());
        weeks.append(QJsonObject {{u"week"_s, TimeWindow::dateOf(it.key()).toString(Qt::ISODate)},
                                  {u"costUSD"_s, byModel}});
    }
    const auto prompt = total.input + total.cacheWrite + total.cacheRead;
    QJsonObject ranks;
    if (user.visibility == Visibility::Public && !user.hidden) {
        for (const QString &metric : {u"tokens"_s, u"cost"_s}) {
            const int r = rankOf(user.name, metric, u"all"_s);
            ranks.insert(metric, r > 0 ? QJsonValue(r) : QJsonValue());
        }
        const int monthly = rankOf(user.name, u"tokens"_s, u"month"_s);
        ranks.insert(u"tokensThisMonth"_s, monthly > 0 ? QJsonValue(monthly) : QJsonValue());
    }
    static const char *const names[] = {"private", "unlisted", "public"};
    return QJsonObject {
        {u"username"_s, user.name},
        {u"visibility"_s, QString::fromLatin1(names[int(user.visibility)])},
        {u"devices"_s, m_store.deviceCount(user.id)},
        {u"tz"_s, all.zoneName},
        {u"totals"_s,
         QJsonObject {
             {u"tokens"_s, tokensJson(total)},
             {u"messages"_s, qint64(messages)},
             {u"sessions"_s, qint64(sessions)},
             {u"costUSD"_s, cost},
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
