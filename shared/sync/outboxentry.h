#pragma once

#include <QByteArray>
#include <QString>

#include <cstdint>

//! \brief One body that left (or was about to leave) the machine.
struct OutboxEntry
{
    //! What became of the body. Sending: written before the request, so a kill
    //! mid-request leaves a trace the next submit resolves against the
    //! server's chain.
    enum class State { Sending, Accepted, Rejected, Conflict, Failed, Interrupted };

    std::int64_t id = 0;
    std::int64_t createdMs = 0;
    std::int64_t answeredMs = 0; //!< 0: no answer
    QString server;
    QString deviceId;
    std::int64_t seq = 0;
    QByteArray body; //!< The exact bytes signed and sent.
    QString bodyHash;
    int buckets = 0;
    QString days; //!< "2026-11-20,2026-11-21": the UTC days the body carries
    State state = State::Sending;
    int httpStatus = 0; //!< 0: no HTTP answer (network error or interrupted)
    QString answer; //!< The server's answer body, or the network error

    static QString stateName(State state);
    static State stateFromName(const QString &name);
};
