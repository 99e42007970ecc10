#pragma once

#include "changelog.h"
#include "store/serverstore.h"
#include "timewindow.h"

#include <QHash>
#include <QJsonObject>
#include <QString>

#include <memory>
#include <mutex>
#include <thread>

//! One user's line on a board.
struct BoardEntry
{
    int rank = 0;
    std::int64_t userId = 0;
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

//! \brief Leaderboards on top of a ServerStore, kept current by patching.
//!
//! Per-user totals of a window are computed once (one aggregation over the
//! window), then patched: after a write, the next request recomputes only
//! the users the ChangeLog names (one query over their rows) and re-sorts.
//! So the request after a write, in this process or (through the store's
//! notifications) in another, sees it, without paying for a whole board.
class Leaderboard
{
public:
    Leaderboard(ServerStore &store, ChangeLog &changes);
    ~Leaderboard();
    Leaderboard(const Leaderboard &) = delete;
    Leaderboard &operator=(const Leaderboard &) = delete;

    //! Computes the boards pages and profiles need first (this month's and the
    //! all-time totals in UTC) on a background thread; returns at once.
    void warmUp();
    //! Waits for the warm-up (at shutdown).
    void stop();

    static const QStringList &metrics();
    //! Validates and resolves; throws ApiError(400).
    std::shared_ptr<const Board> board(const BoardRequest &request);
    //! The rank of a user on a board of \a metric over \a period, or 0.
    int rankOf(std::int64_t userId, const QString &metric, const QString &period);

    static QJsonObject entryJson(const BoardEntry &entry);
    static QJsonObject tokensJson(const TokenCounts &tokens);
    //! Longest and current (ending today or yesterday) runs of active days.
    static std::pair<int, int> streaks(QList<std::int64_t> days, std::int64_t today);
    //! Costs rounded to micro-dollars: sums of doubles in another order (another
    //! backend) must print alike.
    static double roundCost(double usd);

private:
    using Totals = QList<BoardEntry>;
    struct TotalsSlot
    {
        std::shared_ptr<const Totals> value;
        std::int64_t seen = 0; //!< ChangeLog sequence it reflects.
    };
    struct BoardSlot
    {
        std::shared_ptr<const Board> board;
        std::shared_ptr<const Totals> from; //!< The totals it was sorted from.
    };
    std::shared_ptr<const Totals> totals(const TimeWindow &window, const QString &agent,
                                         bool withDays);
    //! Per-user entries of the window from store rows (all users, or \a users).
    std::shared_ptr<Totals> computeTotals(const TimeWindow &window, const QString &agent,
                                          bool withDays, const QList<std::int64_t> &users);
    std::shared_ptr<std::mutex> keyMutex(const QString &key);

    ServerStore &m_store;
    ChangeLog &m_changes;
    std::mutex m_mutex;
    QHash<QString, TotalsSlot> m_totals;
    QHash<QString, BoardSlot> m_boards;
    QHash<QString, std::shared_ptr<std::mutex>> m_computing;
    std::thread m_warmUp;
};
