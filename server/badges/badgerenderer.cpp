#include "badgerenderer.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {

// Verdana 11px widths in 1/100 px of U+0020..U+024F as shields.io measures
// them (the char-width table of anafanafo 2.0.0, MIT, which badge-maker
// uses): the same text makes a badge of the same width as shields' own.
constexpr int First = 0x20;
constexpr short Widths[] = {
    387,  433,  505,  900,  699,  1184, 799,  295,  500,  500,  699,  900,  400,  500,  400,  500,
    699,  699,  699,  699,  699,  699,  699,  699,  699,  699,  500,  500,  900,  900,  900,  600,
    1100, 752,  754,  768,  848,  696,  632,  853,  827,  463,  500,  762,  612,  927,  823,  866,
    663,  866,  765,  752,  678,  805,  752,  1088, 754,  677,  754,  500,  500,  500,  900,  699,
    699,  661,  685,  573,  685,  655,  387,  685,  696,  302,  379,  651,  302,  1070, 696,  668,
    685,  685,  469,  573,  433,  696,  651,  900,  651,  651,  578,  698,  500,  698,  900,  1070,
    1070, 1070, 1070, 1070, 1070, 1070, 1070, 1070, 1070, 1070, 1070, 1070, 1070, 1070, 1070, 1070,
    1070, 1070, 1070, 1070, 1070, 1070, 1070, 1070, 1070, 1070, 1070, 1070, 1070, 1070, 1070, 1070,
    387,  433,  699,  699,  699,  699,  500,  699,  699,  1100, 600,  709,  900,  0,    1100, 699,
    596,  900,  596,  596,  699,  706,  699,  400,  699,  596,  600,  709,  1100, 1100, 1100, 600,
    752,  752,  752,  752,  752,  752,  1083, 768,  696,  696,  696,  696,  463,  463,  463,  463,
    853,  823,  866,  866,  866,  866,  866,  900,  866,  805,  805,  805,  805,  677,  666,  682,
    661,  661,  661,  661,  661,  661,  1051, 573,  655,  655,  655,  655,  302,  302,  302,  302,
    673,  696,  668,  668,  668,  668,  668,  900,  668,  696,  696,  696,  696,  651,  685,  1070,
    752,  661,  752,  661,  752,  661,  768,  573,  768,  573,  768,  573,  768,  573,  848,  712,
    853,  685,  696,  655,  696,  655,  696,  655,  696,  655,  696,  655,  853,  685,  853,  685,
    853,  685,  853,  685,  827,  696,  827,  696,  463,  302,  463,  302,  463,  302,  463,  302,
    463,  302,  958,  675,  500,  379,  762,  651,  651,  612,  302,  612,  302,  612,  325,  612,
    504,  618,  313,  823,  696,  823,  696,  823,  696,  804,  823,  696,  866,  668,  866,  668,
    866,  668,  1177, 1080, 765,  469,  765,  469,  765,  469,  752,  573,  752,  573,  752,  573,
    752,  573,  678,  433,  678,  433,  678,  433,  805,  696,  805,  696,  805,  693,  805,  696,
    805,  696,  805,  693,  1088, 900,  677,  651,  677,  754,  578,  754,  578,  754,  578,  1070,
    550,  836,  632,  550,  632,  550,  734,  734,  488,  794,  896,  632,  550,  518,  672,  830,
    551,  612,  699,  794,  794,  847,  279,  366,  794,  550,  306,  533,  898,  794,  550,  794,
    887,  668,  1017, 761,  715,  550,  612,  612,  428,  640,  378,  306,  672,  306,  672,  832,
    726,  817,  794,  859,  550,  672,  488,  593,  593,  488,  488,  550,  550,  488,  464,  550,
    220,  309,  274,  366,  1466, 1283, 1038, 1100, 978,  611,  1222, 1100, 856,  794,  488,  366,
    306,  794,  550,  794,  550,  794,  550,  805,  696,  794,  550,  805,  696,  488,  794,  488,
    794,  488,  978,  734,  794,  550,  794,  550,  794,  550,  794,  550,  794,  550,  593,  488,
    306,  1466, 1283, 1038, 853,  685,  1045, 616,  823,  696,  752,  661,  1083, 1051, 866,  668,
    794,  488,  794,  488,  672,  488,  672,  488,  366,  306,  366,  306,  794,  550,  794,  550,
    734,  366,  734,  366,  794,  550,  794,  550,  752,  573,  678,  433,  619,  435,  794,  550,
    715,  550,  664,  550,  672,  488,  794,  488,  672,  488,  794,  550,  794,  550,  794,  550,
    794,  550,  794,  550,  306,  550,  349,  306,  851,  850,  794,  734,  550,  672,  672,  428,
    488,  587,  437,  734,  794,  798,  672,  488,  428,  306,  772,  550,  734,  366,  794,  1070,
};
// Characters outside the table count as an 'm', as in anafanafo.
constexpr int EmWidth = 1070;
// Control characters take no room.
constexpr int ControlWidth = 0;

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
    // Summed in doubles from left to right like badge-maker, so that its
    // truncation lands on the same pixel (7.1 + 110.9 may be 117.99999...).
    double width = 0;
    for (const char32_t u : text.toUcs4()) {
        int hundredths = EmWidth;
        if (u < 0x20 || u == 0x7f)
            hundredths = ControlWidth;
        else if (u - First < std::size(Widths))
            hundredths = Widths[u - First];
        width += hundredths / 100.0;
    }
    return width;
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
    // Shields truncates text widths, then rounds them up to odd numbers so
    // the centre falls on the pixel grid (badge-maker's preferredWidthOf).
    auto preferred = [](double width) {
        const double w = std::floor(width);
        return std::fmod(w, 2) == 0 ? w + 1 : w;
    };
    const double labelText = preferred(textWidth(label));
    const double messageText = preferred(textWidth(message));
    const double logo = branded ? 14 + 3 : 0;
    const double labelWidth = labelText + 10 + logo;
    const double messageWidth = messageText + 10;
    const double width = labelWidth + messageWidth;
    const QString title = xmlEscape(label + u": "_s + message);
    // Text anchors as badge-maker places them: one pixel into the label, one
    // pixel back from the message's edge, plus the 5 px padding.
    const double labelX = 10 * (logo + 1 + 5 + labelText / 2);
    const double messageX = 10 * (labelWidth - 1 + 5 + messageText / 2);
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
