#include "synctransport.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

QJsonObject SyncReply::json() const
{
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    return doc.isObject() ? doc.object() : QJsonObject();
}

QString SyncReply::reason() const
{
    if (status == 0)
        return networkError.isEmpty() ? u"no answer from the server"_s : networkError;
    // The server answers errors as {"error": "bad_request", "reason": "..."}.
    const QJsonObject o = json();
    const QString reason = o.value(u"reason"_s).toString();
    if (!reason.isEmpty())
        return reason;
    const QString error = o.value(u"error"_s).toString();
    if (!error.isEmpty())
        return error;
    return u"HTTP "_s + QString::number(status);
}
