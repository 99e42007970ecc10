#include "logincommand.h"

#include "cli/clicontext.h"
#include "cli/syncsession.h"

#include <QFile>

using namespace Qt::StringLiterals;

QString LoginCommand::name() const
{
    return u"login"_s;
}

QString LoginCommand::summary() const
{
    return u"create an account on a server, or sign in to one, and register this device"_s;
}

QString LoginCommand::description() const
{
    return u"With --username a new account is created and its API token printed once: keep it "
           "to sign in on another device with --token. Either way this device gets a random id "
           "and an Ed25519 key. The token and the key are stored in the OS keyring only; "
           "without a keyring, login fails and nothing is stored. Nothing is sent until you "
           "run `tokentally submit` or turn on auto-submit in the app."_s;
}

QList<QCommandLineOption> LoginCommand::options() const
{
    return {
        QCommandLineOption(u"server"_s, u"The server's URL, e.g. https://board.example.org."_s,
                           u"url"_s),
        QCommandLineOption(u"username"_s, u"Create an account with this name."_s, u"name"_s),
        QCommandLineOption(u"token"_s,
                           u"Sign in to an existing account with its API token ('-' reads it "
                           "from stdin)."_s,
                           u"token"_s),
        QCommandLineOption(u"label"_s,
                           u"This device's label on the server (default: \"tokentally on "
                           "<os>\"; never the host name)."_s,
                           u"label"_s),
    };
}

int LoginCommand::run(CliContext &context)
{
    if (!context.arguments().isEmpty())
        return context.usageError(u"login takes no arguments"_s);
    if (!context.isSet(u"server"_s))
        return context.usageError(u"login needs --server URL"_s);
    if (context.isSet(u"username"_s) == context.isSet(u"token"_s))
        return context.usageError(
            u"login needs --username NAME (new account) or --token TOKEN (existing one)"_s);
    LoginRequest request;
    request.server = context.value(u"server"_s);
    request.username = context.value(u"username"_s);
    request.token = context.value(u"token"_s);
    request.label = context.value(u"label"_s);
    if (request.token == u"-") {
        QFile in;
        if (!in.open(stdin, QIODevice::ReadOnly))
            return context.failure(u"could not read the token from stdin"_s);
        request.token = QString::fromUtf8(in.readLine()).trimmed();
    }
    if (context.isSet(u"token"_s) && request.token.isEmpty())
        return context.usageError(u"the token is empty"_s);

    SyncSession session(context);
    if (!session.open())
        return 1;
    AccountResult result;
    session.wait([&](std::function<void()> finish) {
        session.client().account().login(request, [&result, finish](const AccountResult &r) {
            result = r;
            finish();
        });
    });
    if (!result.ok)
        return context.failure(result.error);
    QTextStream &out = context.out();
    out << "Signed in as " << result.account.username << " at " << result.account.server
        << " (device " << result.account.deviceId << ", profile " << result.account.visibility
        << ")." << Qt::endl;
    if (!result.newToken.isEmpty())
        out << "Your API token, shown once (sign in on another device with "
               "`tokentally login --server "
            << result.account.server << " --token TOKEN`):\n  " << result.newToken << Qt::endl;
    out << "Nothing has been sent yet: `tokentally submit` sends your hourly totals." << Qt::endl;
    return 0;
}
