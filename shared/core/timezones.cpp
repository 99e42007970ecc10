#include "timezones.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

std::optional<QTimeZone> TimeZones::parse(const QString &text, Context context)
{
    if (text.isEmpty() || text == u"local") {
        if (context == Context::Server && !text.isEmpty())
            return std::nullopt;
        return context == Context::Local ? QTimeZone::systemTimeZone() : QTimeZone::utc();
    }
    if (text.compare(u"UTC"_s, Qt::CaseInsensitive) == 0 || text == u"Z")
        return QTimeZone::utc();
    static const QRegularExpression offset(u"^(?:UTC|GMT)?([+-])(\\d{1,2})(?::?(\\d{2}))?$"_s,
                                           QRegularExpression::CaseInsensitiveOption);
    const auto m = offset.match(text);
    if (m.hasMatch()) {
        const int hours = m.captured(2).toInt();
        const int minutes = m.captured(3).isEmpty() ? 0 : m.captured(3).toInt();
        if (hours > 14 || minutes > 59)
            return std::nullopt;
        return QTimeZone((m.captured(1) == u"-" ? -1 : 1) * (hours * 3600 + minutes * 60));
    }
    // IANA names are short and ASCII: anything else is not worth a lookup.
    static const QRegularExpression iana(u"^[A-Za-z0-9_+/-]{1,64}$"_s);
    if (!iana.match(text).hasMatch())
        return std::nullopt;
    const QTimeZone zone(text.toLatin1());
    if (!zone.isValid())
        return std::nullopt;
    return zone;
}
