#include "commandline.h"

#include <QCoreApplication>
#include <QTextStream>

int runTokenTally(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream(stdout) << "tokentally " << TOKENTALLY_VERSION << Qt::endl;
    return 0;
}
