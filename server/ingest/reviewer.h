#pragma once

#include "store/serverstore.h"

#include <QStringList>

#include <condition_variable>
#include <mutex>
#include <thread>

//! \brief The trust review: hides a submitter of invented model names at
//! once, and every 30 s after writes hides users who hold more than half of
//! the last 30 days' tokens or over 100x the median (DESIGN.md §5).
class Reviewer
{
public:
    explicit Reviewer(ServerStore &store);
    ~Reviewer();
    Reviewer(const Reviewer &) = delete;
    Reviewer &operator=(const Reviewer &) = delete;

    void reviewSubmission(const UserRecord &user, const QStringList &unknownModels);
    //! Names of model families the agents really use: a model outside them
    //! that the price table does not know either looks invented.
    static bool looksLikeKnownFamily(const QString &model);

private:
    //! Board-wide outlier review on its own thread (it scans a month of
    //! totals, too slow for a request).
    void loop();

    ServerStore &m_store;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stop = false;
    std::int64_t m_reviewedGeneration = 0;
    std::thread m_thread;
};
