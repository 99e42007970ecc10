// The real tokentally binary under Xvfb: tray icon in a real tray host (trayer),
// its tooltip, a live update after an appended log line, the dashboard in light,
// dark and German, single instance, and the window that says why when no tray exists.
#include "testhelpers.h"
#include "uitestsupport.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>

using namespace Qt::StringLiterals;

using UiTest::Proc;
using UiTest::waitUntil;

class TestTray : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void trayTooltipLiveUpdateAndDashboard();
    void darkAndGermanScreenshots();
    void noTrayHostOpensWindowAndSaysWhy();
    void languageChangesAtOnce();
    void quotaLineIconAndNotificationOnce();

private:
    // Starts an X server on a free display; returns ":N".
    QString startXvfb(Proc &xvfb);
    void startTrayer(Proc &trayer, const QString &display);
    // Starts the app with its own config, store and instance id.
    void startApp(Proc &app, const QString &display, const QString &tag,
                  const QStringList &args = {}, const QHash<QString, QString> &extraEnv = {});
    QJsonObject status(const QString &tag);
    QByteArray request(const QString &tag, const QByteArray &line);
    void screenshot(const QString &display, const QString &name);
    QString instanceId(const QString &tag) const
    {
        return u"tt-uitest-%1-%2"_s.arg(m_pid).arg(tag);
    }
    QProcessEnvironment appEnv(const QString &display, const QString &tag) const;

    QTemporaryDir m_tmp;
    QString m_home;
    QString m_shots;
    qint64 m_pid = 0;
};

void TestTray::initTestCase()
{
    const QStringList missing =
        UiTest::missingTools({u"Xvfb"_s, u"trayer"_s, u"xwininfo"_s, u"import"_s});
    if (!missing.isEmpty())
        QFAIL(qPrintable(
            u"missing tools: %1 (apt-get install xvfb trayer x11-utils imagemagick)"_s.arg(
                missing.join(u", "_s))));
    QVERIFY(QFileInfo::exists(TestHelpers::programPath(u"tokentally"_s)));
    QVERIFY(m_tmp.isValid());
    m_pid = QCoreApplication::applicationPid();
    QString error;
    // Recent days, so today and the heatmap have data.
    m_home = UiTest::generateRecentHome(m_tmp.filePath(u"gen"_s), 60, 3000000, &error);
    QVERIFY2(!m_home.isEmpty(), qPrintable(error));
    m_shots = qEnvironmentVariable("TOKENTALLY_SCREENSHOT_DIR", m_tmp.filePath(u"shots"_s));
    QDir().mkpath(m_shots);
}

QString TestTray::startXvfb(Proc &xvfb)
{
    return UiTest::startXvfb(xvfb);
}

void TestTray::startTrayer(Proc &trayer, const QString &display)
{
    QString error;
    QVERIFY2(UiTest::startTrayer(trayer, display, &error), qPrintable(error));
}

QProcessEnvironment TestTray::appEnv(const QString &display, const QString &tag) const
{
    return UiTest::appEnv(display, m_tmp.filePath(tag), m_home, instanceId(tag));
}

void TestTray::startApp(Proc &app, const QString &display, const QString &tag,
                        const QStringList &args, const QHash<QString, QString> &extraEnv)
{
    UiTest::markFirstRunDone(m_tmp.filePath(tag));
    QVERIFY(UiTest::startApp(app, appEnv(display, tag), extraEnv,
                             m_tmp.filePath(tag + u"/usage.db"_s), args));
}

QByteArray TestTray::request(const QString &tag, const QByteArray &line)
{
    return UiTest::request(instanceId(tag), line);
}

QJsonObject TestTray::status(const QString &tag)
{
    return UiTest::status(instanceId(tag));
}

void TestTray::screenshot(const QString &display, const QString &name)
{
    QString error;
    const QString path = UiTest::screenshot(display, m_shots, name, &error);
    QVERIFY2(!path.isEmpty(), qPrintable(error));
    qInfo("screenshot: %s", qPrintable(path));
}

void TestTray::trayTooltipLiveUpdateAndDashboard()
{
    Proc xvfb, trayer, app;
    const QString display = startXvfb(xvfb);
    QVERIFY2(!display.isEmpty(), "Xvfb did not start");
    startTrayer(trayer, display);
    startApp(app, display, u"tray"_s);

    QVERIFY2(waitUntil(
                 [&] {
                     const QJsonObject s = status(u"tray"_s);
                     return s.value(u"trayActive"_s).toBool() &&
                         s.value(u"generation"_s).toInt() >= 1 &&
                         s.value(u"indexingPercent"_s).toInt() < 0;
                 },
                 20000, 100),
             "tray icon never became active");
    // The icon is really embedded in the tray host's panel window (XEmbed can
    // lag behind QSystemTrayIcon reporting itself visible under load).
    QString after;
    const bool embedded = waitUntil(
        [&] {
            QProcess x;
            x.setProcessEnvironment(UiTest::displayEnv(display));
            x.start(u"xwininfo"_s, {u"-root"_s, u"-tree"_s});
            if (!x.waitForFinished(5000))
                return false;
            const QString tree = QString::fromUtf8(x.readAllStandardOutput());
            const qsizetype panel = tree.indexOf(u"\"panel\""_s);
            after = panel >= 0 ? tree.mid(panel, 400) : tree.left(400);
            return panel >= 0 && after.contains(u"\"TokenTally\""_s);
        },
        15000, 200);
    QVERIFY2(embedded, qPrintable(after));
    const QJsonObject before = status(u"tray"_s);
    const QString tip = before.value(u"toolTip"_s).toString();
    QVERIFY2(tip.startsWith(u"TokenTally\nToday: "_s), qPrintable(tip));
    QVERIFY2(tip.contains(u" tokens · "_s), qPrintable(tip));
    const qint64 tokensBefore = before.value(u"todayTokens"_s).toInteger();

    // Append one assistant line to an existing Claude session file.
    QString target;
    QDirIterator it(m_home + u"/.claude/projects"_s, {u"*.jsonl"_s}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString f = it.next();
        if (!f.contains(u"/subagents/"_s)) {
            target = f;
            break;
        }
    }
    QVERIFY(!target.isEmpty());
    const QString session = QFileInfo(target).completeBaseName();
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    const QByteArray line =
        TestHelpers::claudeAssistantLine(session, u"uitest_%1"_s.arg(m_pid), now, 1200000, 34567);
    QElapsedTimer latency;
    {
        QFile f(target);
        QVERIFY(f.open(QIODevice::Append));
        QCOMPARE(f.write(line), line.size());
    }
    latency.start();
    qint64 tokensAfter = tokensBefore;
    QVERIFY2(waitUntil(
                 [&] {
                     tokensAfter = status(u"tray"_s).value(u"todayTokens"_s).toInteger();
                     return tokensAfter != tokensBefore;
                 },
                 5000),
             "the appended line never reached the tray");
    const qint64 ms = latency.elapsed();
    qInfo("append-to-tray latency: %lld ms", ms);
    QCOMPARE(tokensAfter - tokensBefore, qint64(1200000 + 34567));
    QVERIFY2(ms < 2000, qPrintable(u"latency %1 ms"_s.arg(ms)));
    const QString tipAfter = status(u"tray"_s).value(u"toolTip"_s).toString();
    QVERIFY2(tipAfter != tip, qPrintable(tipAfter));

    // A second launch hands over to the first and exits; the dashboard appears.
    QVERIFY(!status(u"tray"_s).value(u"dashboardVisible"_s).toBool());
    {
        QProcess second;
        second.setProcessEnvironment(appEnv(display, u"tray"_s));
        second.start(TestHelpers::programPath(u"tokentally"_s),
                     {u"--db"_s, m_tmp.filePath(u"tray/usage.db"_s)});
        QVERIFY(second.waitForFinished(10000));
        QCOMPARE(second.exitCode(), 0);
    }
    QVERIFY(
        waitUntil([&] { return status(u"tray"_s).value(u"dashboardVisible"_s).toBool(); }, 5000));
    QVERIFY(
        waitUntil([&] { return status(u"tray"_s).value(u"firstPaintMs"_s).toInt() >= 0; }, 5000));
    const QJsonObject shown = status(u"tray"_s);
    QVERIFY(!shown.value(u"tokensCard"_s).toString().isEmpty());
    QCOMPARE(shown.value(u"notice"_s).toString(), QString());
    screenshot(display, u"dashboard-light"_s);
    // A click on a day filters the views (driven through the same request the click sends).
    QCOMPARE(
        request(u"tray"_s, "filter-day " + QDate::currentDate().toString(Qt::ISODate).toLatin1()),
        QByteArray("ok"));
    QVERIFY(waitUntil(
        [&] {
            return status(u"tray"_s).value(u"generation"_s).toInt() >
                shown.value(u"generation"_s).toInt();
        },
        5000));
    screenshot(display, u"dashboard-light-day-filter"_s);
    QCOMPARE(request(u"tray"_s, "quit"), QByteArray("ok"));
    QVERIFY(app.p->waitForFinished(10000));
    QCOMPARE(app.p->exitCode(), 0);
}

void TestTray::quotaLineIconAndNotificationOnce()
{
    // A Codex session that reported its windows with its usage five minutes
    // ago: 5 h at 83 % (above the 80 % warning), the week at 61 %.
    const QString home = m_tmp.filePath(u"quota-home"_s);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime seen = now.addSecs(-300);
    const qint64 fiveReset = now.addSecs(2 * 3600).toSecsSinceEpoch();
    const qint64 weekReset = now.addDays(3).toSecsSinceEpoch();
    const QString dir = home + u"/.codex/sessions/"_s + seen.toString(u"yyyy/MM/dd"_s);
    QVERIFY(QDir().mkpath(dir));
    {
        QFile f(dir + u"/rollout-"_s + seen.toString(u"yyyy-MM-ddTHH-mm-ss"_s) +
                u"-0193a0b1-0000-7000-8000-00000000a001.jsonl"_s);
        QVERIFY(f.open(QIODevice::WriteOnly));
        const QByteArray line = R"({"timestamp":")" + seen.toString(Qt::ISODateWithMs).toLatin1() +
            R"(","type":"event_msg","payload":{"type":"token_count","info":{"total_token_usage":{"input_tokens":5000,"cached_input_tokens":0,"output_tokens":300,"reasoning_output_tokens":0,"total_tokens":5300}},"rate_limits":{"primary":{"used_percent":83.0,"window_minutes":300,"resets_at":)" +
            QByteArray::number(fiveReset) +
            R"(},"secondary":{"used_percent":61.0,"window_minutes":10080,"resets_at":)" +
            QByteArray::number(weekReset) + R"(}}}})" + "\n";
        QCOMPARE(f.write(line), line.size());
        // Earlier readings, for the dashboard's history: the week rising.
        for (int daysAgo : {5, 3, 1}) {
            const QDateTime t = seen.addDays(-daysAgo);
            const QByteArray old = R"({"timestamp":")" + t.toString(Qt::ISODateWithMs).toLatin1() +
                R"(","type":"event_msg","payload":{"type":"token_count","info":null,"rate_limits":{"primary":{"used_percent":)" +
                QByteArray::number(90 - 15 * daysAgo) + R"(,"window_minutes":300,"resets_at":)" +
                QByteArray::number(t.addSecs(3600).toSecsSinceEpoch()) +
                R"(},"secondary":{"used_percent":)" + QByteArray::number(61 - 10 * daysAgo) +
                R"(,"window_minutes":10080,"resets_at":)" + QByteArray::number(weekReset) +
                R"(}}}})" + "\n";
            QCOMPARE(f.write(old), old.size());
        }
    }
    Proc xvfb, trayer;
    const QString display = startXvfb(xvfb);
    QVERIFY(!display.isEmpty());
    startTrayer(trayer, display);
    const QString tag = u"quota"_s;
    UiTest::markFirstRunDone(m_tmp.filePath(tag));
    const QProcessEnvironment env =
        UiTest::appEnv(display, m_tmp.filePath(tag), home, instanceId(tag));
    const QString db = m_tmp.filePath(tag + u"/usage.db"_s);
    {
        Proc app;
        QVERIFY(UiTest::startApp(app, env, {{u"LC_TIME"_s, u"en_GB.UTF-8"_s}}, db, {}));
        QJsonObject s;
        QVERIFY2(waitUntil(
                     [&] {
                         s = status(tag);
                         return s.value(u"trayActive"_s).toBool() &&
                             s.value(u"trayMenu"_s).toString().contains(u"Codex · "_s);
                     },
                     20000, 100),
                 qPrintable(s.value(u"trayMenu"_s).toString()));
        const QString menu = s.value(u"trayMenu"_s).toString();
        const QRegularExpression line(u"^Codex · 5 h 83% · resets [^·]+ · week 61%$"_s,
                                      QRegularExpression::MultilineOption);
        QVERIFY2(line.match(menu).hasMatch(), qPrintable(menu));
        QVERIFY2(s.value(u"toolTip"_s).toString().contains(u"Codex · 5 h 83%"_s),
                 qPrintable(s.value(u"toolTip"_s).toString()));
        QCOMPARE(s.value(u"quotaLevel"_s).toInt(), 1); // warning tint
        QVERIFY2(s.value(u"quotaNotifications"_s)
                     .toString()
                     .startsWith(u"Codex: 5 h window at 83%: 83% of the 5 h window used."_s),
                 qPrintable(s.value(u"quotaNotifications"_s).toString()));
        // The tinted icon, then the menu as a user sees it.
        screenshot(display, u"tray-icon-quota"_s);
        QString error;
        QVERIFY2(UiTest::clickNamed(display, instanceId(tag), u"tray-icon"_s, 3, &error),
                 qPrintable(error));
        QVERIFY2(waitUntil([&] { return status(tag).value(u"trayMenuVisible"_s).toBool(); }, 5000),
                 "the tray menu did not open");
        screenshot(display, u"tray-menu-quota"_s);
        UiTest::xdotool(display, {u"key"_s, u"Escape"_s});
        // The dashboard's quota panel: each window, and the history of the last days.
        QCOMPARE(request(tag, "show-dashboard quota"), QByteArray("ok"));
        QString panel;
        QVERIFY2(waitUntil(
                     [&] {
                         panel = status(tag).value(u"dashboardQuota"_s).toString();
                         return panel.contains(u"Codex · 5 h: 83%"_s);
                     },
                     10000, 100),
                 qPrintable(panel));
        QVERIFY2(panel.contains(u"Codex · week: 61%"_s), qPrintable(panel));
        screenshot(display, u"dashboard-quota"_s);
        // Where the notifications are set: Settings -> General -> Quota.
        QCOMPARE(request(tag, "show-settings general"), QByteArray("ok"));
        QVERIFY(waitUntil([&] { return status(tag).value(u"settingsVisible"_s).toBool(); }, 5000));
        screenshot(display, u"settings-quota"_s);
        request(tag, "quit");
        QVERIFY(app.p->waitForFinished(10000));
    }
    {
        // A restart notifies nothing again for the same window, and still shows it.
        Proc app;
        QVERIFY(UiTest::startApp(app, env, {}, db, {}));
        QJsonObject s;
        QVERIFY(waitUntil(
            [&] {
                s = status(tag);
                return s.value(u"trayMenu"_s).toString().contains(u"Codex · 5 h 83%"_s);
            },
            20000, 100));
        QCOMPARE(s.value(u"quotaNotifications"_s).toString(), QString());
        request(tag, "quit");
        QVERIFY(app.p->waitForFinished(10000));
    }
}

void TestTray::darkAndGermanScreenshots()
{
    Proc xvfb, trayer;
    const QString display = startXvfb(xvfb);
    QVERIFY(!display.isEmpty());
    startTrayer(trayer, display);
    {
        Proc app;
        startApp(app, display, u"dark"_s, {u"--show-dashboard"_s},
                 {{u"TOKENTALLY_THEME"_s, u"dark"_s}});
        QVERIFY(waitUntil(
            [&] {
                const QJsonObject s = status(u"dark"_s);
                return s.value(u"firstPaintMs"_s).toInt() >= 0 &&
                    s.value(u"generation"_s).toInt() >= 2 &&
                    !s.value(u"tokensCard"_s).toString().isEmpty();
            },
            20000, 100));
        screenshot(display, u"dashboard-dark"_s);
        request(u"dark"_s, "quit");
        QVERIFY(app.p->waitForFinished(10000));
    }
    {
        Proc app;
        startApp(app, display, u"german"_s, {u"--show-dashboard"_s},
                 {{u"LANG"_s, u"de_DE.UTF-8"_s},
                  {u"LC_ALL"_s, u"de_DE.UTF-8"_s},
                  {u"LANGUAGE"_s, u"de"_s}});
        QJsonObject s;
        QVERIFY(waitUntil(
            [&] {
                s = status(u"german"_s);
                return s.value(u"firstPaintMs"_s).toInt() >= 0 &&
                    s.value(u"generation"_s).toInt() >= 2 && s.value(u"trayActive"_s).toBool();
            },
            20000, 100));
        const QString tip = s.value(u"toolTip"_s).toString();
        QVERIFY2(tip.contains(u"Heute"_s), qPrintable(tip));
        screenshot(display, u"dashboard-german"_s);
        request(u"german"_s, "quit");
        QVERIFY(app.p->waitForFinished(10000));
    }
}

void TestTray::noTrayHostOpensWindowAndSaysWhy()
{
    Proc xvfb, app;
    const QString display = startXvfb(xvfb);
    QVERIFY(!display.isEmpty());
    startApp(app, display, u"notray"_s);
    QJsonObject s;
    QVERIFY2(waitUntil(
                 [&] {
                     s = status(u"notray"_s);
                     return s.value(u"dashboardVisible"_s).toBool() &&
                         s.value(u"generation"_s).toInt() >= 1;
                 },
                 20000, 100),
             "no dashboard window without a tray");
    QCOMPARE(s.value(u"trayAvailable"_s).toBool(), false);
    QCOMPARE(s.value(u"trayActive"_s).toBool(), false);
    const QString notice = s.value(u"notice"_s).toString();
    QVERIFY2(notice.contains(u"No system tray"_s), qPrintable(notice));
    screenshot(display, u"dashboard-no-tray"_s);
    request(u"notray"_s, "quit");
    QVERIFY(app.p->waitForFinished(10000));
}

void TestTray::languageChangesAtOnce()
{
    Proc xvfb, trayer, app;
    const QString display = startXvfb(xvfb);
    QVERIFY(!display.isEmpty());
    startTrayer(trayer, display);
    startApp(
        app, display, u"lang"_s, {u"--show-dashboard"_s},
        {{u"LANG"_s, u"en_US.UTF-8"_s}, {u"LC_ALL"_s, u"en_US.UTF-8"_s}, {u"LANGUAGE"_s, u"en"_s}});
    QJsonObject s;
    QVERIFY(waitUntil(
        [&] {
            s = status(u"lang"_s);
            return s.value(u"firstPaintMs"_s).toInt() >= 0 &&
                s.value(u"generation"_s).toInt() >= 2 && s.value(u"trayActive"_s).toBool();
        },
        20000, 100));
    QVERIFY2(s.value(u"viewLabel"_s).toString().startsWith(u"Showing"_s),
             qPrintable(s.value(u"viewLabel"_s).toString()));
    QVERIFY(s.value(u"trayMenu"_s).toString().contains(u"Open dashboard"_s));
    const QString tokensEnglish = s.value(u"tokensCard"_s).toString();

    // The settings dialog's path (save + apply), without a restart.
    QCOMPARE(request(u"lang"_s, "set-language de"), QByteArray("ok"));
    QVERIFY2(waitUntil(
                 [&] {
                     s = status(u"lang"_s);
                     return s.value(u"viewLabel"_s).toString().startsWith(u"Anzeige"_s) &&
                         s.value(u"toolTip"_s).toString().contains(u"Heute"_s);
                 },
                 5000),
             qPrintable(QString::fromUtf8(QJsonDocument(s).toJson())));
    QVERIFY(!s.value(u"trayMenu"_s).toString().contains(u"Open dashboard"_s));
    // German numbers too: a decimal comma where English had a point.
    const QString tokensGerman = s.value(u"tokensCard"_s).toString();
    if (tokensEnglish.contains(u'.'))
        QCOMPARE(tokensGerman, QString(tokensEnglish).replace(u'.', u','));

    QCOMPARE(request(u"lang"_s, "set-language ja"), QByteArray("ok"));
    QVERIFY(waitUntil(
        [&] {
            s = status(u"lang"_s);
            return !s.value(u"viewLabel"_s).toString().startsWith(u"Anzeige"_s) &&
                !s.value(u"toolTip"_s).toString().contains(u"Heute"_s);
        },
        5000));
    screenshot(display, u"dashboard-japanese"_s);
    QCOMPARE(request(u"lang"_s, "set-language en"), QByteArray("ok"));
    QVERIFY(waitUntil(
        [&] { return status(u"lang"_s).value(u"viewLabel"_s).toString().startsWith(u"Showing"_s); },
        5000));
    request(u"lang"_s, "quit");
    QVERIFY(app.p->waitForFinished(10000));
}

QTEST_GUILESS_MAIN(TestTray)
#include "test_tray.moc"
