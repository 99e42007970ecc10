#include "modelcolors.h"

#include <array>

using namespace Qt::StringLiterals;

namespace {

std::uint32_t stableHash(const QString &s)
{
    // FNV-1a: qHash is seeded per process, and colours must not change between runs.
    std::uint32_t h = 2166136261u;
    for (QChar c : s) {
        h ^= c.unicode();
        h *= 16777619u;
    }
    return h;
}

template<size_t N> QColor pick(const std::array<const char *, N> &palette, const QString &model)
{
    return QColor(QLatin1StringView(palette[stableHash(model) % N]));
}

} // namespace

namespace ModelColors {

QColor brand()
{
    return QColor(0x2F, 0x6F, 0xEB);
}

QColor forModel(const QString &model)
{
    const QString m = model.toLower();
    // Versions of one family get neighbouring shades of the family's hue.
    if (m.contains(u"opus")) {
        static constexpr std::array<const char *, 3> opus {"#C2410C", "#9A3412", "#DC2626"};
        return pick(opus, m);
    }
    if (m.contains(u"sonnet")) {
        static constexpr std::array<const char *, 3> sonnet {"#F97316", "#FB923C", "#EA580C"};
        return pick(sonnet, m);
    }
    if (m.contains(u"haiku")) {
        static constexpr std::array<const char *, 2> haiku {"#F59E0B", "#FBBF24"};
        return pick(haiku, m);
    }
    if (m.contains(u"claude"))
        return QColor(0xD9, 0x77, 0x06);
    if (m.contains(u"gpt") || m.contains(u"codex") || m.startsWith(u"o1") || m.startsWith(u"o3") ||
        m.startsWith(u"o4")) {
        static constexpr std::array<const char *, 6> greens {"#15803D", "#22C55E", "#16A34A",
                                                             "#4ADE80", "#166534", "#65A30D"};
        return pick(greens, m);
    }
    if (m.contains(u"gemini")) {
        static constexpr std::array<const char *, 3> blues {"#0EA5E9", "#38BDF8", "#0369A1"};
        return pick(blues, m);
    }
    static constexpr std::array<const char *, 6> others {"#8B5CF6", "#EC4899", "#14B8A6",
                                                         "#64748B", "#A855F7", "#E11D48"};
    return pick(others, m);
}

} // namespace ModelColors
