// A throwaway PostgreSQL cluster for tests written in other languages (the
// web pages test) and the benchmark: starts one (PgCluster), creates
// databases, prints their URIs one per line, and stops and removes the
// cluster when its standard input closes.
//
//   tokentally-test-pgcluster [DATABASES]
#include "pgcluster.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int count = argc > 1 ? std::max(1, std::atoi(argv[1])) : 1;
    PgCluster cluster;
    QString error;
    if (!cluster.start(&error)) {
        std::fprintf(stderr, "%s\n", error.toUtf8().constData());
        return 1;
    }
    for (int i = 0; i < count; ++i) {
        const QString uri = cluster.createDatabase(&error);
        if (uri.isEmpty()) {
            std::fprintf(stderr, "%s\n", error.toUtf8().constData());
            return 1;
        }
        std::printf("%s\n", uri.toUtf8().constData());
    }
    std::fflush(stdout);
    char buffer[256];
    while (std::fread(buffer, 1, sizeof buffer, stdin) > 0) { }
    return 0;
}
