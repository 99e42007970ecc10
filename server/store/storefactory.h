#pragma once

#include "serverconfig.h"
#include "store/serverstore.h"

#include <QString>

#include <memory>

//! \brief Opens the configured backend: PostgreSQL with --database, else the
//! SQLite file of --db (created with its folder). Nothing, with a message
//! for the operator, when it cannot.
namespace StoreFactory {
enum class Role {
    Server, //!< Watches other processes' changes.
    Admin, //!< A one-shot command: tells running servers what it changed.
};
std::unique_ptr<ServerStore> open(const ServerConfig &config, Role role, QString *error);
} // namespace StoreFactory
