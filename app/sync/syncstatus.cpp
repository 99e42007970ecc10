#include "syncstatus.h"

using namespace Qt::StringLiterals;

QString SyncStatus::activityName(Activity activity)
{
    switch (activity) {
    case Activity::Idle:
        return u"idle"_s;
    case Activity::Submitting:
        return u"submitting"_s;
    case Activity::SigningIn:
        return u"signing in"_s;
    case Activity::SigningOut:
        return u"signing out"_s;
    case Activity::ChangingVisibility:
        return u"changing visibility"_s;
    case Activity::DeletingServerData:
        return u"deleting server data"_s;
    case Activity::Refreshing:
        return u"refreshing"_s;
    }
    return {};
}
