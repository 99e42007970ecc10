// The AppStream metainfo: valid for appstreamcli, about this version, and
// naming files that exist (desktop entry, icon, screenshots).
#include "packagingtools.h"
#include "settings/autostart.h"

#include <QFile>
#include <QRegularExpression>
#include <QSize>
#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

namespace {

const QString ScreenshotBase = u"https://raw.githubusercontent.com/tokentally/tokentally/main/"_s;

QString sourcePath(const QString &relative)
{
    return QStringLiteral(TOKENTALLY_SOURCE_DIR) + u'/' + relative;
}

QString metainfoPath()
{
    return sourcePath(u"resources/linux/"_s + Autostart::DesktopFileId + u".metainfo.xml"_s);
}

struct Image
{
    QString url;
    int width = 0;
    int height = 0;
};

struct Metainfo
{
    QString id;
    QString launchable;
    QString icon;
    QStringList binaries;
    QStringList releaseVersions;
    QStringList releaseDates;
    int releaseNoteItems = 0;
    QList<Image> images;
};

Metainfo readMetainfo()
{
    Metainfo m;
    QFile f(metainfoPath());
    if (!f.open(QIODevice::ReadOnly))
        return m;
    QXmlStreamReader xml(&f);
    bool inRelease = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isEndElement() && xml.name() == u"release")
            inRelease = false;
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == u"id" && m.id.isEmpty())
            m.id = xml.readElementText();
        else if (name == u"launchable")
            m.launchable = xml.readElementText();
        else if (name == u"icon")
            m.icon = xml.readElementText();
        else if (name == u"binary")
            m.binaries << xml.readElementText();
        else if (name == u"release") {
            inRelease = true;
            m.releaseVersions << xml.attributes().value(u"version"_s).toString();
            m.releaseDates << xml.attributes().value(u"date"_s).toString();
        } else if (inRelease && (name == u"li" || name == u"p"))
            ++m.releaseNoteItems;
        else if (name == u"image") {
            Image image;
            image.width = xml.attributes().value(u"width"_s).toInt();
            image.height = xml.attributes().value(u"height"_s).toInt();
            image.url = xml.readElementText();
            m.images << image;
        }
    }
    if (xml.hasError())
        qWarning("%s: %s", qPrintable(f.fileName()), qPrintable(xml.errorString()));
    return m;
}

//! Width and height from a PNG's IHDR chunk; 0x0 if it is not a PNG.
QSize pngSize(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray head = f.read(24);
    if (head.size() < 24 || !head.startsWith("\x89PNG\r\n\x1a\n") || head.mid(12, 4) != "IHDR")
        return {};
    auto be32 = [&](int at) {
        return int(quint32(quint8(head[at])) << 24 | quint32(quint8(head[at + 1])) << 16 |
                   quint32(quint8(head[at + 2])) << 8 | quint32(quint8(head[at + 3])));
    };
    return {be32(16), be32(20)};
}

} // namespace

class TestMetainfo : public QObject
{
    Q_OBJECT

private slots:
    void appstreamcliValidates();
    void newestReleaseIsThisVersion();
    void namesTheInstalledFiles();
    void screenshotsAreInTheRepository();
};

void TestMetainfo::appstreamcliValidates()
{
    // --strict: any warning or info fails; pedantic hints (the upper-case
    // letters of the reverse-DNS id) do not.
    const auto r = PackagingTools::run(
        u"appstreamcli"_s,
        {u"validate"_s, u"--no-net"_s, u"--strict"_s, u"--explain"_s, metainfoPath()});
    QVERIFY2(r.started, r.err.constData());
    QVERIFY2(r.exitCode == 0, QByteArray(r.out + r.err).constData());
}

void TestMetainfo::newestReleaseIsThisVersion()
{
    const Metainfo m = readMetainfo();
    QVERIFY(!m.releaseVersions.isEmpty());
    // A version bump needs its release notes here.
    QCOMPARE(m.releaseVersions.first(), QStringLiteral(TOKENTALLY_VERSION));
    static const QRegularExpression date(u"^\\d{4}-\\d{2}-\\d{2}$"_s);
    QVERIFY2(date.match(m.releaseDates.first()).hasMatch(), qPrintable(m.releaseDates.first()));
    QVERIFY(m.releaseNoteItems >= 2);
}

void TestMetainfo::namesTheInstalledFiles()
{
    const Metainfo m = readMetainfo();
    QCOMPARE(m.id, Autostart::DesktopFileId);
    QCOMPARE(m.launchable, Autostart::DesktopFileId + u".desktop"_s);
    QVERIFY(QFile::exists(sourcePath(u"resources/linux/"_s + m.launchable)));
    // installer/CMakeLists.txt installs resources/icons/tokentally.svg under the id.
    QCOMPARE(m.icon, Autostart::DesktopFileId);
    QCOMPARE(m.binaries, QStringList {u"tokentally"_s});
}

void TestMetainfo::screenshotsAreInTheRepository()
{
    const Metainfo m = readMetainfo();
    QVERIFY(m.images.size() >= 2);
    for (const Image &image : m.images) {
        QVERIFY2(image.url.startsWith(ScreenshotBase), qPrintable(image.url));
        const QString file = sourcePath(image.url.mid(ScreenshotBase.size()));
        const QSize size = pngSize(file);
        QVERIFY2(!size.isEmpty(), qPrintable(file + u": missing or not a PNG"_s));
        QCOMPARE(size, QSize(image.width, image.height));
    }
}

QTEST_GUILESS_MAIN(TestMetainfo)
#include "test_metainfo.moc"
