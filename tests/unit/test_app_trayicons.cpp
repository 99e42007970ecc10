// Renders the tray SVGs at the sizes panels use (16, 22, 32 px) with Qt's own SVG
// renderer, saves them under BUILD/tray-icons/ to look at, and checks that each one
// still reads at 16 px: the mark covers a fair part of the square and its bars stay
// apart (transparent columns between them survive the downscale).
#include "testhelpers.h"

#include <QDir>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>
#include <QTest>

using namespace Qt::StringLiterals;

class TestAppTrayIcons : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void renders_data();
    void renders();
};

void TestAppTrayIcons::renders_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("size");
    for (const QString &name :
         {u"tokentally"_s, u"tokentally-tray-light"_s, u"tokentally-tray-dark"_s,
          u"tokentally-tray-mono"_s, u"tokentally-busy"_s, u"tokentally-attention"_s}) {
        for (int size : {16, 22, 32})
            QTest::addRow("%s-%d", qPrintable(name), size) << name << size;
    }
}

void TestAppTrayIcons::renders()
{
    QFETCH(QString, name);
    QFETCH(int, size);
    QSvgRenderer svg(TestHelpers::sourceDir() + u"/resources/icons/"_s + name + u".svg"_s);
    QVERIFY(svg.isValid());
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    {
        QPainter p(&image);
        svg.render(&p);
    }
    const QString dir = TestHelpers::binaryDir() + u"/tray-icons"_s;
    QDir().mkpath(dir);
    QVERIFY(image.save(u"%1/%2-%3.png"_s.arg(dir, name).arg(size)));

    int covered = 0;
    std::vector<int> columnAlpha(static_cast<size_t>(size), 0);
    for (int y = 0; y < size; ++y) {
        for (int x = 0; x < size; ++x) {
            const int a = qAlpha(image.pixel(x, y));
            if (a >= 128)
                ++covered;
            columnAlpha[size_t(x)] = std::max(columnAlpha[size_t(x)], a);
        }
    }
    const double coverage = double(covered) / (size * size);
    QVERIFY2(coverage >= 0.2, qPrintable(u"only %1% of the icon is drawn"_s.arg(coverage * 100)));
    // Count separate opaque column runs: three bars must stay three at every size.
    int runs = 0;
    bool inRun = false;
    for (int a : columnAlpha) {
        const bool on = a >= 160;
        if (on && !inRun)
            ++runs;
        inRun = on;
    }
    if (name.contains(u"-tray-"))
        QVERIFY2(runs >= 3, qPrintable(u"bars merge: %1 runs"_s.arg(runs)));
}

QTEST_GUILESS_MAIN(TestAppTrayIcons)
#include "test_app_trayicons.moc"
