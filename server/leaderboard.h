#pragma once

#include "serverstore.h"
#include "timewindow.h"

#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <QString>

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

//! One user's line on a board.
struct BoardEntry
{
    int rank = 0;
    QString name;
    TokenCounts tokens;
    std::int64_t messages = 0;
    std::int64_t sessions = 0;
    double cost = 0;
    std::int64_t unpricedTokens = 0;
    int activeDays = -1; //!< -1: not computed for this metric.
    int streak = -1;
    double value = 0; //!< The metric the board is sorted by.

    double cacheEfficiency() const
    {
        const auto prompt = tokens.input + tokens.cacheWrite + tokens.cacheRead;
        return prompt > 0 ? double(tokens.cacheRead) / double(prompt) : 0;
    }
};

//! A computed, sorted board (every entry; paging happens on top).
struct Board
{
    TimeWindow window;
    QString metric;
    QString agent;
    QList<BoardEntry> entries;
};

//! The inputs of a board request, already validated.
struct BoardRequest
{
    QString period;
    QString from;
    QString to;
    QString tz;
    QString metric;
    QString agent;
};

//! \brief Leaderboards, profiles and stats on top of a ServerStore, with a
//! short-lived cache: boards are recomputed at most every few seconds after a
//! write and at most once a minute otherwise (the admin CLI writes from
//! another process).
class Leaderboard
{
public:
    explicit Leaderboard(ServerStore &store);
    //! Stops the refresh thread (after the computation under way, if any).
    ~Leaderboard();
    Leaderboard(const Leaderboard &) = delete;
    Leaderboard &operator=(const Leaderboard &) = delete;

    //! Computes the boards pages and profiles need first (this month's and the
    //! all-time totals in UTC) on the refresh thread; returns at once.
    void warmUp();
    //! Stops refreshing; computations not started yet are dropped.
    void stop();

    static const QStringList &metrics();
    //! Validates and resolves; throws ApiError(400).
    std::shared_ptr<const Board> board(const BoardRequest &request);
    //! The profile JSON of a visible user (GET /api/v1/users/{name}).
    QJsonObject profile(const UserRecord &user, const QString &tz);
    //! The rank of a user on an all-time board of \a metric, or 0.
    int rankOf(const QString &name, const QString &metric, const QString &period);

    static QJsonObject entryJson(const BoardEntry &entry);
    //! Longest and current (ending today or yesterday) runs of active days.
    static std::pair<int, int> streaks(QList<std::int64_t> days, std::int64_t today);

private:
    //! Per-user totals of one window and agent, before any metric sorts them.
    using Totals = QList<BoardEntry>;
    struct Cached
    {
        std::shared_ptr<const void> value;
        std::int64_t generation = 0;
        std::chrono::steady_clock::time_point computed;
        std::chrono::steady_clock::duration cost {}; //!< How long computing it took.
    };
    using Compute = std::function<std::shared_ptr<const void>()>;
    //! The cached value of \a key if fresh; a stale one while the refresh
    //! thread recomputes it (readers never wait for a slow aggregation); else
    //! computes it with \a compute, which must own what it captures.
    std::shared_ptr<const void> cached(const QString &key, const Compute &compute);
    std::shared_ptr<const void> computeAndStore(const QString &key, const Compute &compute,
                                                const std::shared_ptr<const void> &stale = {});
    void refreshLoop();
    std::shared_ptr<const Totals> totals(const TimeWindow &window, const QString &agent,
                                         bool withDays);
    std::shared_ptr<const Board> sortBoard(const BoardRequest &request, const TimeWindow &window);

    ServerStore &m_store;
    std::mutex m_mutex;
    QHash<QString, Cached> m_cache;
    QHash<QString, std::shared_ptr<std::mutex>> m_computing;

    std::mutex m_refreshMutex;
    std::condition_variable m_refreshWake;
    QList<std::pair<QString, Compute>> m_refreshQueue;
    QSet<QString> m_refreshQueued;
    bool m_refreshStop = false;
    std::thread m_refreshThread;
};
