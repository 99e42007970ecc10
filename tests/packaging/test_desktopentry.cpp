// The menu entry the package installs and the autostart entry "Start at login"
// writes: both pass desktop-file-validate and agree on everything but Exec.
#include "packagingtools.h"
#include "settings/autostart.h"

#include <QFile>
#include <QMap>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

using Entry = QMap<QString, QString>;

//! The [Desktop Entry] group's keys and raw values.
Entry parseEntry(const QByteArray &text)
{
    Entry entry;
    bool inGroup = false;
    for (const QByteArray &raw : text.split('\n')) {
        const QString line = QString::fromUtf8(raw).trimmed();
        if (line.startsWith(u'['))
            inGroup = line == u"[Desktop Entry]";
        else if (inGroup && !line.isEmpty() && !line.startsWith(u'#'))
            entry.insert(line.section(u'=', 0, 0).trimmed(), line.section(u'=', 1));
    }
    return entry;
}

//! The Exec value's arguments, by the Desktop Entry spec: string escapes
//! first, then quoting, then %% for a literal percent sign.
QStringList execArguments(const QString &value)
{
    QString s;
    for (qsizetype i = 0; i < value.size(); ++i) {
        if (value.at(i) == u'\\' && i + 1 < value.size()) {
            const QChar c = value.at(++i);
            s += c == u's'  ? u" "_s
                : c == u'n' ? u"\n"_s
                : c == u't' ? u"\t"_s
                : c == u'r' ? u"\r"_s
                            : QString(c);
        } else {
            s += value.at(i);
        }
    }
    QStringList args;
    QString arg;
    bool quoted = false;
    bool any = false;
    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar c = s.at(i);
        if (quoted) {
            if (c == u'\\' && i + 1 < s.size())
                arg += s.at(++i);
            else if (c == u'"')
                quoted = false;
            else
                arg += c;
        } else if (c == u'"') {
            quoted = any = true;
        } else if (c == u' ') {
            if (any)
                args << arg;
            arg.clear();
            any = false;
        } else {
            arg += c;
            any = true;
        }
    }
    if (any)
        args << arg;
    for (QString &a : args)
        a.replace(u"%%"_s, u"%"_s);
    return args;
}

QString menuEntryPath()
{
    return QStringLiteral(TOKENTALLY_SOURCE_DIR) + u"/resources/linux/"_s +
        Autostart::DesktopFileId + u".desktop"_s;
}

void validate(const QString &path)
{
    const auto r = PackagingTools::run(u"desktop-file-validate"_s, {path});
    QVERIFY2(r.started, r.err.constData());
    // Hints are advice; warnings and errors are not allowed.
    QVERIFY2(r.exitCode == 0 && !r.out.contains("error") && !r.out.contains("warning"),
             r.out.constData());
}

} // namespace

class TestDesktopEntry : public QObject
{
    Q_OBJECT

private slots:
    void menuEntryValidates();
    void menuEntryNamesTheInstalledFiles();
    void startAtLoginEntry_data();
    void startAtLoginEntry();
};

void TestDesktopEntry::menuEntryValidates()
{
    validate(menuEntryPath());
}

void TestDesktopEntry::menuEntryNamesTheInstalledFiles()
{
    QFile f(menuEntryPath());
    QVERIFY(f.open(QIODevice::ReadOnly));
    const Entry menu = parseEntry(f.readAll());
    // The program on PATH (the package installs /usr/bin/tokentally); from the
    // menu the dashboard opens, also when the app already runs.
    QCOMPARE(execArguments(menu.value(u"Exec"_s)),
             (QStringList {u"tokentally"_s, u"--show-dashboard"_s}));
    // installer/CMakeLists.txt installs the icons under the app id.
    QCOMPARE(menu.value(u"Icon"_s), Autostart::DesktopFileId);
    QVERIFY(QFile::exists(QStringLiteral(TOKENTALLY_SOURCE_DIR) +
                          u"/resources/icons/tokentally.svg"_s));
    QCOMPARE(menu.value(u"Type"_s), u"Application"_s);
}

void TestDesktopEntry::startAtLoginEntry_data()
{
    QTest::addColumn<QString>("program");
    QTest::addRow("packaged") << u"/usr/bin/tokentally"_s;
    QTest::addRow("space") << u"/opt/Token Tally/tokentally"_s;
    QTest::addRow("reserved characters")
        << u"/home/a$b/100% \"sure\"/it's `x` & (y)\\z;#/tokentally"_s;
}

void TestDesktopEntry::startAtLoginEntry()
{
    QFETCH(QString, program);
    QTemporaryDir config;
    qputenv("XDG_CONFIG_HOME", config.path().toUtf8());
    QString error;
    QVERIFY2(Autostart::setEnabled(true, program, &error, Autostart::Platform::Xdg),
             qPrintable(error));
    const QString path = config.filePath(u"autostart/tokentally.desktop"_s);
    QCOMPARE(Autostart::entryPath(Autostart::Platform::Xdg), path);
    validate(path);

    QFile written(path);
    QVERIFY(written.open(QIODevice::ReadOnly));
    const Entry autostart = parseEntry(written.readAll());
    QFile f(menuEntryPath());
    QVERIFY(f.open(QIODevice::ReadOnly));
    const Entry menu = parseEntry(f.readAll());

    // Exec runs exactly this program, with no arguments: the app starts in the tray.
    QCOMPARE(execArguments(autostart.value(u"Exec"_s)), QStringList {program});
    // Everything else the menu entry says, the autostart entry says too.
    for (auto it = menu.cbegin(); it != menu.cend(); ++it) {
        if (it.key() != u"Exec")
            QCOMPARE(autostart.value(it.key()), it.value());
    }
    // It only adds autostart keys.
    for (auto it = autostart.cbegin(); it != autostart.cend(); ++it)
        QVERIFY2(menu.contains(it.key()) || it.key().startsWith(u"X-"_s), qPrintable(it.key()));
    QCOMPARE(autostart.value(u"X-GNOME-Autostart-enabled"_s), u"true"_s);
    QVERIFY(Autostart::isEnabled(Autostart::Platform::Xdg));
}

QTEST_GUILESS_MAIN(TestDesktopEntry)
#include "test_desktopentry.moc"
