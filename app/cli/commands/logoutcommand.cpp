#include "logoutcommand.h"

#include "cli/clicontext.h"
#include "cli/syncsession.h"

using namespace Qt::StringLiterals;

QString LogoutCommand::name() const
{
    return u"logout"_s;
}

QString LogoutCommand::summary() const
{
    return u"remove the token and device key from the keyring and forget the device "
           "(the server keeps your data; see delete-server-data)"_s;
}

int LogoutCommand::run(CliContext &context)
{
    if (!context.arguments().isEmpty())
        return context.usageError(u"logout takes no arguments"_s);
    SyncSession session(context);
    if (!session.open())
        return 1;
    AccountResult result;
    session.wait([&](std::function<void()> finish) {
        session.client().account().logout([&result, finish](const AccountResult &r) {
            result = r;
            finish();
        });
    });
    if (!result.ok)
        return context.failure(result.error);
    context.out() << "Signed out of " << result.account.server << "; device "
                  << result.account.deviceId << " forgotten here." << Qt::endl;
    return 0;
}
