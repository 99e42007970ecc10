#include "servertestclient.h"

#include "pgcluster.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QThread>
#include <QTimeZone>

#include <httplib.h>
#include <libpq-fe.h>
#include <sqlite3.h>

#include <csignal>

using namespace Qt::StringLiterals;

QJsonObject Reply::json() const
{
    return QJsonDocument::fromJson(body).object();
}

ServerProcess::~ServerProcess()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

QString ServerProcess::program()
{
    return QStringLiteral(TOKENTALLY_SERVER_BIN);
}

ServerProcess::Backend ServerProcess::backendFromEnvironment()
{
    return qEnvironmentVariable("TOKENTALLY_TEST_BACKEND") == u"postgres" ? Backend::Postgres
                                                                          : Backend::Sqlite;
}

QStringList ServerProcess::databaseArgs() const
{
    if (m_backend == Backend::Postgres)
        return {u"--database"_s, m_uri};
    return {u"--db"_s, m_sqlitePath};
}

bool ServerProcess::start(const QStringList &extraArgs, QString *error)
{
    m_backend = backendFromEnvironment();
    m_sqlitePath = databasePath();
    // A restart (after stop() or kill()) reopens the same database.
    if (m_backend == Backend::Postgres && m_uri.isEmpty()) {
        PgCluster *cluster = PgCluster::shared(error);
        if (!cluster)
            return false;
        m_uri = cluster->createDatabase(error);
        if (m_uri.isEmpty())
            return false;
    }
    return launch(extraArgs, error);
}

bool ServerProcess::startBeside(const ServerProcess &other, const QStringList &extraArgs,
                                QString *error)
{
    m_backend = other.m_backend;
    m_uri = other.m_uri;
    m_sqlitePath = other.m_sqlitePath;
    return launch(extraArgs, error);
}

bool ServerProcess::startWithDb(const QString &path, const QStringList &extraArgs, QString *error)
{
    m_backend = Backend::Sqlite;
    m_sqlitePath = path;
    return launch(extraArgs, error);
}

bool ServerProcess::startOn(const QString &uri, const QStringList &extraArgs, QString *error)
{
    m_backend = Backend::Postgres;
    m_uri = uri;
    return launch(extraArgs, error);
}

bool ServerProcess::launch(const QStringList &extraArgs, QString *error)
{
    const QString portFile = m_dir.path() + u"/port"_s;
    QFile::remove(portFile); // a restart on the same database must not read the old port
    m_process.setProgram(program());
    m_process.setArguments(QStringList {u"--listen"_s, u"127.0.0.1:0"_s} + databaseArgs() +
                           QStringList {u"--port-file"_s, portFile} + extraArgs);
    m_process.setStandardErrorFile(m_dir.path() + u"/server.log"_s);
    m_process.start();
    if (!m_process.waitForStarted(5000)) {
        *error = u"cannot start "_s + program();
        return false;
    }
    QElapsedTimer timer;
    timer.start();
    // Generous: after a SIGKILL the server recovers its WAL first, and CI may
    // run this beside an ASan build on a loaded machine. A healthy start
    // returns within milliseconds either way.
    while (timer.elapsed() < 60000) {
        QFile file(portFile);
        if (file.open(QIODevice::ReadOnly)) {
            m_port = file.readAll().trimmed().toInt();
            if (m_port > 0)
                return true;
        }
        if (m_process.state() == QProcess::NotRunning) {
            *error = u"server exited: "_s + QString::fromUtf8(log());
            return false;
        }
        QThread::msleep(20);
    }
    *error = u"no port file after 60 s; server log: "_s + QString::fromUtf8(log().right(2000));
    return false;
}

int ServerProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    ::kill(pid_t(m_process.processId()), SIGTERM);
    if (!m_process.waitForFinished(10000))
        return -1;
    return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
}

void ServerProcess::kill()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.kill();
    m_process.waitForFinished(10000);
}

QByteArray ServerProcess::log() const
{
    QFile file(m_dir.path() + u"/server.log"_s);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

Reply ServerProcess::request(const QByteArray &method, const QString &path, const QByteArray &body,
                             const QMap<QString, QString> &headers) const
{
    httplib::Client client("127.0.0.1", m_port);
    client.set_read_timeout(30, 0);
    httplib::Headers h;
    for (auto it = headers.cbegin(); it != headers.cend(); ++it)
        h.emplace(it.key().toStdString(), it.value().toStdString());
    const std::string p = path.toStdString();
    const std::string b = body.toStdString();
    httplib::Result result = method == "GET" ? client.Get(p, h)
        : method == "POST"                   ? client.Post(p, h, b, "application/json")
        : method == "PATCH"                  ? client.Patch(p, h, b, "application/json")
                                             : client.Delete(p, h, b, "application/json");
    Reply reply;
    if (!result)
        return reply;
    reply.status = result->status;
    reply.body = QByteArray::fromStdString(result->body);
    for (const auto &[key, value] : result->headers)
        reply.headers.insert(QString::fromStdString(key).toLower(), QString::fromStdString(value));
    return reply;
}

QString ServerProcess::registerUser(const QString &name) const
{
    const Reply r = request("POST", u"/api/v1/register"_s,
                            QJsonDocument(QJsonObject {{u"username"_s, name}}).toJson());
    return r.status == 201 ? r.json().value(u"token"_s).toString() : QString();
}

TestDevice ServerProcess::addDevice(const QString &token) const
{
    TestDevice device;
    device.key = std::make_shared<DeviceKey>(DeviceKey::generate());
    device.id = u"dev-"_s + QString::fromLatin1(WireCrypto::randomBytes(8).toHex());
    const Reply r = request(
        "POST", u"/api/v1/devices"_s,
        QJsonDocument(
            QJsonObject {{u"deviceId"_s, device.id},
                         {u"publicKey"_s,
                          QString::fromLatin1(WireCrypto::toBase64(device.key->publicKey()))},
                         {u"label"_s, u"test box"_s}})
            .toJson(),
        {{u"Authorization"_s, u"Bearer "_s + token}});
    if (r.status != 201)
        device.id.clear();
    return device;
}

Reply ServerProcess::submitBody(const QString &token, const QByteArray &body,
                                const QByteArray &signature) const
{
    QMap<QString, QString> headers {{u"Authorization"_s, u"Bearer "_s + token}};
    if (!signature.isNull())
        headers.insert(u"X-TokenTally-Signature"_s, QString::fromLatin1(signature));
    return request("POST", u"/api/v1/submissions"_s, body, headers);
}

QByteArray ServerProcess::nextBody(const TestDevice &device, const QList<WireBucket> &buckets)
{
    Submission s;
    s.deviceId = device.id;
    s.seq = device.seq + 1;
    s.prevHash = device.lastHash;
    s.client = {u"tokentally"_s, u"0.1.0"_s, u"linux"_s};
    s.buckets = buckets;
    return WireCodec::serialize(s);
}

Reply ServerProcess::submit(const QString &token, TestDevice &device,
                            const QList<WireBucket> &buckets) const
{
    const QByteArray body = nextBody(device, buckets);
    const Reply r = submitBody(token, body, WireCrypto::toBase64(device.key->sign(body)));
    if (r.status == 200) {
        device.seq += 1;
        device.lastHash = WireCrypto::sha256Hex(body);
    }
    return r;
}

Reply ServerProcess::setVisibility(const QString &token, const QString &visibility) const
{
    return request("PATCH", u"/api/v1/me"_s,
                   QJsonDocument(QJsonObject {{u"visibility"_s, visibility}}).toJson(),
                   {{u"Authorization"_s, u"Bearer "_s + token}});
}

QByteArray ServerProcess::dump() const
{
    QByteArray out;
    if (m_backend == Backend::Postgres) {
        PGconn *conn = PQconnectdb(m_uri.toUtf8().constData());
        if (PQstatus(conn) != CONNECTION_OK) {
            PQfinish(conn);
            return "cannot connect";
        }
        for (const char *sql :
             {"SELECT * FROM users ORDER BY id", "SELECT * FROM devices ORDER BY device_id",
              "SELECT * FROM buckets ORDER BY user_id, device_id, hour, agent, model",
              "SELECT * FROM submissions ORDER BY device_id, seq"}) {
            PGresult *r = PQexec(conn, sql);
            for (int row = 0; row < PQntuples(r); ++row) {
                for (int col = 0; col < PQnfields(r); ++col) {
                    out += PQgetisnull(r, row, col) ? QByteArray("NULL")
                                                    : QByteArray(PQgetvalue(r, row, col)).toHex();
                    out += '|';
                }
                out += '\n';
            }
            PQclear(r);
            out += "--\n";
        }
        PQfinish(conn);
        return out;
    }
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(m_sqlitePath.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) !=
        SQLITE_OK) {
        sqlite3_close(db);
        return "cannot open";
    }
    for (const char *sql :
         {"SELECT * FROM users ORDER BY id", "SELECT * FROM devices ORDER BY device_id",
          "SELECT * FROM buckets ORDER BY user_id, device_id, hour, agent, model",
          "SELECT * FROM submissions ORDER BY device_id, seq"}) {
        sqlite3_stmt *stmt = nullptr;
        sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr);
        while (sqlite3_step(stmt) == SQLITE_ROW) {
            for (int i = 0; i < sqlite3_column_count(stmt); ++i) {
                const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(stmt, i));
                out += text ? QByteArray(text).toHex() : QByteArray("NULL");
                out += '|';
            }
            out += '\n';
        }
        sqlite3_finalize(stmt);
        out += "--\n";
    }
    sqlite3_close(db);
    return out;
}

QByteArray ServerProcess::admin(const QStringList &args, int *exitCode) const
{
    QProcess p;
    p.start(program(), databaseArgs() + args);
    p.waitForFinished(30000);
    *exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    return p.readAllStandardOutput() + p.readAllStandardError();
}

std::int64_t recentHour(int daysAgo, int hour)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime at(now.date().addDays(-daysAgo), QTime(hour, 0), QTimeZone::utc());
    if (at > now.addSecs(3600))
        qFatal("recentHour(%d, %d) lies in the future at this time of day", daysAgo, hour);
    return at.toSecsSinceEpoch();
}

QString bearer(const QString &token)
{
    return u"Bearer "_s + token;
}

WireBucket makeBucket(std::int64_t hour, const QString &model, std::int64_t input,
                      std::int64_t output, const QString &agent)
{
    WireBucket b;
    b.hour = hour;
    b.agent = agent;
    b.model = model;
    b.tokens.input = input;
    b.tokens.output = output;
    b.messages = 1;
    b.sessions = 1;
    return b;
}
