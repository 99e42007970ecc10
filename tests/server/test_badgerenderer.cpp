#include "badgerenderer.h"

#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;

class TestBadgeRenderer : public QObject
{
    Q_OBJECT

private slots:
    void shieldsGeometry()
    {
        // shields.io's own "build | passing" badge is 37 + 51 = 88 px wide; our
        // widths come from Verdana's advance table (shields measured theirs in
        // a browser), so a part may differ by the odd-rounding step of 2 px.
        const QString svg = QString::fromUtf8(
            BadgeRenderer::svg(u"build"_s, u"passing"_s, u"#4c1"_s, BadgeRenderer::Style::Flat));
        const auto m = QRegularExpression(u"<svg [^>]*width=\"(\\d+)\" height=\"20\""_s).match(svg);
        QVERIFY(m.hasMatch());
        QVERIFY2(qAbs(m.captured(1).toInt() - 88) <= 2, qPrintable(m.captured(1)));
        QVERIFY(svg.contains(u"<rect width=\"37\" height=\"20\" fill=\"#555\"/>"_s));
        // Text is centred in its part: x = 10 * (part start + part width / 2).
        QVERIFY(svg.contains(u"x=\"185\" y=\"140\""_s));
        QVERIFY(svg.contains(u"textLength=\"270\""_s));
        QVERIFY(svg.contains(u"aria-label=\"build: passing\""_s));
        QVERIFY(svg.contains(u"<title>build: passing</title>"_s));
    }

    void widthsFollowTheFont()
    {
        QVERIFY(BadgeRenderer::textWidth(u"WWW") > 2 * BadgeRenderer::textWidth(u"iii"));
        QCOMPARE(qRound(BadgeRenderer::textWidth(u"0123456789") * 10),
                 qRound(10 * 1302 * 10 * 11.0 / 2048));
    }

    void stylesAndEscaping()
    {
        const QString square = QString::fromUtf8(
            BadgeRenderer::svg(u"<b>"_s, u"a&b"_s, u"#fe7d37"_s, BadgeRenderer::Style::FlatSquare));
        QVERIFY(!square.contains(u"rx="_s));
        QVERIFY(square.contains(u"&lt;b&gt;"_s));
        QVERIFY(square.contains(u"a&amp;b"_s));
        const QString branded = QString::fromUtf8(BadgeRenderer::svg(
            u"tokens"_s, u"1.2M"_s, u"#2F6FEB"_s, BadgeRenderer::Style::Branded));
        QVERIFY(branded.contains(u"fill=\"#2F6FEB\""_s));
        QVERIFY(branded.contains(u"<path"_s));
        QCOMPARE(BadgeRenderer::parseColor(u"red"_s).value(), u"#e05d44"_s);
        QCOMPARE(BadgeRenderer::parseColor(u"abc"_s).value(), u"#abc"_s);
        QVERIFY(!BadgeRenderer::parseColor(u"url(#x)"_s));
        QVERIFY(!BadgeRenderer::parseStyle(u"plastic"_s));
    }
};

QTEST_APPLESS_MAIN(TestBadgeRenderer)
#include "test_badgerenderer.moc"
