#include "reportquery.h"

#include "core/timezones.h"

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
    return TimeZones::parse(text, TimeZones::Context::Local);
}
