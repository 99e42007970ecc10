#include "deleteserverdatacommand.h"

#include "cli/clicontext.h"
#include "cli/syncsession.h"

#include <QFile>

#include <cstdio>
#include <unistd.h>

using namespace Qt::StringLiterals;

QString DeleteServerDataCommand::name() const
{
    return u"delete-server-data"_s;
}

QString DeleteServerDataCommand::summary() const
{
    return u"delete your account and all its data on the server, then sign out here "
           "(local totals stay)"_s;
}

QList<QCommandLineOption> DeleteServerDataCommand::options() const
{
    return {QCommandLineOption(u"yes"_s, u"Do not ask for confirmation."_s)};
}

int DeleteServerDataCommand::run(CliContext &context)
{
    if (!context.arguments().isEmpty())
        return context.usageError(u"delete-server-data takes no arguments"_s);
    SyncSession session(context);
    if (!session.open())
        return 1;
    const auto account = SyncStore(session.store()).account();
    if (!account)
        return context.failure(u"not signed in"_s);
    if (!context.isSet(u"yes"_s)) {
        if (!isatty(STDIN_FILENO))
            return context.usageError(
                u"delete-server-data asks for confirmation; pass --yes when not interactive"_s);
        context.out() << "Delete the account " << account->username << " and all its data on "
                      << account->server << "? This cannot be undone. Type the user name to "
                      << "confirm: " << Qt::flush;
        QFile in;
        if (!in.open(stdin, QIODevice::ReadOnly) ||
            QString::fromUtf8(in.readLine()).trimmed() != account->username)
            return context.failure(u"not confirmed; nothing was deleted"_s);
    }
    AccountResult result;
    session.wait([&](std::function<void()> finish) {
        session.client().account().deleteServerData([&result, finish](const AccountResult &r) {
            result = r;
            finish();
        });
    });
    if (!result.ok)
        return context.failure(result.error);
    context.out() << "Deleted " << result.account.username << " and all its data on "
                  << result.account.server << "; signed out here. Local totals are unchanged."
                  << Qt::endl;
    return 0;
}
