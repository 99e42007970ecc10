#include "syncfixture.h"

#include "testhelpers.h"

#include <QDate>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSysInfo>

#include <sqlite3.h>

using namespace Qt::StringLiterals;

QJsonObject SyncFixture::Run::json() const
{
    return QJsonDocument::fromJson(out).object();
}

bool SyncFixture::start(QString *error, bool withSecretService, const QStringList &serverArgs)
{
    if (!m_keyring.start(withSecretService, error))
        return false;
    if (!m_server.start(QStringList {u"--quiet"_s} + serverArgs, error))
        return false;
    if (!m_proxy.start(m_server.port())) {
        *error = u"the capture proxy did not start"_s;
        return false;
    }
    return true;
}

void SyncFixture::stop()
{
    m_proxy.stop();
    m_server.stop();
    m_keyring.stop();
}

SyncFixture::Client SyncFixture::newClient(const QString &name, const QStringList &generatorArgs,
                                           QString *error, int days)
{
    Client c;
    c.generated = m_dir.filePath(name);
    c.home = c.generated + u"/home"_s;
    c.db = m_dir.filePath(name + u".db"_s);
    // Data up to yesterday, so every period on the server (day .. all) and the
    // local report see the same rows whatever the time of day.
    const QString start = QDate::currentDate().addDays(-days).toString(Qt::ISODate);
    QStringList args = {u"--start"_s, start, u"--days"_s, QString::number(days)};
    args += generatorArgs;
    if (!TestHelpers::generateHome(c.generated, args, error))
        return {};
    return c;
}

QProcessEnvironment SyncFixture::environment(const Client &client) const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"HOME"_s, client.home);
    for (const QString &v :
         {u"CLAUDE_CONFIG_DIR"_s, u"CODEX_HOME"_s, u"XDG_DATA_HOME"_s, u"XDG_CONFIG_HOME"_s,
          u"DISPLAY"_s, u"WAYLAND_DISPLAY"_s, u"TOKENTALLY_DB"_s})
        env.remove(v);
    m_keyring.applyTo(env);
    return env;
}

SyncFixture::Run SyncFixture::cli(const Client &client, const QStringList &args,
                                  const QByteArray &stdinData, int timeoutMs) const
{
    QProcess p;
    p.setProcessEnvironment(environment(client));
    p.start(TestHelpers::programPath(u"tokentally"_s), QStringList {u"--db"_s, client.db} + args);
    p.waitForStarted(10000);
    if (!stdinData.isEmpty())
        p.write(stdinData);
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(5000);
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

QString SyncFixture::serverUrl() const
{
    return u"http://127.0.0.1:%1"_s.arg(m_proxy.port());
}

QString SyncFixture::login(const Client &client, const QString &username, QString *error) const
{
    const Run r = cli(client, {u"login"_s, u"--server"_s, serverUrl(), u"--username"_s, username});
    if (r.code != 0) {
        *error = QString::fromUtf8(r.err);
        return {};
    }
    static const QRegularExpression tokenRe(u"\\btt_[0-9a-f]{64}\\b"_s);
    return tokenRe.match(QString::fromUtf8(r.out)).captured(0);
}

SyncFixture::Client SyncFixture::signIn(const QString &name, const QStringList &generatorArgs,
                                        int days, QString *error, QString *token)
{
    Client c = newClient(name, generatorArgs, error, days);
    if (c.home.isEmpty())
        return {};
    const QString t = login(c, name, error);
    if (t.isEmpty())
        return {};
    if (token)
        *token = t;
    // The generator plants an invented model name, which the server's review
    // flags; an admin clears it before anything is sent.
    if (!clearReview(name)) {
        *error = u"could not clear the review flag"_s;
        return {};
    }
    const Run visible = cli(c, {u"visibility"_s, u"public"_s});
    if (visible.code != 0) {
        *error = QString::fromUtf8(visible.err);
        return {};
    }
    return c;
}

QJsonObject SyncFixture::localTotals(const Client &client, const QString &tz, const QString &since,
                                     const QString &until) const
{
    QStringList args = {u"report"_s, u"daily"_s, u"--json"_s, u"--no-scan"_s, u"--timezone"_s, tz};
    if (!since.isEmpty())
        args << u"--since"_s << since;
    if (!until.isEmpty())
        args << u"--until"_s << until;
    return cli(client, args).json().value(u"totals"_s).toObject();
}

QString SyncFixture::privacyViolations(const QList<Client> &clients) const
{
    QList<QByteArray> forbidden;
    for (const Client &c : clients) {
        const QJsonObject expected =
            QJsonDocument::fromJson(TestHelpers::readFile(c.generated + u"/expected.json"_s))
                .object();
        for (const QJsonValue &s : expected.value(u"secrets"_s).toArray())
            forbidden << s.toString().toUtf8();
        // Folder and file names of the agents' trees: project names, paths, session ids.
        QDirIterator it(c.home, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QFileInfo info(it.next());
            const QString name = info.completeBaseName();
            // The agents' own folder names are not private; everything below them is.
            static const QStringList generic = {u"sessions"_s, u"archived_sessions"_s,
                                                u"opencode"_s, u"projects"_s,
                                                u"storage"_s,  u"message"_s};
            if (name.size() >= 8 && !generic.contains(name))
                forbidden << name.toUtf8();
        }
        forbidden << c.home.toUtf8();
        sqlite3 *db = nullptr;
        if (sqlite3_open_v2(c.db.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) ==
            SQLITE_OK) {
            sqlite3_stmt *st = nullptr;
            sqlite3_prepare_v2(db, "SELECT name FROM sessions", -1, &st, nullptr);
            while (st && sqlite3_step(st) == SQLITE_ROW)
                forbidden << QByteArray(reinterpret_cast<const char *>(sqlite3_column_text(st, 0)));
            sqlite3_finalize(st);
        }
        sqlite3_close(db);
    }
    const QString host = QSysInfo::machineHostName();
    if (host.size() >= 3)
        forbidden << host.toUtf8();
    forbidden.removeAll(QByteArray());
    if (forbidden.size() < 20)
        return u"too few forbidden strings collected (%1): the check could not fail"_s.arg(
            forbidden.size());
    QString violations;
    for (const CapturedRequest &r : m_proxy.requests()) {
        const QByteArray text = r.path.toUtf8() + '\n' + r.body;
        for (const QByteArray &f : std::as_const(forbidden)) {
            if (text.contains(f))
                violations += u"%1 %2 carries '%3'\n"_s.arg(QString::fromLatin1(r.method), r.path,
                                                            QString::fromUtf8(f));
        }
    }
    return violations;
}

bool SyncFixture::clearReview(const QString &username) const
{
    int code = -1;
    m_server.admin({u"users"_s, u"unhide"_s, username}, &code);
    return code == 0;
}
