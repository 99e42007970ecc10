#include "quotaformatter.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cmath>

using namespace Qt::StringLiterals;

namespace {

QString isoSeconds(std::int64_t seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds).toUTC().toString(Qt::ISODate);
}

QString percent(double v)
{
    // 42.5 stays 42.5, 48.0 reads 48.
    return QString::number(v, 'f', v == std::floor(v) ? 0 : 1) + u'%';
}

} // namespace

QString QuotaFormatter::duration(std::int64_t seconds)
{
    seconds = std::max<std::int64_t>(0, seconds);
    if (seconds < 60)
        return u"%1s"_s.arg(seconds);
    const std::int64_t minutes = seconds / 60;
    if (minutes < 60)
        return u"%1m"_s.arg(minutes);
    const std::int64_t hours = minutes / 60;
    if (hours < 48)
        return u"%1h %2m"_s.arg(hours).arg(minutes % 60);
    return u"%1d %2h"_s.arg(hours / 24).arg(hours % 24);
}

QByteArray QuotaFormatter::json(const std::vector<QuotaEntry> &entries, std::int64_t nowMs,
                                std::int64_t skipped)
{
    QJsonArray list;
    for (const QuotaEntry &e : entries) {
        const QuotaObservation &q = e.observation;
        QJsonObject o;
        o[u"agent"_s] = agentId(q.agent);
        o[u"window"_s] = q.window;
        o[u"windowMinutes"_s] = e.minutes ? QJsonValue(*e.minutes) : QJsonValue();
        o[u"usedPercent"_s] = e.usedPercent() ? QJsonValue(*e.usedPercent()) : QJsonValue();
        o[u"lastUsedPercent"_s] = q.usedPercent;
        o[u"resetsAt"_s] = q.resetsAt ? QJsonValue(isoSeconds(*q.resetsAt)) : QJsonValue();
        o[u"observedAt"_s] = isoSeconds(q.observedMs / 1000);
        o[u"ageSeconds"_s] = double(e.ageSeconds(nowMs));
        o[u"source"_s] = q.source;
        o[u"cached"_s] = e.cached;
        o[u"expired"_s] = e.expired;
        list.append(o);
    }
    return QJsonDocument(QJsonObject {{u"quotas"_s, list}, {u"skippedWindows"_s, double(skipped)}})
        .toJson(QJsonDocument::Compact);
}

QString QuotaFormatter::text(const std::vector<QuotaEntry> &entries, std::int64_t nowMs,
                             const QTimeZone &zone, std::int64_t skipped)
{
    QStringList lines;
    if (entries.empty())
        lines << u"No quota window observed yet (Codex logs, Claude Code's statusline or "
                 "~/.claude.json)."_s;
    for (const QuotaEntry &e : entries) {
        const QuotaObservation &q = e.observation;
        // Columns: agent, window, use (or "reset"), reset time, age and source.
        const QString use =
            e.expired ? u"reset (was %1)"_s.arg(percent(q.usedPercent)) : percent(q.usedPercent);
        QString resets;
        if (q.resetsAt && !e.expired) {
            const QDateTime at = QDateTime::fromSecsSinceEpoch(*q.resetsAt, zone);
            resets = u"resets %1 (in %2)"_s.arg(at.toString(u"yyyy-MM-dd HH:mm"_s),
                                                duration(*q.resetsAt - nowMs / 1000));
        }
        QString line = u"%1  %2  %3  %4"_s.arg(agentId(q.agent), -12)
                           .arg(q.window, -10)
                           .arg(use, -15)
                           .arg(resets, -36);
        line += u"  seen %1 ago, %2"_s.arg(duration(e.ageSeconds(nowMs)), q.source);
        if (e.cached)
            line += u" (cached)"_s;
        lines << line;
    }
    if (skipped > 0)
        lines << u"%1 window reading(s) skipped: unreadable or absurd values."_s.arg(skipped);
    return lines.join(u'\n');
}
