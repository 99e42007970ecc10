#include "serverstore.h"

#include <QList>

QByteArray StoreChange::encode() const
{
    const char k = kind == Kind::Buckets ? 'b' : kind == Kind::User ? 'u' : 'a';
    return QByteArray(1, k) + '|' + QByteArray::number(userId) + '|' +
        QByteArray::number(fromHour) + '|' + QByteArray::number(toHour) + '|' +
        (onBoards ? '1' : '0');
}

std::optional<StoreChange> StoreChange::decode(const QByteArray &text)
{
    const QList<QByteArray> parts = text.split('|');
    if (parts.size() != 5 || parts[0].size() != 1)
        return std::nullopt;
    StoreChange c;
    switch (parts[0][0]) {
    case 'b':
        c.kind = Kind::Buckets;
        break;
    case 'u':
        c.kind = Kind::User;
        break;
    case 'a':
        c.kind = Kind::All;
        break;
    default:
        return std::nullopt;
    }
    bool ok[3] = {};
    c.userId = parts[1].toLongLong(&ok[0]);
    c.fromHour = parts[2].toLongLong(&ok[1]);
    c.toHour = parts[3].toLongLong(&ok[2]);
    c.onBoards = parts[4] == "1";
    if (!ok[0] || !ok[1] || !ok[2])
        return std::nullopt;
    return c;
}
