#include "quotatext.h"

#include "quota/quotawindow.h"

#include <QDateTime>
#include <QLocale>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {

// The windows a tray line names; qualified ones (7d-sonnet, a model's own
// limit) are left to the details.
bool inLine(const QuotaEntry &e)
{
    const QString &w = e.observation.window;
    return !w.contains(u'-') && !w.contains(u'/');
}

} // namespace

QList<Agent> QuotaText::agents(const std::vector<QuotaEntry> &entries)
{
    QList<Agent> out;
    for (const QuotaEntry &e : entries) {
        if (!out.contains(e.observation.agent))
            out << e.observation.agent;
    }
    return out;
}

QString QuotaText::percent(double value)
{
    const bool whole = std::abs(value - std::round(value)) < 0.05;
    return QLocale().toString(value, 'f', whole ? 0 : 1) + u'%';
}

QString QuotaText::age(std::int64_t seconds)
{
    const std::int64_t minutes = std::max<std::int64_t>(0, seconds) / 60;
    if (minutes < 60)
        return tr("%n min", nullptr, int(minutes));
    if (minutes < 48 * 60)
        return tr("%n h", nullptr, int(minutes / 60));
    return tr("%n d", nullptr, int(minutes / (24 * 60)));
}

QString QuotaText::windowName(const QString &window)
{
    if (window == u"5h")
        return tr("5 h");
    if (window == u"7d")
        return tr("week");
    if (window == u"30d")
        return tr("month");
    if (window.startsWith(u"7d-")) {
        QString model = window.mid(3).replace(u'_', u' ');
        if (!model.isEmpty())
            model[0] = model[0].toUpper();
        return tr("%1 week").arg(model);
    }
    if (!window.contains(u'/') && window.endsWith(u'm')) {
        if (const auto minutes = QuotaWindow::minutes(window))
            return tr("%1 min").arg(*minutes);
    }
    return window;
}

QString QuotaText::resetTime(std::int64_t resetsAtSeconds, std::int64_t nowMs,
                             const QTimeZone &zone)
{
    const QDateTime at = QDateTime::fromSecsSinceEpoch(resetsAtSeconds, zone);
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(nowMs, zone);
    const QString time = QLocale().toString(at.time(), QLocale::ShortFormat);
    if (at.date() == now.date())
        return time;
    return QLocale().dayName(at.date().dayOfWeek(), QLocale::ShortFormat) + u' ' + time;
}

QString QuotaText::agentLine(Agent agent, const std::vector<QuotaEntry> &entries,
                             std::int64_t nowMs, const QTimeZone &zone)
{
    QStringList parts {agentDisplayName(agent)};
    bool resetShown = false;
    std::optional<std::int64_t> cachedAge;
    for (const QuotaEntry &e : entries) {
        if (e.observation.agent != agent || !inLine(e))
            continue;
        const QString name = windowName(e.observation.window);
        if (e.expired) {
            parts << tr("%1 reset").arg(name);
            continue;
        }
        parts << tr("%1 %2").arg(name, percent(e.observation.usedPercent));
        // The soonest reset only: the line stays short.
        if (!resetShown && e.observation.resetsAt) {
            parts << tr("resets %1").arg(resetTime(*e.observation.resetsAt, nowMs, zone));
            resetShown = true;
        }
        if (e.cached)
            cachedAge = std::max(cachedAge.value_or(0), e.ageSeconds(nowMs));
    }
    if (parts.size() == 1)
        return {};
    if (cachedAge)
        parts << tr("cached %1 ago").arg(age(*cachedAge));
    return parts.join(u" · "_s);
}

QStringList QuotaText::details(Agent agent, const std::vector<QuotaEntry> &entries,
                               std::int64_t nowMs, const QTimeZone &zone)
{
    QStringList lines;
    for (const QuotaEntry &e : entries) {
        const QuotaObservation &q = e.observation;
        if (q.agent != agent)
            continue;
        QString source;
        if (q.source == QuotaObservation::SourceCodexLog)
            source = tr("Codex logs");
        else if (q.source == QuotaObservation::SourceClaudeStatusline)
            source = tr("Claude Code statusline");
        else
            source = tr("Claude Code's cache");
        QString line = windowName(q.window) + u": "_s;
        if (e.expired)
            line += tr("reset (was %1)").arg(percent(q.usedPercent));
        else if (q.resetsAt)
            line += tr("%1, resets %2")
                        .arg(percent(q.usedPercent), resetTime(*q.resetsAt, nowMs, zone));
        else
            line += percent(q.usedPercent);
        line += u" · "_s + tr("seen %1 ago in %2").arg(age(e.ageSeconds(nowMs)), source);
        lines << line;
    }
    return lines;
}
