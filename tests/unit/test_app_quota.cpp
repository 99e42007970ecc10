// The quota windows in the app: the tray's line per agent, the details, the
// icon's level, and notifications at the two percentages and on reset, once
// per window, remembered across a restart (Settings on a real file).

#include "dashboard/quotapanel.h"
#include "models/quotaalerts.h"
#include "models/quotaseries.h"
#include "models/quotatext.h"
#include "settings/settings.h"
#include "tray/traycontroller.h"

#include <QAction>
#include <QDateTime>
#include <QMenu>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestAppQuota : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void trayLinePerAgent();
    void resetWindowIsNotShownAsCurrent();
    void cachedLineSaysItsAge();
    void detailsNameSourceAndAge();
    void levelFollowsThresholds();
    void notifiesOncePerWindow();
    void bothThresholdsAtOnceNotifyOnce();
    void resetIsNewsForAnHour();
    void offSwitchAndCacheNeverNotify();
    void oldKeysAreForgotten();
    void trayShowsLinesAndRemembersAcrossRestart();
    void historyBecomesOneLinePerWindow();
    void panelGreysResetWindowsAndEmpties();

private:
    QTemporaryDir m_dir;
};

namespace {

std::int64_t ms(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toMSecsSinceEpoch();
}

QuotaEntry entry(Agent agent, const QString &window, double used, const char *resets,
                 const char *observed, const QString &source = u"codex-log"_s)
{
    QuotaObservation q {agent, window, used, std::nullopt, ms(observed), source};
    if (resets)
        q.resetsAt = ms(resets) / 1000;
    return QuotaStatus::merge({q}, {}, 0).front();
}

// As QuotaStatus would mark them at \a nowMs.
std::vector<QuotaEntry> at(std::vector<QuotaEntry> entries, std::int64_t nowMs)
{
    std::vector<QuotaObservation> stored, cached;
    for (const QuotaEntry &e : entries)
        (e.cached ? cached : stored).push_back(e.observation);
    return QuotaStatus::merge(stored, cached, nowMs);
}

const std::int64_t Now = ms("2026-11-30T12:00:00Z");

std::vector<QuotaEntry> codex(double five, double week)
{
    return at({entry(Agent::Codex, u"5h"_s, five, "2026-11-30T14:05:00Z", "2026-11-30T11:50:00Z"),
               entry(Agent::Codex, u"7d"_s, week, "2026-12-03T09:00:00Z", "2026-11-30T11:50:00Z")},
              Now);
}

} // namespace

void TestAppQuota::initTestCase()
{
    // 24-hour times, as in the example.
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    QVERIFY(m_dir.isValid());
}

void TestAppQuota::trayLinePerAgent()
{
    const auto entries = codex(42, 61);
    QCOMPARE(QuotaText::agents(entries), QList<Agent> {Agent::Codex});
    QCOMPARE(QuotaText::agentLine(Agent::Codex, entries, Now, QTimeZone::utc()),
             u"Codex · 5 h 42% · resets 14:05 · week 61%"_s);
    QCOMPARE(QuotaText::agentLine(Agent::ClaudeCode, entries, Now, QTimeZone::utc()), QString());
    // A reset on another day names the day.
    const auto weekOnly = at(
        {entry(Agent::Codex, u"7d"_s, 12.5, "2026-12-03T09:00:00Z", "2026-11-30T11:50:00Z")}, Now);
    QCOMPARE(QuotaText::agentLine(Agent::Codex, weekOnly, Now, QTimeZone::utc()),
             u"Codex · week 12.5% · resets Thu 09:00"_s);
}

void TestAppQuota::resetWindowIsNotShownAsCurrent()
{
    const auto entries = codex(42, 61);
    const std::int64_t later = ms("2026-11-30T14:06:00Z");
    const QString line =
        QuotaText::agentLine(Agent::Codex, at(entries, later), later, QTimeZone::utc());
    QCOMPARE(line, u"Codex · 5 h reset · week 61% · resets Thu 09:00"_s);
    QVERIFY(!line.contains(u"42"_s));
}

void TestAppQuota::cachedLineSaysItsAge()
{
    const auto entries = at({entry(Agent::ClaudeCode, u"7d"_s, 27, "2026-12-04T06:00:00Z",
                                   "2026-11-30T06:00:00Z", u"claude-cache"_s),
                             entry(Agent::ClaudeCode, u"7d-sonnet"_s, 9, "2026-12-04T06:00:00Z",
                                   "2026-11-30T06:00:00Z", u"claude-cache"_s)},
                            Now);
    QCOMPARE(QuotaText::agentLine(Agent::ClaudeCode, entries, Now, QTimeZone::utc()),
             u"Claude Code · week 27% · resets Fri 06:00 · cached 6 h ago"_s);
}

void TestAppQuota::detailsNameSourceAndAge()
{
    auto entries = codex(42, 61);
    entries.push_back(entry(Agent::ClaudeCode, u"7d-sonnet"_s, 9, "2026-12-04T06:00:00Z",
                            "2026-11-30T06:00:00Z", u"claude-cache"_s));
    entries = at(entries, Now);
    QCOMPARE(QuotaText::details(Agent::Codex, entries, Now, QTimeZone::utc()),
             (QStringList {u"5 h: 42%, resets 14:05 · seen 10 min ago in Codex logs"_s,
                           u"week: 61%, resets Thu 09:00 · seen 10 min ago in Codex logs"_s}));
    QCOMPARE(
        QuotaText::details(Agent::ClaudeCode, entries, Now, QTimeZone::utc()),
        QStringList {u"Sonnet week: 9%, resets Fri 06:00 · seen 6 h ago in Claude Code's cache"_s});
}

void TestAppQuota::levelFollowsThresholds()
{
    QuotaAlerts::Options o;
    QCOMPARE(QuotaAlerts::level(codex(42, 61), o), QuotaAlerts::Level::Normal);
    QCOMPARE(QuotaAlerts::level(codex(80, 61), o), QuotaAlerts::Level::Warn);
    QCOMPARE(QuotaAlerts::level(codex(42, 95), o), QuotaAlerts::Level::Critical);
    o.warnPercent = 40;
    QCOMPARE(QuotaAlerts::level(codex(42, 10), o), QuotaAlerts::Level::Warn);
    // A window that has reset warns of nothing.
    const std::int64_t later = ms("2026-11-30T14:06:00Z");
    QCOMPARE(QuotaAlerts::level(at(codex(99, 10), later), QuotaAlerts::Options()),
             QuotaAlerts::Level::Normal);
}

void TestAppQuota::notifiesOncePerWindow()
{
    QuotaAlerts::Options o;
    QStringList notified;
    QVERIFY(QuotaAlerts::due(codex(79, 10), o, Now, &notified).empty());
    auto alerts = QuotaAlerts::due(codex(81, 10), o, Now, &notified);
    QCOMPARE(alerts.size(), size_t(1));
    QCOMPARE(alerts[0].title, u"Codex: 5 h window at 81%"_s);
    QCOMPARE(alerts[0].message, u"81% of the 5 h window used. It resets at 14:05."_s);
    QVERIFY(!alerts[0].critical);
    QVERIFY(QuotaAlerts::due(codex(85, 10), o, Now, &notified).empty());
    alerts = QuotaAlerts::due(codex(96, 10), o, Now, &notified);
    QCOMPARE(alerts.size(), size_t(1));
    QVERIFY(alerts[0].critical);
    QVERIFY(QuotaAlerts::due(codex(99, 10), o, Now, &notified).empty());
    // The next 5-hour window is another window.
    auto next =
        at({entry(Agent::Codex, u"5h"_s, 82, "2026-11-30T19:05:00Z", "2026-11-30T14:30:00Z")},
           ms("2026-11-30T14:31:00Z"));
    QCOMPARE(QuotaAlerts::due(next, o, ms("2026-11-30T14:31:00Z"), &notified).size(), size_t(1));
}

void TestAppQuota::bothThresholdsAtOnceNotifyOnce()
{
    QStringList notified;
    const auto alerts = QuotaAlerts::due(codex(97, 10), QuotaAlerts::Options(), Now, &notified);
    QCOMPARE(alerts.size(), size_t(1));
    QVERIFY(alerts[0].critical);
    QVERIFY(QuotaAlerts::due(codex(97, 10), QuotaAlerts::Options(), Now, &notified).empty());
}

void TestAppQuota::resetIsNewsForAnHour()
{
    QuotaAlerts::Options o;
    QStringList notified;
    QCOMPARE(QuotaAlerts::due(codex(90, 10), o, Now, &notified).size(), size_t(1));
    const std::int64_t after = ms("2026-11-30T14:10:00Z");
    auto alerts = QuotaAlerts::due(at(codex(90, 10), after), o, after, &notified);
    QCOMPARE(alerts.size(), size_t(1));
    QCOMPARE(alerts[0].title, u"Codex: 5 h window reset"_s);
    QCOMPARE(alerts[0].message, u"The 5 h window was at 90% before it reset."_s);
    QVERIFY(QuotaAlerts::due(at(codex(90, 10), after), o, after, &notified).empty());
    // Learnt of two hours late (the app was not running): no news any more.
    QStringList fresh;
    const std::int64_t late = ms("2026-11-30T16:10:00Z");
    QVERIFY(QuotaAlerts::due(at(codex(90, 10), late), o, late, &fresh).empty());
    // Switched off.
    QStringList off;
    o.onReset = false;
    QVERIFY(QuotaAlerts::due(at(codex(10, 10), after), o, after, &off).empty());
}

void TestAppQuota::offSwitchAndCacheNeverNotify()
{
    QuotaAlerts::Options off;
    off.enabled = false;
    QStringList notified;
    QVERIFY(QuotaAlerts::due(codex(99, 99), off, Now, &notified).empty());
    QVERIFY(notified.isEmpty());
    const auto cached = at({entry(Agent::ClaudeCode, u"5h"_s, 99, "2026-11-30T14:00:00Z",
                                  "2026-11-30T11:00:00Z", u"claude-cache"_s)},
                           Now);
    QVERIFY(QuotaAlerts::due(cached, QuotaAlerts::Options(), Now, &notified).empty());
    // It still tints the icon: the reading is real, only its freshness is unknown.
    QCOMPARE(QuotaAlerts::level(cached, QuotaAlerts::Options()), QuotaAlerts::Level::Critical);
}

void TestAppQuota::oldKeysAreForgotten()
{
    QStringList notified {u"codex/5h/1000/warn"_s, u"codex/5h/%1/warn"_s.arg(Now / 1000 - 3600)};
    QuotaAlerts::due({}, QuotaAlerts::Options(), Now, &notified);
    QCOMPARE(notified, QStringList {u"codex/5h/%1/warn"_s.arg(Now / 1000 - 3600)});
}

void TestAppQuota::trayShowsLinesAndRemembersAcrossRestart()
{
    const QString path = m_dir.filePath(u"tray.conf"_s);
    QuotaSnapshot snap;
    snap.nowMs = Now;
    snap.entries = codex(83, 61);
    {
        Settings settings(path);
        TrayController tray(&settings);
        tray.setQuota(snap);
        QVERIFY2(tray.menuTexts().contains(u"Codex · 5 h 83% · resets 14:05 · week 61%"_s),
                 qPrintable(tray.menuTexts().join(u'\n')));
        QAction *line = tray.action(u"quota-codex"_s);
        QVERIFY(line);
        QVERIFY(!line->isEnabled());
        QVERIFY(line->toolTip().contains(u"Codex logs"_s));
        QVERIFY(tray.toolTip().contains(u"Codex · 5 h 83%"_s));
        QCOMPARE(tray.quotaLevel(), QuotaAlerts::Level::Warn);
        QCOMPARE(tray.quotaNotifications().size(), 1);
        tray.setQuota(snap);
        QCOMPARE(tray.quotaNotifications().size(), 1);
        // The lines sit between the totals and the sync line.
        line = tray.action(u"quota-codex"_s);
        const auto actions = tray.menu()->actions();
        QVERIFY(actions.indexOf(line) < actions.indexOf(tray.action(u"last-sync"_s)));
        QVERIFY(actions.indexOf(line) > actions.indexOf(tray.action(u"month"_s)));
    }
    {
        // A restart: the same settings file, the same window; nothing again.
        Settings settings(path);
        TrayController tray(&settings);
        tray.setQuota(snap);
        QVERIFY(tray.quotaNotifications().isEmpty());
        // Windows gone: the line goes too.
        tray.setQuota(QuotaSnapshot());
        QVERIFY(!tray.action(u"quota-codex"_s));
        QCOMPARE(tray.quotaLevel(), QuotaAlerts::Level::Normal);
    }
}

void TestAppQuota::historyBecomesOneLinePerWindow()
{
    const std::vector<QuotaObservation> history {
        {Agent::ClaudeCode, u"5h"_s, 10, std::nullopt, 1000, u"claude-statusline"_s},
        {Agent::Codex, u"5h"_s, 20, std::nullopt, 1000, u"codex-log"_s},
        {Agent::Codex, u"5h"_s, 30, std::nullopt, 2000, u"codex-log"_s},
        {Agent::Codex, u"7d"_s, 40, std::nullopt, 1500, u"codex-log"_s},
    };
    const auto series = QuotaSeries::fromHistory(history);
    QCOMPARE(series.size(), size_t(3));
    QCOMPARE(series[0].agent, Agent::ClaudeCode);
    QCOMPARE(series[1].window, u"5h"_s);
    QCOMPARE(series[1].points.size(), size_t(2));
    QCOMPARE(series[1].points[1], QPointF(2000, 30));
    QCOMPARE(series[2].window, u"7d"_s);
}

void TestAppQuota::panelGreysResetWindowsAndEmpties()
{
    QWidget top;
    auto *panel = new QuotaPanel(&top);
    top.show();
    QVERIFY(panel->isEmpty());
    const std::int64_t later = ms("2026-11-30T14:06:00Z");
    QuotaSnapshot snap;
    snap.nowMs = later;
    snap.entries = at(codex(90, 61), later);
    panel->setQuota(snap);
    QVERIFY(!panel->isEmpty());
    const QString text = panel->text();
    QVERIFY2(text.startsWith(u"(reset) Codex · 5 h: reset (was 90%)"_s), qPrintable(text));
    QVERIFY2(text.contains(u"\nCodex · week: 61%, resets Thu 09:00"_s), qPrintable(text));
    panel->setQuota(QuotaSnapshot());
    QVERIFY(panel->isEmpty());
    QVERIFY(panel->text().isEmpty());
}

QTEST_MAIN(TestAppQuota)
#include "test_app_quota.moc"
