#include "pgcluster.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>

#include <libpq-fe.h>

#include <pwd.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

QString binDir()
{
    // Debian keeps the server programs out of PATH.
    for (const QString &dir :
         QDir(u"/usr/lib/postgresql"_s)
             .entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name | QDir::Reversed)) {
        const QString bin = u"/usr/lib/postgresql/"_s + dir + u"/bin"_s;
        if (QFile::exists(bin + u"/initdb"_s))
            return bin;
    }
    return {};
}

} // namespace

PgCluster::~PgCluster()
{
    stopServer();
}

bool PgCluster::run(const QStringList &command, QString *output)
{
    QProcess p;
    QStringList args = command;
    if (geteuid() == 0) {
        // initdb and postgres refuse root.
        args = QStringList {u"-u"_s, m_user, u"--"_s} + command;
        p.setProgram(u"runuser"_s);
    } else {
        p.setProgram(args.takeFirst());
    }
    p.setArguments(args);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.setWorkingDirectory(m_dir.path());
    p.start();
    const bool finished = p.waitForFinished(120000);
    *output = QString::fromUtf8(p.readAll());
    return finished && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

bool PgCluster::start(QString *error)
{
    const QString bin = binDir();
    if (bin.isEmpty()) {
        *error = u"PostgreSQL server programs not found (apt-get install postgresql)"_s;
        return false;
    }
    if (!m_dir.isValid()) {
        *error = u"no temporary directory"_s;
        return false;
    }
    if (geteuid() == 0) {
        m_user = u"nobody"_s;
        const passwd *pw = getpwnam("nobody");
        if (!pw || chown(m_dir.path().toLocal8Bit().constData(), pw->pw_uid, pw->pw_gid) != 0) {
            *error = u"cannot hand the cluster directory to nobody"_s;
            return false;
        }
    } else {
        const passwd *pw = getpwuid(geteuid());
        m_user = pw ? QString::fromLocal8Bit(pw->pw_name) : u"postgres"_s;
    }
    m_port = 20000 + int(QRandomGenerator::global()->bounded(40000));
    QString out;
    if (!run({bin + u"/initdb"_s, u"-D"_s, m_dir.path() + u"/data"_s, u"-U"_s, m_user,
              u"--auth=trust"_s, u"--no-locale"_s, u"-E"_s, u"UTF8"_s, u"--no-sync"_s},
             &out)) {
        *error = u"initdb failed: "_s + out;
        return false;
    }
    return startServer(error);
}

bool PgCluster::startServer(QString *error)
{
    const QString bin = binDir();
    QString out;
    // Unix socket in the temporary directory only: no TCP port to collide on.
    // fsync off: a test cluster is thrown away, durability is not under test
    // (the benchmark sets TOKENTALLY_PG_DURABLE to measure with it).
    QString options = u"-k "_s + m_dir.path() + u" -p "_s + QString::number(m_port) +
        u" -c listen_addresses='' -c max_connections=200"_s;
    if (!qEnvironmentVariableIsSet("TOKENTALLY_PG_DURABLE"))
        options += u" -c fsync=off -c synchronous_commit=off -c full_page_writes=off"_s;
    if (!run({bin + u"/pg_ctl"_s, u"-D"_s, m_dir.path() + u"/data"_s, u"-l"_s,
              m_dir.path() + u"/server.log"_s, u"-o"_s, options, u"-w"_s, u"start"_s},
             &out)) {
        QFile log(m_dir.path() + u"/server.log"_s);
        log.open(QIODevice::ReadOnly);
        *error = u"pg_ctl start failed: "_s + out + QString::fromUtf8(log.readAll());
        return false;
    }
    m_running = true;
    // Torn down even if the test process dies (abort, ctest timeout): a
    // watchdog stops the cluster and removes its directory once we are gone.
    QProcess::startDetached(
        u"sh"_s,
        {u"-c"_s,
         u"while kill -0 %1 2>/dev/null; do sleep 1; done; %2 %3/pg_ctl -D %4/data -m immediate "
         "stop >/dev/null 2>&1; rm -rf %4"_s.arg(
             QString::number(getpid()),
             geteuid() == 0 ? u"runuser -u "_s + m_user + u" --"_s : QString(), bin,
             m_dir.path())});
    return true;
}

bool PgCluster::stopServer()
{
    if (!m_running)
        return true;
    QString out;
    m_running = !run({binDir() + u"/pg_ctl"_s, u"-D"_s, m_dir.path() + u"/data"_s, u"-m"_s,
                      u"fast"_s, u"-w"_s, u"stop"_s},
                     &out);
    return !m_running;
}

QString PgCluster::uri(const QString &database) const
{
    return u"postgresql://"_s + m_user + u"@/"_s + database + u"?host="_s + m_dir.path() +
        u"&port="_s + QString::number(m_port);
}

QString PgCluster::createDatabase(QString *error)
{
    const QString name =
        u"t"_s + QString::number(getpid()) + u"_"_s + QString::number(++m_databases);
    PGconn *conn = PQconnectdb(uri(u"postgres"_s).toUtf8().constData());
    if (PQstatus(conn) != CONNECTION_OK) {
        *error = QString::fromUtf8(PQerrorMessage(conn));
        PQfinish(conn);
        return {};
    }
    PGresult *r = PQexec(conn, ("CREATE DATABASE " + name.toStdString()).c_str());
    const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
    if (!ok)
        *error = QString::fromUtf8(PQerrorMessage(conn));
    PQclear(r);
    PQfinish(conn);
    return ok ? uri(name) : QString();
}

PgCluster *PgCluster::shared(QString *error)
{
    static std::unique_ptr<PgCluster> cluster;
    static QString failure;
    if (!cluster && failure.isEmpty()) {
        auto c = std::make_unique<PgCluster>();
        if (c->start(&failure))
            cluster = std::move(c);
    }
    if (!cluster)
        *error = failure;
    return cluster.get();
}
