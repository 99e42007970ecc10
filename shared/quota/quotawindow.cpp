#include "quotawindow.h"

using namespace Qt::StringLiterals;

namespace QuotaWindow {

std::optional<QString> classify(long long minutes)
{
    if (minutes <= 0 || minutes > MaxMinutes)
        return std::nullopt;
    // Codex 0.46 wrote 299 and 10079 (one minute short); later builds the round lengths.
    if (minutes == 299 || minutes == 300)
        return u"5h"_s;
    if (minutes == 10079 || minutes == 10080)
        return u"7d"_s;
    if (minutes == 43200)
        return u"30d"_s;
    return QString::number(minutes) + u'm';
}

std::optional<int> minutes(const QString &window)
{
    QString base = window.section(u'/', -1);
    base = base.section(u'-', 0, 0);
    if (base == u"5h")
        return 300;
    if (base == u"7d")
        return 10080;
    if (base == u"30d")
        return 43200;
    if (base.endsWith(u'm')) {
        bool ok = false;
        const int n = base.chopped(1).toInt(&ok);
        if (ok && n > 0 && n <= MaxMinutes)
            return n;
    }
    return std::nullopt;
}

} // namespace QuotaWindow
