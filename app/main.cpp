#include "cli/commandline.h"

int main(int argc, char *argv[])
{
    return runTokenTally(argc, argv);
}
