#pragma once

#include "wire/wirecodec.h"
#include "wire/wirecrypto.h"

#include <QByteArray>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

//! One HTTP answer.
struct Reply
{
    int status = 0;
    QByteArray body;
    QMap<QString, QString> headers;
    QJsonObject json() const;
    QString reason() const { return json().value(QStringLiteral("reason")).toString(); }
};

//! A registered device with its key and chain head.
struct TestDevice
{
    QString id;
    std::shared_ptr<DeviceKey> key;
    std::int64_t seq = 0;
    QString lastHash = WireCodec::zeroHash();
};

//! \brief Runs a real tokentally-server on 127.0.0.1:0 with a temporary DB and
//! talks to it with a blocking httplib client.
class ServerProcess
{
public:
    ServerProcess() = default;
    ~ServerProcess();

    enum class Backend {
        Sqlite,
        Postgres,
    };
    //! TOKENTALLY_TEST_BACKEND=postgres runs the suite on PostgreSQL (ctest
    //! label server-postgres); SQLite otherwise.
    static Backend backendFromEnvironment();

    //! Starts the server with \a extraArgs on a fresh database of the
    //! environment's backend; false with a message on failure.
    bool start(const QStringList &extraArgs, QString *error);
    //! Starts another process on the same database as \a other.
    bool startBeside(const ServerProcess &other, const QStringList &extraArgs, QString *error);
    //! Starts on the SQLite file \a path.
    bool startWithDb(const QString &path, const QStringList &extraArgs, QString *error);
    //! Starts on the PostgreSQL database \a uri.
    bool startOn(const QString &uri, const QStringList &extraArgs, QString *error);
    Backend backend() const { return m_backend; }
    //! --db PATH or --database URI.
    QStringList databaseArgs() const;
    //! SIGTERM and wait; returns the exit code (-1 if it crashed or hung).
    int stop();
    //! SIGKILL, as a crash would; start() again reopens the same database.
    void kill();
    QString databasePath() const { return m_dir.path() + QStringLiteral("/server.db"); }
    int port() const { return m_port; }
    qint64 pid() const { return m_process.processId(); }
    QByteArray log() const;

    Reply request(const QByteArray &method, const QString &path, const QByteArray &body = {},
                  const QMap<QString, QString> &headers = {}) const;
    Reply get(const QString &path, const QMap<QString, QString> &headers = {}) const
    {
        return request("GET", path, {}, headers);
    }

    //! Registers \a name; returns the token (empty on failure).
    QString registerUser(const QString &name) const;
    TestDevice addDevice(const QString &token) const;
    //! Signs and sends buckets as the device's next submission; advances the
    //! device's chain on success.
    Reply submit(const QString &token, TestDevice &device, const QList<WireBucket> &buckets) const;
    //! The body of the device's next submission, unsigned and unsent.
    static QByteArray nextBody(const TestDevice &device, const QList<WireBucket> &buckets);
    Reply submitBody(const QString &token, const QByteArray &body,
                     const QByteArray &signature) const;
    Reply setVisibility(const QString &token, const QString &visibility) const;
    //! A stable text dump of every table: equal dumps mean an unchanged DB.
    QByteArray dump() const;
    //! Runs the server binary on the same DB with admin \a args.
    QByteArray admin(const QStringList &args, int *exitCode) const;

    static QString program();

private:
    bool launch(const QStringList &extraArgs, QString *error);
    QTemporaryDir m_dir;
    QProcess m_process;
    int m_port = 0;
    Backend m_backend = Backend::Sqlite;
    QString m_uri; //!< PostgreSQL database, or empty.
    QString m_sqlitePath;
};

//! The UTC hour \a hour of the day \a daysAgo days before today. Today's
//! hours from 2 on lie ahead in the small hours, and the server takes one
//! hour ahead at most: such a call stops the test with a message.
std::int64_t recentHour(int daysAgo, int hour = 12);
//! "Bearer TOKEN".
QString bearer(const QString &token);

//! A bucket for tests.
WireBucket makeBucket(std::int64_t hour, const QString &model, std::int64_t input,
                      std::int64_t output, const QString &agent = QStringLiteral("claude-code"));
