// Settings facade (typed keys, defaults, apply/changed, persistence) and Autostart files.
#include "settings/autostart.h"
#include "settings/settings.h"
#include "settings/settingsdialog.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaults();
    void applyEmitsOnceAndPersists();
    void unchangedIsNoChange();
    void migratesVersion1();
    void firstRunOnlyForNewInstalls();
    void autostartXdg();
    void launchAgentPlist();
    void extraDirsParsing();
};

void TestSettings::defaults()
{
    QTemporaryDir dir;
    Settings s(dir.filePath(u"t.conf"_s));
    QCOMPARE(s.autoSubmit(), false);
    QCOMPARE(s.submitIntervalMinutes(), 60);
    QCOMPARE(s.timeZone(), QString());
    QCOMPARE(s.heatmapMetric(), u"tokens"_s);
    QCOMPARE(s.costRangeDays(), 30);
    QVERIFY(s.serverUrl().startsWith(u"http"_s));
    QCOMPARE(Settings::keyName(Settings::Key::AutoSubmit), u"sync/autoSubmit"_s);
}

void TestSettings::applyEmitsOnceAndPersists()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"sub/t.conf"_s);
    {
        Settings s(path);
        QSignalSpy changed(&s, &Settings::changed);
        s.setAutoSubmit(true);
        s.setSubmitIntervalMinutes(2); // clamped to the 5-minute floor
        s.setExtraDataDirs({u"codex=/x"_s});
        QCOMPARE(changed.size(), 0);
        QString error;
        QVERIFY2(s.apply(&error), qPrintable(error));
        QCOMPARE(changed.size(), 1);
        const auto keys = changed.first().at(0).value<QList<Settings::Key>>();
        QCOMPARE(keys.size(), 3);
        QVERIFY(keys.contains(Settings::Key::SubmitIntervalMinutes));
        QVERIFY(s.apply()); // nothing pending: no second signal
        QCOMPARE(changed.size(), 1);
    }
    QVERIFY(QFile::exists(path));
    Settings again(path);
    QCOMPARE(again.autoSubmit(), true);
    QCOMPARE(again.submitIntervalMinutes(), 5);
    QCOMPARE(again.extraDataDirs(), QStringList {u"codex=/x"_s});
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(f.readAll().contains("settingsVersion=3"));
}

void TestSettings::unchangedIsNoChange()
{
    QTemporaryDir dir;
    Settings s(dir.filePath(u"t.conf"_s));
    QSignalSpy changed(&s, &Settings::changed);
    s.setAutoSubmit(false); // the default
    s.setCostRangeDays(30);
    QVERIFY(s.apply());
    QCOMPARE(changed.size(), 0);
    // The debounced save writes without apply().
    s.setHeatmapMetric(u"cost"_s);
    QVERIFY(changed.wait(3000));
    QCOMPARE(Settings(dir.filePath(u"t.conf"_s)).heatmapMetric(), u"cost"_s);
}

void TestSettings::migratesVersion1()
{
    // Version 1 stored a profile visibility that did nothing; it is dropped,
    // and everything else stays.
    QTemporaryDir dir;
    const QString path = dir.filePath(u"t.conf"_s);
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("[General]\nsettingsVersion=1\n\n[sync]\nautoSubmit=true\nvisibility=public\n");
    }
    {
        Settings s(path);
        QCOMPARE(s.autoSubmit(), true);
    }
    QSettings raw(path, QSettings::IniFormat);
    QCOMPARE(raw.value(u"settingsVersion"_s).toInt(), Settings::CurrentVersion);
    QVERIFY(!raw.contains(u"sync/visibility"_s));
    QCOMPARE(raw.value(u"sync/autoSubmit"_s).toBool(), true);
}

void TestSettings::firstRunOnlyForNewInstalls()
{
    QTemporaryDir dir;
    // A new install: the wizard is due until it is done, and stays done.
    const QString fresh = dir.filePath(u"fresh.conf"_s);
    {
        Settings s(fresh);
        QCOMPARE(s.firstRunDone(), false);
        s.setFirstRunDone(true);
        QVERIFY(s.apply());
    }
    QCOMPARE(Settings(fresh).firstRunDone(), true);
    // Settings written before the wizard existed (version 2, or keys without a
    // version): that user has run TokenTally already.
    for (const QByteArray &old :
         {QByteArray("[General]\nsettingsVersion=2\n"), QByteArray("[display]\nlanguage=de\n")}) {
        const QString path = dir.filePath(u"old.conf"_s);
        QFile::remove(path);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(old);
        f.close();
        QVERIFY2(Settings(path).firstRunDone(), old.constData());
    }
}

void TestSettings::autostartXdg()
{
    QTemporaryDir dir;
    qputenv("XDG_CONFIG_HOME", dir.path().toUtf8());
    const auto xdg = Autostart::Platform::Xdg;
    QCOMPARE(Autostart::entryPath(xdg), dir.filePath(u"autostart/tokentally.desktop"_s));
    QVERIFY(!Autostart::isEnabled(xdg));
    QString error;
    QVERIFY2(Autostart::setEnabled(true, u"/opt/Token Tally/tokentally"_s, &error, xdg),
             qPrintable(error));
    QVERIFY(Autostart::isEnabled(xdg));
    QFile f(Autostart::entryPath(xdg));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray text = f.readAll();
    QVERIFY(text.startsWith("[Desktop Entry]\n"));
    QVERIFY(text.contains("Exec=\"/opt/Token Tally/tokentally\"\n"));
    f.close();
    // The user (or the desktop) can disable it in the file: we read that back.
    QVERIFY(f.open(QIODevice::Append));
    f.write("Hidden=true\n");
    f.close();
    QVERIFY(!Autostart::isEnabled(xdg));
    QVERIFY(Autostart::setEnabled(false, QString(), &error, xdg));
    QVERIFY(!QFile::exists(Autostart::entryPath(xdg)));
}

void TestSettings::launchAgentPlist()
{
    const QByteArray plist = Autostart::launchAgentPlist(u"/Applications/A&B.app/tokentally"_s);
    QVERIFY(plist.contains("<string>/Applications/A&amp;B.app/tokentally</string>"));
    QVERIFY(plist.contains("<key>RunAtLoad</key><true/>"));
}

void TestSettings::extraDirsParsing()
{
    QStringList bad;
    const QStringList ok = SettingsDialog::parseExtraDirs(
        u"codex = /data/codex\n\nclaude-code=/c\nnope=/x\nopencode=\n"_s, &bad);
    QCOMPARE(ok, (QStringList {u"codex=/data/codex"_s, u"claude-code=/c"_s}));
    QCOMPARE(bad, (QStringList {u"nope=/x"_s, u"opencode="_s}));
}

QTEST_MAIN(TestSettings)
#include "test_app_settings.moc"
