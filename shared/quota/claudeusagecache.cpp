#include "claudeusagecache.h"

#include "report/statusline.h"
#include "sources/sourceenvironment.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {

// .claude.json grows with project history; a file beyond this is not Claude's.
constexpr qint64 MaxFileBytes = 64LL << 20;

} // namespace

QStringList ClaudeUsageCache::files(const SourceEnvironment &env)
{
    QStringList out;
    for (const QString &dir : env.claudeConfigDir.split(u',', Qt::SkipEmptyParts)) {
        if (!dir.trimmed().isEmpty())
            out << dir.trimmed() + u"/.claude.json"_s;
    }
    if (out.isEmpty() && !env.home.isEmpty())
        out << env.home + u"/.claude.json"_s;
    return out;
}

std::vector<QuotaObservation> ClaudeUsageCache::parse(const QByteArray &json)
{
    std::vector<QuotaObservation> out;
    const QJsonObject cache =
        QJsonDocument::fromJson(json).object().value(u"cachedUsageUtilization"_s).toObject();
    const double fetched = cache.value(u"fetchedAtMs"_s).toDouble(-1);
    // 2020 .. 2100: anything else is not a real fetch time.
    if (!(fetched >= 1.5e12 && fetched <= 4.1e12))
        return out;
    const QJsonObject windows = cache.value(u"utilization"_s).toObject();
    for (auto it = windows.begin(); it != windows.end(); ++it) {
        QString name;
        if (it.key() == u"five_hour")
            name = u"5h"_s;
        else if (it.key() == u"seven_day")
            name = u"7d"_s;
        else if (it.key().startsWith(u"seven_day_"))
            name = u"7d-"_s + it.key().mid(10);
        else
            continue; // extra_usage (credits) and unknown kinds are not windows
        const QJsonObject w = it.value().toObject();
        const QJsonValue used = w.value(u"utilization"_s);
        if (w.isEmpty() || !used.isDouble() || !(used.toDouble() >= 0 && used.toDouble() <= 100))
            continue;
        out.push_back({Agent::ClaudeCode, name, used.toDouble(),
                       StatuslineInput::parseResetTime(w.value(u"resets_at"_s)),
                       std::int64_t(fetched), QuotaObservation::SourceClaudeCache.toString()});
    }
    return out;
}

std::vector<QuotaObservation> ClaudeUsageCache::read(const SourceEnvironment &env)
{
    std::vector<QuotaObservation> out;
    for (const QString &path : files(env)) {
        QFile f(path);
        if (f.size() > MaxFileBytes || !f.open(QIODevice::ReadOnly))
            continue;
        for (QuotaObservation &q : parse(f.readAll())) {
            auto same = std::find_if(out.begin(), out.end(), [&](const QuotaObservation &o) {
                return o.window == q.window;
            });
            if (same == out.end())
                out.push_back(std::move(q));
            else if (q.observedMs > same->observedMs)
                *same = std::move(q);
        }
    }
    return out;
}
