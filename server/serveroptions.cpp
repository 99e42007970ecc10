#include "serveroptions.h"

#include <QDir>

using namespace Qt::StringLiterals;

ServerOptions::ServerOptions()
    : listen(u"listen"_s, u"Address to serve on (port 0: any free port)."_s, u"HOST:PORT"_s,
             u"127.0.0.1:8787"_s)
    , db(u"db"_s, u"SQLite database file."_s, u"PATH"_s, defaultDatabase())
    , portFile(u"port-file"_s, u"Write the bound port to this file."_s, u"PATH"_s)
    , tlsCert(u"tls-cert"_s, u"TLS certificate (PEM)."_s, u"PATH"_s)
    , tlsKey(u"tls-key"_s, u"TLS private key (PEM)."_s, u"PATH"_s)
    , publicUrl(u"public-url"_s,
                u"URL the server is reached at: absolute links, and the only Host accepted."_s,
                u"URL"_s)
    , openRegistration(u"open-registration"_s, u"Allow anyone to register (default on)."_s,
                       u"on|off"_s, u"on"_s)
    , threads(u"threads"_s,
              u"Request threads; each keep-alive connection holds one (default 32)."_s, u"N"_s,
              u"32"_s)
    , ipLimit(u"rate-limit-ip"_s, u"API requests per minute per IP (0: off, default 600)."_s,
              u"N"_s, u"600"_s)
    , tokenLimit(u"rate-limit-token"_s, u"Writes per minute per token (0: off, default 120)."_s,
                 u"N"_s, u"120"_s)
    , registerLimit(u"register-limit"_s, u"Registrations per hour per IP (0: off, default 20)."_s,
                    u"N"_s, u"20"_s)
    , authFailures(u"auth-failures"_s, u"Failed logins per IP before growing delays (default 5)."_s,
                   u"N"_s, u"5"_s)
    , quiet(u"quiet"_s, u"No per-request log lines."_s)
{
}

QList<QCommandLineOption> ServerOptions::all() const
{
    return {listen,  db,      portFile,   tlsCert,       tlsKey,       publicUrl, openRegistration,
            threads, ipLimit, tokenLimit, registerLimit, authFailures, quiet};
}

QString ServerOptions::description()
{
    return u"TokenTally leaderboard server: signed ingest, boards, profiles and badges.\n"
           "Admin: tokentally-server [--db PATH] users list|hide NAME|unhide NAME|delete NAME"_s;
}

QString ServerOptions::defaultDatabase()
{
    QString base = qEnvironmentVariable("XDG_DATA_HOME");
    if (base.isEmpty())
        base = QDir::homePath() + u"/.local/share"_s;
    return base + u"/tokentally-server/server.db"_s;
}
