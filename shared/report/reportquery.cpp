#include "reportquery.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

std::optional<ReportKind> ReportQuery::kindFromName(QStringView name)
{
    if (name == u"daily")
        return ReportKind::Daily;
    if (name == u"weekly")
        return ReportKind::Weekly;
    if (name == u"monthly")
        return ReportKind::Monthly;
    if (name == u"session")
        return ReportKind::Session;
    if (name == u"model")
        return ReportKind::Model;
    if (name == u"agent")
        return ReportKind::Agent;
    return std::nullopt;
}

QString ReportQuery::kindName(ReportKind kind)
{
    switch (kind) {
    case ReportKind::Daily:
        return u"daily"_s;
    case ReportKind::Weekly:
        return u"weekly"_s;
    case ReportKind::Monthly:
        return u"monthly"_s;
    case ReportKind::Session:
        return u"session"_s;
    case ReportKind::Model:
        return u"model"_s;
    case ReportKind::Agent:
        return u"agent"_s;
    }
    return {};
}

std::optional<QDate> ReportQuery::parseDate(const QString &text)
{
    QDate d = QDate::fromString(text, u"yyyy-MM-dd"_s);
    if (!d.isValid())
        d = QDate::fromString(text, u"yyyyMMdd"_s);
    if (!d.isValid())
        return std::nullopt;
    return d;
}

std::optional<QTimeZone> ReportQuery::parseTimeZone(const QString &text)
{
    if (text.isEmpty() || text == u"local")
        return QTimeZone::systemTimeZone();
    if (text.compare(u"UTC"_s, Qt::CaseInsensitive) == 0 || text == u"Z")
        return QTimeZone::utc();
    static const QRegularExpression offset(u"^(?:UTC)?([+-])(\\d{1,2})(?::?(\\d{2}))?$"_s);
    const auto m = offset.match(text);
    if (m.hasMatch()) {
        const int h = m.captured(2).toInt();
        const int mi = m.captured(3).isEmpty() ? 0 : m.captured(3).toInt();
        if (h > 14 || mi > 59)
            return std::nullopt;
        const int secs = (m.captured(1) == u"-"_s ? -1 : 1) * (h * 3600 + mi * 60);
        return QTimeZone(secs);
    }
    const QTimeZone tz(text.toUtf8());
    if (!tz.isValid())
        return std::nullopt;
    return tz;
}
