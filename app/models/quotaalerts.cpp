#include "quotaalerts.h"

#include "models/quotatext.h"

using namespace Qt::StringLiterals;

QuotaAlerts::Level QuotaAlerts::level(const std::vector<QuotaEntry> &entries,
                                      const Options &options)
{
    Level out = Level::Normal;
    for (const QuotaEntry &e : entries) {
        const auto used = e.usedPercent();
        if (!used)
            continue;
        if (*used >= options.criticalPercent)
            return Level::Critical;
        if (*used >= options.warnPercent)
            out = Level::Warn;
    }
    return out;
}

QString QuotaAlerts::windowKey(const QuotaEntry &e)
{
    const QuotaObservation &q = e.observation;
    QString instance;
    if (q.resetsAt)
        instance = QString::number(*q.resetsAt);
    else
        instance = u"~"_s +
            QString::number(q.observedMs / (std::int64_t(e.minutes.value_or(300)) * 60000));
    return agentId(q.agent) + u'/' + q.window + u'/' + instance;
}

std::vector<QuotaAlerts::Alert> QuotaAlerts::due(const std::vector<QuotaEntry> &entries,
                                                 const Options &options, std::int64_t nowMs,
                                                 QStringList *notified)
{
    // Forget windows long gone, so the list stays small.
    notified->removeIf([&](const QString &key) {
        bool ok = false;
        const std::int64_t resetsAt = key.section(u'/', -2, -2).toLongLong(&ok);
        return ok && resetsAt * 1000 < nowMs - ForgetAfterMs;
    });
    std::vector<Alert> out;
    if (!options.enabled)
        return out;
    for (const QuotaEntry &e : entries) {
        if (e.cached)
            continue;
        const QuotaObservation &q = e.observation;
        const QString key = windowKey(e);
        const QString who = agentDisplayName(q.agent);
        const QString window = QuotaText::windowName(q.window);
        if (e.expired) {
            const bool recent = q.resetsAt && nowMs - *q.resetsAt * 1000 < ResetNewsMs;
            if (options.onReset && recent && !notified->contains(key + u"/reset"_s)) {
                notified->append(key + u"/reset"_s);
                out.push_back({tr("%1: %2 window reset").arg(who, window),
                               tr("The %1 window was at %2 before it reset.")
                                   .arg(window, QuotaText::percent(q.usedPercent)),
                               false});
            }
            continue;
        }
        const bool critical = q.usedPercent >= options.criticalPercent;
        const bool warn = q.usedPercent >= options.warnPercent;
        if (!warn)
            continue;
        const QString level = critical ? u"/critical"_s : u"/warn"_s;
        if (notified->contains(key + level) ||
            (!critical && notified->contains(key + u"/critical"_s)))
            continue;
        // Crossing both at once notifies once, as critical.
        notified->append(key + u"/warn"_s);
        if (critical)
            notified->append(key + u"/critical"_s);
        notified->removeDuplicates();
        QString message =
            tr("%1 of the %2 window used.").arg(QuotaText::percent(q.usedPercent), window);
        if (q.resetsAt)
            message += u' ' +
                tr("It resets at %1.")
                    .arg(QuotaText::resetTime(*q.resetsAt, nowMs, QTimeZone::systemTimeZone()));
        out.push_back(
            {tr("%1: %2 window at %3").arg(who, window, QuotaText::percent(q.usedPercent)), message,
             critical});
    }
    return out;
}
