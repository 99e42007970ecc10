#pragma once

#include <QString>

#include <cstdint>

//! \brief Everything tokentally-server's command line sets.
struct ServerConfig
{
    QString host = QStringLiteral("127.0.0.1");
    int port = 8787;
    QString databasePath; //!< SQLite file (--db), when databaseUrl is empty.
    QString databaseUrl; //!< PostgreSQL (--database), any libpq URI.
    int databasePool = 8; //!< PostgreSQL connections per process.
    QString portFile;
    QString publicUrl;
    QString tlsCert;
    QString tlsKey;
    bool openRegistration = true;
    int threads = 32;
    std::int64_t maxBodyBytes = 512 * 1024;
    int maxBuckets = 500;
    //! Physical cap of tokens one device can use in one hour (all models).
    std::int64_t maxTokensPerHour = 2'000'000'000;
    //! Requests per minute per client IP on /api/ (0: unlimited).
    int ipRequestsPerMinute = 600;
    //! Writes per minute per API token (0: unlimited).
    int tokenWritesPerMinute = 120;
    //! Registrations per hour per IP (0: unlimited).
    int registrationsPerHour = 20;
    //! Failed authentications from one IP before delays start.
    int authFailuresBeforeDelay = 5;
    bool quiet = false; //!< No per-request log lines.
};
