#pragma once

#include <QStringList>

class ServerStore;

//! \brief `tokentally-server users list|hide NAME [REASON]|unhide NAME|delete NAME`.
//! The store tells running servers (every process) what changed.
namespace AdminCommands {
int users(ServerStore &store, const QStringList &args);
} // namespace AdminCommands
