#include "format.h"

#include <QHash>
#include <QLocale>

#include <cmath>
#include <iterator>

using namespace Qt::StringLiterals;

namespace {

const QLocale &grouped()
{
    // QLocale::c() omits group separators; US English has the same digits
    // and separators, with them.
    static const QLocale locale(QLocale::English, QLocale::UnitedStates);
    return locale;
}

} // namespace

QString Format::compact(double value)
{
    const double a = std::abs(value);
    if (a < 1000)
        return grouped().toString(qint64(std::llround(value)));
    static const char suffixes[] = {'K', 'M', 'B', 'T', 'P'};
    int i = -1;
    double v = value;
    while (std::abs(v) >= 1000 && i < 4) {
        v /= 1000;
        ++i;
    }
    return grouped().toString(v, 'f', std::abs(v) < 100 ? 1 : 0) + QChar::fromLatin1(suffixes[i]);
}

QString Format::money(double usd)
{
    if (usd > 0 && usd < 0.01)
        return u"<$0.01"_s;
    if (usd >= 100000)
        return u"$"_s + compact(usd);
    return u"$"_s + grouped().toString(usd, 'f', 2);
}

QString Format::integer(std::int64_t value)
{
    return grouped().toString(qint64(value));
}

QString Format::percent(double fraction)
{
    return QString::number(fraction * 100, 'f', 0) + u'%';
}

QString Format::modelColor(const QString &model)
{
    const QString m = model.toLower();
    if (m.contains(u"opus"))
        return u"#C2410C"_s;
    if (m.contains(u"sonnet"))
        return u"#EA580C"_s;
    if (m.contains(u"haiku"))
        return u"#F59E0B"_s;
    if (m.contains(u"claude"))
        return u"#D97706"_s;
    if (m.contains(u"codex"))
        return u"#047857"_s;
    if (m.startsWith(u"gpt") || m.startsWith(u"o1") || m.startsWith(u"o3") || m.startsWith(u"o4"))
        return m.contains(u"mini") ? u"#34D399"_s : u"#10B981"_s;
    if (m.contains(u"gemini"))
        return m.contains(u"flash") ? u"#60A5FA"_s : u"#1D4ED8"_s;
    static const char *const palette[] = {"#8B5CF6", "#EC4899", "#14B8A6", "#64748B",
                                          "#A16207", "#7C3AED", "#DB2777", "#0E7490"};
    return QString::fromLatin1(palette[qHash(model) % std::size(palette)]);
}
