#pragma once

#include <QCommandLineOption>
#include <QList>

//! \brief Starts the tray app (single instance; the dashboard when no tray exists).
int runGui(int argc, char *argv[]);
//! \brief The tray app's options (also listed in the man page).
QList<QCommandLineOption> guiOptions();
