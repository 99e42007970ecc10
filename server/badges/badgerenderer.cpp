#include "badgerenderer.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {

// Verdana's advance widths (hmtx) for U+0020..U+007E in font units of a
// 2048-unit em; at 11px one unit is 11/2048 px.
constexpr int VerdanaAdvance[95] = {
    720,  804,  942,  1716, 1302, 2222, 1486, 549,  909,  909,  1302, 1716, 745,  909,  745,  909,
    1302, 1302, 1302, 1302, 1302, 1302, 1302, 1302, 1302, 1302, 909,  909,  1716, 1716, 1716, 1112,
    2048, 1401, 1405, 1430, 1577, 1294, 1178, 1587, 1540, 862,  929,  1412, 1152, 1726, 1532, 1612,
    1235, 1612, 1424, 1396, 1237, 1505, 1401, 2028, 1407, 1237, 1401, 909,  909,  909,  1716, 1302,
    1302, 1229, 1276, 1067, 1276, 1219, 720,  1276, 1296, 562,  690,  1186, 562,  1992, 1296, 1243,
    1276, 1276, 874,  1067, 807,  1296, 1186, 1677, 1186, 1186, 1054, 1302, 909,  1302, 1716,
};
constexpr int FallbackAdvance = 1992; // 'm': wide enough for most other glyphs.

QString xmlEscape(const QString &text)
{
    return text.toHtmlEscaped().replace(u'\'', u"&#39;"_s);
}

QString num(double v)
{
    return QString::number(v, 'f', 0);
}

// Shields' rule: dark text on light backgrounds.
bool isLight(const QString &hex)
{
    QString h = hex.mid(1);
    if (h.size() == 3)
        h = QString() + h[0] + h[0] + h[1] + h[1] + h[2] + h[2];
    bool ok = false;
    const uint rgb = h.toUInt(&ok, 16);
    if (!ok)
        return false;
    const double r = ((rgb >> 16) & 0xff) / 255.0;
    const double g = ((rgb >> 8) & 0xff) / 255.0;
    const double b = (rgb & 0xff) / 255.0;
    return (0.299 * r + 0.587 * g + 0.114 * b) > 0.69;
}

// The TokenTally mark: four tally strokes and a crossing bar, white on blue.
const char *const MarkSvg =
    R"svg(<g transform="translate(5 3)" stroke="#fff" stroke-width="1.6" stroke-linecap="round" fill="none"><path d="M2 1v12M5 1v12M8 1v12M11 1v12"/><path d="M0 11L13 3"/></g>)svg";

} // namespace

std::optional<BadgeRenderer::Style> BadgeRenderer::parseStyle(const QString &text)
{
    if (text.isEmpty() || text == u"flat")
        return Style::Flat;
    if (text == u"flat-square")
        return Style::FlatSquare;
    if (text == u"branded")
        return Style::Branded;
    return std::nullopt;
}

QString BadgeRenderer::styleName(Style style)
{
    switch (style) {
    case Style::Flat:
        return u"flat"_s;
    case Style::FlatSquare:
        return u"flat-square"_s;
    case Style::Branded:
        return u"branded"_s;
    }
    return {};
}

double BadgeRenderer::textWidth(QStringView text)
{
    std::int64_t units = 0;
    for (QChar c : text) {
        const char16_t u = c.unicode();
        units += (u >= 0x20 && u <= 0x7e) ? VerdanaAdvance[u - 0x20] : FallbackAdvance;
    }
    return double(units) * 11.0 / 2048.0;
}

std::optional<QString> BadgeRenderer::parseColor(const QString &text)
{
    static const QHash<QString, QString> named {{u"brightgreen"_s, u"#4c1"_s},
                                                {u"green"_s, u"#97ca00"_s},
                                                {u"yellow"_s, u"#dfb317"_s},
                                                {u"yellowgreen"_s, u"#a4a61d"_s},
                                                {u"orange"_s, u"#fe7d37"_s},
                                                {u"red"_s, u"#e05d44"_s},
                                                {u"blue"_s, u"#007ec6"_s},
                                                {u"grey"_s, u"#555"_s},
                                                {u"gray"_s, u"#555"_s},
                                                {u"lightgrey"_s, u"#9f9f9f"_s},
                                                {u"tokentally"_s, QString::fromLatin1(Blue)}};
    if (named.contains(text))
        return named.value(text);
    static const QRegularExpression hex(u"^#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$"_s);
    const auto m = hex.match(text);
    if (m.hasMatch())
        return u'#' + m.captured(1);
    return std::nullopt;
}

QByteArray BadgeRenderer::svg(const QString &label, const QString &message, const QString &color,
                              Style style)
{
    const bool branded = style == Style::Branded;
    const bool rounded = style != Style::FlatSquare;
    const QString labelColor = branded ? QString::fromLatin1(Blue) : u"#555"_s;
    // Shields rounds text widths up to odd numbers so the centre falls on
    // the pixel grid.
    auto preferred = [](double width) {
        const double w = std::round(width);
        return std::fmod(w, 2) == 0 ? w + 1 : w;
    };
    const double labelText = preferred(textWidth(label));
    const double messageText = preferred(textWidth(message));
    const double logo = branded ? 14 + 3 : 0;
    const double labelWidth = labelText + 10 + logo;
    const double messageWidth = messageText + 10;
    const double width = labelWidth + messageWidth;
    const QString title = xmlEscape(label + u": "_s + message);
    const double labelX = 10 * (logo + 5 + labelText / 2);
    const double messageX = 10 * (labelWidth + 5 + messageText / 2);
    const bool darkText = isLight(color);
    const QString textFill = darkText ? u"#333"_s : u"#fff"_s;
    const QString shadowFill = darkText ? u"#ccc"_s : u"#010101"_s;

    QString s;
    s += u"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\""_s + num(width) +
        u"\" height=\"20\" role=\"img\" aria-label=\""_s + title + u"\"><title>"_s + title +
        u"</title>"_s;
    if (rounded) {
        s += u"<linearGradient id=\"s\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" "
             "stop-color=\"#bbb\" stop-opacity=\".1\"/><stop offset=\"1\" "
             "stop-opacity=\".1\"/></linearGradient><clipPath id=\"r\"><rect width=\""_s +
            num(width) + u"\" height=\"20\" rx=\"3\" fill=\"#fff\"/></clipPath>"_s;
    }
    s += rounded ? u"<g clip-path=\"url(#r)\">"_s : u"<g shape-rendering=\"crispEdges\">"_s;
    s += u"<rect width=\""_s + num(labelWidth) + u"\" height=\"20\" fill=\""_s + labelColor +
        u"\"/><rect x=\""_s + num(labelWidth) + u"\" width=\""_s + num(messageWidth) +
        u"\" height=\"20\" fill=\""_s + xmlEscape(color) + u"\"/>"_s;
    if (rounded)
        s += u"<rect width=\""_s + num(width) + u"\" height=\"20\" fill=\"url(#s)\"/>"_s;
    s += u"</g>"_s;
    if (branded)
        s += QString::fromLatin1(MarkSvg);
    s += u"<g fill=\"#fff\" text-anchor=\"middle\" font-family=\"Verdana,Geneva,DejaVu "
         "Sans,sans-serif\" text-rendering=\"geometricPrecision\" font-size=\"110\">"_s;
    auto text = [&](double x, double length, const QString &content, const QString &fill,
                    const QString &shadow) {
        const QString escaped = xmlEscape(content);
        if (rounded) {
            s += u"<text aria-hidden=\"true\" x=\""_s + num(x) + u"\" y=\"150\" fill=\""_s +
                shadow + u"\" fill-opacity=\".3\" transform=\"scale(.1)\" textLength=\""_s +
                num(length * 10) + u"\">"_s + escaped + u"</text>"_s;
        }
        s += u"<text x=\""_s + num(x) + u"\" y=\"140\" transform=\"scale(.1)\" fill=\""_s + fill +
            u"\" textLength=\""_s + num(length * 10) + u"\">"_s + escaped + u"</text>"_s;
    };
    text(labelX, labelText, label, u"#fff"_s, u"#010101"_s);
    text(messageX, messageText, message, textFill, shadowFill);
    s += u"</g></svg>"_s;
    return s.toUtf8();
}

QByteArray BadgeRenderer::endpointJson(const QString &label, const QString &message,
                                       const QString &color, Style style)
{
    QJsonObject o {{u"schemaVersion"_s, 1},
                   {u"label"_s, label},
                   {u"message"_s, message},
                   {u"color"_s, color.startsWith(u'#') ? color.mid(1) : color},
                   {u"style"_s, style == Style::FlatSquare ? u"flat-square"_s : u"flat"_s}};
    if (style == Style::Branded)
        o.insert(u"labelColor"_s, QString::fromLatin1(Blue).mid(1));
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}
