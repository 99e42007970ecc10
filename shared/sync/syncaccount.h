#pragma once

#include <QString>

#include <cstdint>

//! \brief The signed-in account of one local store: which server, user and
//! device, and where the device's chain stands (DESIGN.md §4). Secrets (the
//! API token, the device's private key) are never here: they live in the OS
//! keyring.
struct SyncAccount
{
    QString server; //!< Base URL, e.g. "https://board.example.org" (no trailing slash).
    QString username;
    QString deviceId;
    QString visibility = QStringLiteral("private");
    std::int64_t seq = 0; //!< Last accepted seq (0: none yet).
    QString lastHash; //!< SHA-256 hex of the last accepted body.
    std::int64_t createdMs = 0;
    bool signedOut = false; //!< The server answered 401: the token no longer works.
    std::int64_t lastAttemptMs = 0;
    std::int64_t lastSuccessMs = 0;
    QString lastResult; //!< "ok", "nothing to send", "offline", "error", ...
    QString lastError; //!< Empty after a successful submit.

    bool isValid() const { return !server.isEmpty() && !deviceId.isEmpty(); }
    //! The profile page of the user on the server.
    QString profileUrl() const { return server + QStringLiteral("/u/") + username; }
};
