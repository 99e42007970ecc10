#include "badges/badgerenderer.h"

#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;

class TestBadgeRenderer : public QObject
{
    Q_OBJECT

private slots:
    void shieldsGeometry()
    {
        // shields.io's own "build | passing" badge (badge-maker 4.1.0) is
        // 37 + 51 = 88 px wide, with the texts anchored at 19.5 and 61.5 px.
        const QString svg = QString::fromUtf8(
            BadgeRenderer::svg(u"build"_s, u"passing"_s, u"#4c1"_s, BadgeRenderer::Style::Flat));
        const auto m = QRegularExpression(u"<svg [^>]*width=\"(\\d+)\" height=\"20\""_s).match(svg);
        QVERIFY(m.hasMatch());
        QCOMPARE(m.captured(1).toInt(), 88);
        QVERIFY(svg.contains(u"<rect width=\"37\" height=\"20\" fill=\"#555\"/>"_s));
        // Text is centred in its part: x = 10 * (part start + part width / 2).
        QVERIFY(svg.contains(u"x=\"195\" y=\"140\""_s));
        QVERIFY(svg.contains(u"x=\"615\" y=\"140\""_s));
        QVERIFY(svg.contains(u"textLength=\"410\""_s));
        QVERIFY(svg.contains(u"textLength=\"270\""_s));
        QVERIFY(svg.contains(u"aria-label=\"build: passing\""_s));
        QVERIFY(svg.contains(u"<title>build: passing</title>"_s));
    }

    void widthsFollowTheFont()
    {
        QVERIFY(BadgeRenderer::textWidth(u"WWW") > 2 * BadgeRenderer::textWidth(u"iii"));
        // Verdana's digits are 1302/2048 em: 6.99 px at 11 px.
        QCOMPARE(qRound(BadgeRenderer::textWidth(u"0123456789") * 10), 699);
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
