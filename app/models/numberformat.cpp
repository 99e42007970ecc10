#include "numberformat.h"

#include <QCoreApplication>

#include <array>
#include <cmath>

using namespace Qt::StringLiterals;

namespace NumberFormat {

QString compact(std::int64_t value, const QLocale &locale)
{
    const bool negative = value < 0;
    const double v = std::abs(double(value));
    if (v < 1000)
        return locale.toString(qlonglong(value));
    static constexpr std::array<char16_t, 4> suffixes {u'K', u'M', u'B', u'T'};
    double scaled = v / 1000.0;
    size_t i = 0;
    // Round first so 999,950 becomes 1M rather than 1000K.
    while (i + 1 < suffixes.size() && std::round(scaled * 10) / 10 >= 1000.0) {
        scaled /= 1000.0;
        ++i;
    }
    const int decimals = scaled < 100 ? 1 : 0;
    QString text = locale.toString(scaled, 'f', decimals);
    if (decimals > 0) {
        const QString zero = locale.decimalPoint() + locale.zeroDigit();
        if (text.endsWith(zero))
            text.chop(zero.size());
    }
    return (negative ? locale.negativeSign() : QString()) + text + QChar(suffixes[i]);
}

QString full(std::int64_t value, const QLocale &locale)
{
    return locale.toString(qlonglong(value));
}

QString money(const std::optional<double> &usd, const QLocale &locale)
{
    if (!usd)
        return QCoreApplication::translate("NumberFormat", "unpriced");
    if (*usd > 0 && *usd < 0.005)
        return u"<$"_s + locale.toString(0.01, 'f', 2);
    return u"$"_s + locale.toString(*usd, 'f', 2);
}

QString money(double usd, int decimals, const QLocale &locale)
{
    return u"$"_s + locale.toString(usd, 'f', decimals);
}

QString percent(double fraction, const QLocale &locale)
{
    return locale.toString(fraction * 100.0, 'f', 1) + locale.percent();
}

} // namespace NumberFormat
