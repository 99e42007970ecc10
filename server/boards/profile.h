#pragma once

#include "store/serverstore.h"

#include <QJsonObject>
#include <QString>

class Leaderboard;

//! \brief A visible user's profile (GET /api/v1/users/{name}, the /u/ page):
//! totals, ranks, the last year by local day, model and agent mix, weekly
//! cost by model, streaks. Computed from the user's rows (primary key) on
//! each call; the page on top is cached.
class Profile
{
public:
    Profile(ServerStore &store, Leaderboard &leaderboard);

    //! Throws ApiError(400) for an unknown time zone.
    QJsonObject build(const UserRecord &user, const QString &tz);

private:
    ServerStore &m_store;
    Leaderboard &m_leaderboard;
};
