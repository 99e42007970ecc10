#pragma once

//! \brief Entry point of the tokentally binary: runs a headless subcommand
//! (scan, report, ...) without creating any widget, or starts the tray app.
int runTokenTally(int argc, char *argv[]);
