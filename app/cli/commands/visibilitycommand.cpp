#include "visibilitycommand.h"

#include "cli/clicontext.h"
#include "cli/syncsession.h"

using namespace Qt::StringLiterals;

QString VisibilityCommand::name() const
{
    return u"visibility"_s;
}

QString VisibilityCommand::arguments() const
{
    return u"private|unlisted|public"_s;
}

QString VisibilityCommand::summary() const
{
    return u"set who can see your profile on the server"_s;
}

QString VisibilityCommand::description() const
{
    return u"private (the default): nowhere. unlisted: your profile page and badges, not the "
           "boards. public: boards too."_s;
}

int VisibilityCommand::run(CliContext &context)
{
    const QStringList args = context.arguments();
    if (args.size() != 1 || !AccountFlow::isValidVisibility(args.first()))
        return context.usageError(u"visibility needs one of private, unlisted, public"_s);
    SyncSession session(context);
    if (!session.open())
        return 1;
    AccountResult result;
    session.wait([&](std::function<void()> finish) {
        session.client().account().setVisibility(args.first(),
                                                 [&result, finish](const AccountResult &r) {
                                                     result = r;
                                                     finish();
                                                 });
    });
    if (!result.ok)
        return context.failure(result.error);
    context.out() << "Profile of " << result.account.username << " is now "
                  << result.account.visibility << ": " << result.account.profileUrl() << Qt::endl;
    return 0;
}
