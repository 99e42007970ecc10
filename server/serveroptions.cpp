#include "serveroptions.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QRegularExpression>
#include <QUrl>

#include <algorithm>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

QString defaultDatabase()
{
    QString base = qEnvironmentVariable("XDG_DATA_HOME");
    if (base.isEmpty())
        base = QDir::homePath() + u"/.local/share"_s;
    return base + u"/tokentally-server/server.db"_s;
}

} // namespace

std::optional<int> ServerOptions::parseNumber(const QString &text, int min, int max)
{
    static const QRegularExpression digits(u"^[0-9]{1,9}$"_s);
    if (!digits.match(text).hasMatch())
        return std::nullopt;
    const int value = text.toInt();
    if (value < min || value > max)
        return std::nullopt;
    return value;
}

bool ServerOptions::parseListen(const QString &text, QString *host, int *port)
{
    static const QRegularExpression re(u"^(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9.-]+):([0-9]{1,5})$"_s);
    const auto m = re.match(text);
    if (!m.hasMatch())
        return false;
    QString h = m.captured(1);
    if (h.startsWith(u'[')) {
        h = h.mid(1, h.size() - 2);
        if (!h.contains(u':'))
            return false;
    }
    const auto p = parseNumber(m.captured(2), 0, 65535);
    if (!p)
        return false;
    *host = h;
    *port = *p;
    return true;
}

QString ServerOptions::description()
{
    return u"TokenTally leaderboard server: signed ingest, boards, profiles and badges.\n"
           "Admin: tokentally-server [--db PATH | --database URI] users list|hide NAME [REASON]|"
           "unhide NAME|delete NAME\n"
           "Move to PostgreSQL: tokentally-server migrate --from sqlite:PATH --to postgresql://..."_s;
}

QList<QCommandLineOption> ServerOptions::commandLineOptions()
{
    const QCommandLineOption listen(u"listen"_s, u"Address to serve on (port 0: any free port)."_s,
                                    u"HOST:PORT"_s, u"127.0.0.1:8787"_s);
    const QCommandLineOption db(u"db"_s, u"SQLite database file (the default backend)."_s,
                                u"PATH"_s, defaultDatabase());
    const QCommandLineOption database(
        u"database"_s, u"PostgreSQL instead of SQLite: a libpq URI (postgresql://USER@HOST/DB)."_s,
        u"URI"_s);
    const QCommandLineOption pool(
        u"db-pool"_s, u"PostgreSQL connections per process (default 8)."_s, u"N"_s, u"8"_s);
    const QCommandLineOption portFile(u"port-file"_s, u"Write the bound port to this file."_s,
                                      u"PATH"_s);
    const QCommandLineOption tlsCert(u"tls-cert"_s, u"TLS certificate (PEM)."_s, u"PATH"_s);
    const QCommandLineOption tlsKey(u"tls-key"_s, u"TLS private key (PEM)."_s, u"PATH"_s);
    const QCommandLineOption publicUrl(
        u"public-url"_s,
        u"URL the server is reached at: absolute links, and the only Host accepted."_s, u"URL"_s);
    const QCommandLineOption openRegistration(
        u"open-registration"_s, u"Allow anyone to register (default on)."_s, u"on|off"_s, u"on"_s);
    const QCommandLineOption threads(
        u"threads"_s, u"Request threads; each keep-alive connection holds one (default 32)."_s,
        u"N"_s, u"32"_s);
    const QCommandLineOption ipLimit(
        u"rate-limit-ip"_s, u"API requests per minute per IP and process (0: off, default 600)."_s,
        u"N"_s, u"600"_s);
    const QCommandLineOption tokenLimit(
        u"rate-limit-token"_s, u"Writes per minute per token and process (0: off, default 120)."_s,
        u"N"_s, u"120"_s);
    const QCommandLineOption registerLimit(
        u"register-limit"_s, u"Registrations per hour per IP and process (0: off, default 20)."_s,
        u"N"_s, u"20"_s);
    const QCommandLineOption authFailures(
        u"auth-failures"_s, u"Failed logins per IP before growing delays (default 5)."_s, u"N"_s,
        u"5"_s);
    const QCommandLineOption quiet(u"quiet"_s, u"No per-request log lines."_s);
    const QCommandLineOption from(u"from"_s, u"migrate: the SQLite database (sqlite:PATH)."_s,
                                  u"sqlite:PATH"_s);
    const QCommandLineOption to(u"to"_s, u"migrate: the empty PostgreSQL database (URI)."_s,
                                u"URI"_s);
    return {listen,
            db,
            database,
            pool,
            portFile,
            tlsCert,
            tlsKey,
            publicUrl,
            openRegistration,
            threads,
            ipLimit,
            tokenLimit,
            registerLimit,
            authFailures,
            quiet,
            from,
            to};
}

std::optional<ServerOptions> ServerOptions::parse(const QStringList &arguments, QString *error)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(description());
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    const QList<QCommandLineOption> options = commandLineOptions();
    parser.addOptions(options);
    auto option = [&options](QStringView name) -> const QCommandLineOption & {
        const auto it =
            std::find_if(options.cbegin(), options.cend(), [name](const QCommandLineOption &o) {
                return o.names().constFirst() == name;
            });
        Q_ASSERT(it != options.cend());
        return *it;
    };
    const QCommandLineOption &listen = option(u"listen");
    const QCommandLineOption &db = option(u"db");
    const QCommandLineOption &database = option(u"database");
    const QCommandLineOption &pool = option(u"db-pool");
    const QCommandLineOption &portFile = option(u"port-file");
    const QCommandLineOption &tlsCert = option(u"tls-cert");
    const QCommandLineOption &tlsKey = option(u"tls-key");
    const QCommandLineOption &publicUrl = option(u"public-url");
    const QCommandLineOption &openRegistration = option(u"open-registration");
    const QCommandLineOption &threads = option(u"threads");
    const QCommandLineOption &ipLimit = option(u"rate-limit-ip");
    const QCommandLineOption &tokenLimit = option(u"rate-limit-token");
    const QCommandLineOption &registerLimit = option(u"register-limit");
    const QCommandLineOption &authFailures = option(u"auth-failures");
    const QCommandLineOption &quiet = option(u"quiet");
    const QCommandLineOption &from = option(u"from");
    const QCommandLineOption &to = option(u"to");
    parser.addPositionalArgument(u"command"_s, u"Optional: users ... or migrate"_s,
                                 u"[users ...|migrate]"_s);
    if (!parser.parse(arguments)) {
        *error = parser.errorText();
        return std::nullopt;
    }
    if (parser.isSet(help)) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        error->clear();
        return std::nullopt;
    }
    if (parser.isSet(version)) {
        std::printf("%s %s\n", qPrintable(QCoreApplication::applicationName()),
                    qPrintable(QCoreApplication::applicationVersion()));
        error->clear();
        return std::nullopt;
    }

    ServerOptions o;
    ServerConfig &c = o.config;
    auto number = [&parser, error](const QCommandLineOption &option, int min, int max, int *out) {
        const auto value = parseNumber(parser.value(option), min, max);
        if (!value) {
            *error = u"--%1 needs a whole number from %2 to %3, not \"%4\""_s.arg(
                option.names().constFirst(), QString::number(min), QString::number(max),
                parser.value(option));
            return false;
        }
        *out = *value;
        return true;
    };
    if (!parseListen(parser.value(listen), &c.host, &c.port)) {
        *error = u"--listen needs HOST:PORT (port 0-65535), not \""_s + parser.value(listen) + u'"';
        return std::nullopt;
    }
    if (!number(threads, 2, 1024, &c.threads) || !number(pool, 1, 64, &c.databasePool) ||
        !number(ipLimit, 0, 1000000, &c.ipRequestsPerMinute) ||
        !number(tokenLimit, 0, 1000000, &c.tokenWritesPerMinute) ||
        !number(registerLimit, 0, 1000000, &c.registrationsPerHour) ||
        !number(authFailures, 1, 100000, &c.authFailuresBeforeDelay))
        return std::nullopt;
    const QString registration = parser.value(openRegistration);
    if (registration != u"on" && registration != u"off") {
        *error = u"--open-registration needs on or off"_s;
        return std::nullopt;
    }
    c.openRegistration = registration == u"on";
    if (parser.isSet(database) && parser.isSet(db)) {
        *error = u"--db (SQLite) and --database (PostgreSQL) exclude each other"_s;
        return std::nullopt;
    }
    if (parser.isSet(database)) {
        c.databaseUrl = parser.value(database);
        if (!c.databaseUrl.startsWith(u"postgresql://") &&
            !c.databaseUrl.startsWith(u"postgres://")) {
            *error = u"--database needs a PostgreSQL URI (postgresql://USER@HOST:PORT/DB)"_s;
            return std::nullopt;
        }
    }
    c.databasePath = parser.value(db);
    c.portFile = parser.value(portFile);
    c.tlsCert = parser.value(tlsCert);
    c.tlsKey = parser.value(tlsKey);
    if (c.tlsCert.isEmpty() != c.tlsKey.isEmpty()) {
        *error = u"--tls-cert and --tls-key go together"_s;
        return std::nullopt;
    }
    if (parser.isSet(publicUrl)) {
        const QUrl url(parser.value(publicUrl), QUrl::StrictMode);
        if (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https") ||
            url.host().isEmpty() || url.hasQuery() || url.hasFragment() ||
            !url.userInfo().isEmpty()) {
            *error = u"--public-url needs http(s)://HOST[:PORT][/PATH]"_s;
            return std::nullopt;
        }
        c.publicUrl = url.toString(QUrl::FullyEncoded);
        while (c.publicUrl.endsWith(u'/')) // paths are appended to it
            c.publicUrl.chop(1);
    }
    c.quiet = parser.isSet(quiet);

    const QStringList positional = parser.positionalArguments();
    if (!positional.isEmpty()) {
        if (positional.first() == u"users") {
            o.command = Command::Users;
        } else if (positional.first() == u"migrate") {
            o.command = Command::Migrate;
            const QString source = parser.value(from);
            o.migrateTo = parser.value(to);
            if (!source.startsWith(u"sqlite:") || source.size() <= 7 ||
                (!o.migrateTo.startsWith(u"postgresql://") &&
                 !o.migrateTo.startsWith(u"postgres://"))) {
                *error = u"usage: tokentally-server migrate --from sqlite:PATH --to "
                         "postgresql://USER@HOST:PORT/DB"_s;
                return std::nullopt;
            }
            o.migrateFrom = source.mid(7);
        } else {
            *error = u"unknown command: "_s + positional.first();
            return std::nullopt;
        }
        o.commandArgs = positional.mid(1);
    }
    if (o.command != Command::Migrate && (parser.isSet(from) || parser.isSet(to))) {
        *error = u"--from and --to belong to the migrate command"_s;
        return std::nullopt;
    }
    return o;
}
