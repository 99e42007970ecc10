// The app module (tokentally-app): the tray, the dashboard and every command
// that needs more than QtCore. app/main.cpp loads it when the command line asks
// for any of them, so that the engine's commands start without the GUI libraries.

#include "cli/commandline.h"

#include <QtGlobal>

extern "C" Q_DECL_EXPORT int tokentallyAppMain(int argc, char *argv[])
{
    return runTokenTally(argc, argv);
}
