#pragma once

#include "cli/cliregistry.h"

//! \brief The commands the `tokentally` executable runs by itself, with QtCore
//! only (`scan`, `report`, `statusline`): the engine's commands, which must
//! start in milliseconds. Every other command, and the tray app, lives in the
//! app module that app/main.cpp loads on demand. CliRegistry lists these too.
namespace CoreCommands {

const CliRegistry::CommandTable &commands();

} // namespace CoreCommands
