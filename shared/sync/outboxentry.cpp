#include "outboxentry.h"

#include <array>

using namespace Qt::StringLiterals;

namespace {

const std::array<QString, 6> StateNames = {u"sending"_s,  u"accepted"_s, u"rejected"_s,
                                           u"conflict"_s, u"failed"_s,   u"interrupted"_s};

} // namespace

QString OutboxEntry::stateName(State state)
{
    return StateNames[size_t(state)];
}

OutboxEntry::State OutboxEntry::stateFromName(const QString &name)
{
    for (size_t i = 0; i < StateNames.size(); ++i) {
        if (StateNames[i] == name)
            return State(i);
    }
    return State::Failed;
}
