#pragma once

#include <QString>
#include <QTemporaryDir>

#include <memory>

//! \brief A throwaway PostgreSQL cluster for tests: initdb in a temporary
//! directory as an unprivileged user (initdb refuses root; CI runs as root,
//! so then as "nobody"), a random port, sockets in the directory and no TCP,
//! stopped and removed when destroyed. Never the system cluster.
class PgCluster
{
public:
    PgCluster() = default;
    ~PgCluster();
    PgCluster(const PgCluster &) = delete;
    PgCluster &operator=(const PgCluster &) = delete;

    //! initdb and start; false with a message.
    bool start(QString *error);
    //! pg_ctl stop -m fast / start again (for outage tests).
    bool stopServer();
    bool startServer(QString *error);
    //! Creates a fresh database and returns its URI.
    QString createDatabase(QString *error);
    QString uri(const QString &database) const;
    //! The cluster of the current test process for the PostgreSQL runs of the
    //! server suite (started on first use, removed at exit); nullptr with a
    //! message if it cannot start.
    static PgCluster *shared(QString *error);

private:
    bool run(const QStringList &command, QString *output);
    QTemporaryDir m_dir;
    QString m_user;
    int m_port = 0;
    int m_databases = 0;
    bool m_running = false;
};
