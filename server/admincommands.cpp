#include "admincommands.h"

#include "store/serverstore.h"

#include <cstdio>

using namespace Qt::StringLiterals;

int AdminCommands::users(ServerStore &store, const QStringList &args)
{
    const QString action = args.value(0);
    if (action == u"list" && args.size() == 1) {
        for (const UserRecord &u : store.users()) {
            std::printf("%s\t%s\t%s\t%s\n", u.name.toUtf8().constData(),
                        visibilityName(u.visibility).toUtf8().constData(),
                        u.hidden ? "hidden" : "visible", u.flagReason.toUtf8().constData());
        }
        return 0;
    }
    if ((action == u"hide" || action == u"unhide" || action == u"delete") && args.size() >= 2) {
        const auto user = store.userByName(args.at(1));
        if (!user) {
            std::fprintf(stderr, "tokentally-server: no such user: %s\n",
                         args.at(1).toUtf8().constData());
            return 1;
        }
        if (action == u"hide")
            store.setHidden(user->id, true,
                            args.size() > 2 ? args.mid(2).join(u' ') : u"hidden by admin"_s, true);
        else if (action == u"unhide")
            store.setHidden(user->id, false, u"cleared by admin"_s, true);
        else
            store.deleteUser(user->id);
        std::printf("%s: %s\n", action.toUtf8().constData(), user->name.toUtf8().constData());
        return 0;
    }
    std::fprintf(stderr,
                 "tokentally-server: usage: tokentally-server [--db PATH | --database URI] "
                 "users list|hide NAME [REASON]|unhide NAME|delete NAME\n");
    return 1;
}
