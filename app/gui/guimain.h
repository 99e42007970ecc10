#pragma once

//! \brief Starts the tray app (single instance; the dashboard when no tray exists).
int runGui(int argc, char *argv[]);
