// The dashboard's table models, the session proxy and number formatting.
#include "models/accountingmodel.h"
#include "models/agentbreakdownmodel.h"
#include "models/modelcolors.h"
#include "models/modelmixmodel.h"
#include "models/numberformat.h"
#include "models/sessionfilterproxymodel.h"
#include "models/sessiontablemodel.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace {

SessionStat session(const QString &id, Agent agent, std::int64_t tokens, int hourOffset,
                    const QStringList &models = {u"claude-sonnet-4-5"_s})
{
    SessionStat s;
    s.session = id;
    s.agent = agent;
    s.models = models;
    s.totals.tokens.input = tokens;
    s.totals.messages = 1;
    s.totals.costNanoUsd = tokens * 1000;
    s.lastActive =
        QDateTime(QDate(2026, 11, 18), QTime(0, 0), QTimeZone::utc()).addSecs(3600 * hourOffset);
    s.firstActive = s.lastActive;
    return s;
}

ModelStat model(const QString &name, std::int64_t tokens, std::int64_t costNano)
{
    ModelStat m;
    m.model = name;
    m.totals.tokens.output = tokens;
    m.totals.messages = 1;
    m.totals.costNanoUsd = costNano;
    m.totals.unpricedMessages = costNano == 0 ? 1 : 0;
    return m;
}

} // namespace

class TestModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void sessionModelSignals();
    void sessionProxyFiltersAndSorts();
    void modelMix();
    void agentBreakdown();
    void accounting();
    void numberFormat_data();
    void numberFormat();
};

void TestModels::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestModels::sessionModelSignals()
{
    SessionTableModel m;
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(&m, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&m, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&m, &QAbstractItemModel::dataChanged);

    m.setSessions(
        {session(u"a"_s, Agent::ClaudeCode, 100, 2), session(u"b"_s, Agent::Codex, 50, 1)});
    QCOMPARE(reset.size(), 1);
    QCOMPARE(m.rowCount(), 2);
    QCOMPARE(m.data(m.index(0, SessionTableModel::SessionColumn)).toString(), u"a"_s);
    QCOMPARE(m.data(m.index(1, SessionTableModel::AgentColumn)).toString(), u"Codex"_s);
    QCOMPARE(m.data(m.index(0, SessionTableModel::TokensColumn)).toString(), u"100"_s);
    QCOMPARE(m.data(m.index(0, 0), SessionTableModel::TotalTokensRole).toLongLong(), 100);
    QCOMPARE(m.data(m.index(1, 0), SessionTableModel::AgentIdRole).toString(), u"codex"_s);

    // A live update of the same sessions: only dataChanged, on the row that moved.
    m.setSessions(
        {session(u"a"_s, Agent::ClaudeCode, 2500, 2), session(u"b"_s, Agent::Codex, 50, 1)});
    QCOMPARE(reset.size(), 1);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().row(), 0);
    QCOMPARE(changed.first().at(1).toModelIndex().row(), 0);
    QCOMPARE(m.data(m.index(0, SessionTableModel::TokensColumn)).toString(), u"2.5K"_s);

    // A new session at the top (newest first): rowsInserted at 0, nothing reset.
    m.setSessions({session(u"c"_s, Agent::OpenCode, 7, 3),
                   session(u"a"_s, Agent::ClaudeCode, 2500, 2),
                   session(u"b"_s, Agent::Codex, 50, 1)});
    QCOMPARE(reset.size(), 1);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), 0);
    QCOMPARE(inserted.first().at(2).toInt(), 0);
    QCOMPARE(m.rowCount(), 3);

    // A different order is a reset.
    m.setSessions({session(u"b"_s, Agent::Codex, 50, 5), session(u"a"_s, Agent::ClaudeCode, 1, 2)});
    QCOMPARE(reset.size(), 2);
    QCOMPARE(m.rowCount(), 2);
    // The same id under two agents is two sessions.
    m.setSessions({session(u"x"_s, Agent::Codex, 1, 1), session(u"x"_s, Agent::ClaudeCode, 1, 1)});
    QCOMPARE(m.rowCount(), 2);
    m.setSessions({});
    QCOMPARE(m.rowCount(), 0);
}

void TestModels::sessionProxyFiltersAndSorts()
{
    SessionTableModel m;
    SessionFilterProxyModel proxy;
    proxy.setSourceModel(&m);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    m.setSessions({session(u"alpha"_s, Agent::ClaudeCode, 900, 1),
                   session(u"beta"_s, Agent::Codex, 12000, 2, {u"gpt-5-codex"_s}),
                   session(u"gamma"_s, Agent::ClaudeCode, 30, 3, {u"claude-opus-4-1"_s})});
    proxy.sort(SessionTableModel::TokensColumn, Qt::DescendingOrder);
    auto firstSession = [&] {
        return proxy.data(proxy.index(0, SessionTableModel::SessionColumn)).toString();
    };
    // Sorting is by the raw number, not the text ("12K" < "900" as text).
    QCOMPARE(firstSession(), u"beta"_s);
    proxy.sort(SessionTableModel::TokensColumn, Qt::AscendingOrder);
    QCOMPARE(firstSession(), u"gamma"_s);
    proxy.sort(SessionTableModel::LastActiveColumn, Qt::DescendingOrder);
    QCOMPARE(firstSession(), u"gamma"_s);

    proxy.setAgentFilter(u"codex"_s);
    QCOMPARE(proxy.rowCount(), 1);
    QCOMPARE(firstSession(), u"beta"_s);
    proxy.setAgentFilter(QString());
    proxy.setTextFilter(u"OPUS"_s);
    QCOMPARE(proxy.rowCount(), 1);
    QCOMPARE(firstSession(), u"gamma"_s);
    proxy.setTextFilter(u"alp"_s);
    QCOMPARE(proxy.rowCount(), 1);
    proxy.setTextFilter(u"nothing-matches"_s);
    QCOMPARE(proxy.rowCount(), 0);
    proxy.setTextFilter(QString());
    QCOMPARE(proxy.rowCount(), 3);
    // Live updates flow through the filter.
    proxy.setAgentFilter(u"codex"_s);
    m.setSessions({session(u"alpha"_s, Agent::ClaudeCode, 900, 1),
                   session(u"beta"_s, Agent::Codex, 12000, 2, {u"gpt-5-codex"_s}),
                   session(u"gamma"_s, Agent::ClaudeCode, 30, 3, {u"claude-opus-4-1"_s}),
                   session(u"delta"_s, Agent::Codex, 5, 4)});
    QCOMPARE(proxy.rowCount(), 2);
}

void TestModels::modelMix()
{
    ModelMixModel m;
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy changed(&m, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&m, &QAbstractItemModel::modelReset);
    m.setModels(
        {model(u"claude-opus-4-1"_s, 750, 3'000'000'000), model(u"mystery-model"_s, 250, 0)});
    QCOMPARE(m.rowCount(), 2);
    QCOMPARE(m.data(m.index(0, 0), ModelMixModel::TokenShareRole).toDouble(), 0.75);
    QCOMPARE(m.data(m.index(0, ModelMixModel::ShareColumn)).toString(), u"75.0%"_s);
    QCOMPARE(m.data(m.index(0, ModelMixModel::CostColumn)).toString(), u"$3.00"_s);
    QCOMPARE(m.data(m.index(1, ModelMixModel::CostColumn)).toString(), u"unpriced"_s);
    QVERIFY(!m.data(m.index(1, 0), ModelMixModel::CostUsdRole).isValid());
    // Same model, same colour, everywhere; Claude is warm, not the brand blue.
    const QColor opus = m.data(m.index(0, 0), ModelMixModel::ColorRole).value<QColor>();
    QCOMPARE(opus, ModelColors::forModel(u"claude-opus-4-1"_s));
    QVERIFY(opus.hue() < 40);
    QVERIFY(ModelColors::forModel(u"gpt-5-codex"_s).hue() > 80);
    QVERIFY(ModelColors::forModel(u"gpt-5-codex"_s).hue() < 160);
    // Totals moved: every share changed, so every row is reported.
    m.setModels(
        {model(u"claude-opus-4-1"_s, 750, 3'000'000'000), model(u"mystery-model"_s, 750, 0)});
    QCOMPARE(reset.size(), 1);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().row(), 0);
    QCOMPARE(changed.first().at(1).toModelIndex().row(), 1);
    QCOMPARE(m.data(m.index(1, 0), ModelMixModel::TokenShareRole).toDouble(), 0.5);
}

void TestModels::agentBreakdown()
{
    AgentBreakdownModel m;
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
    AgentStat claude;
    claude.agent = Agent::ClaudeCode;
    claude.totals.tokens.input = 100;
    claude.totals.tokens.cacheRead = 300;
    claude.totals.messages = 4;
    claude.totals.sessions = 2;
    claude.totals.costNanoUsd = 12'345'000'000;
    AgentStat codex;
    codex.agent = Agent::Codex;
    codex.totals.tokens.output = 10;
    m.setAgents({claude, codex});
    QCOMPARE(m.rowCount(), 2);
    QCOMPARE(m.data(m.index(0, AgentBreakdownModel::AgentColumn)).toString(), u"Claude Code"_s);
    QCOMPARE(m.data(m.index(0, AgentBreakdownModel::CostColumn)).toString(), u"$12.35"_s);
    QCOMPARE(m.data(m.index(0, AgentBreakdownModel::CacheColumn)).toString(), u"75.0%"_s);
    QCOMPARE(m.data(m.index(0, 0), AgentBreakdownModel::SessionsRole).toLongLong(), 2);
    QCOMPARE(m.data(m.index(1, AgentBreakdownModel::CacheColumn)).toString(), u"0.0%"_s);
    QSignalSpy inserted(&m, &QAbstractItemModel::rowsInserted);
    AgentStat open;
    open.agent = Agent::OpenCode;
    m.setAgents({claude, codex, open});
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), 2);
    // The agents of issue 11 by name, each with its colour.
    AgentStat kimi;
    kimi.agent = Agent::KimiCli;
    kimi.totals.tokens.input = 5;
    m.setAgents({claude, codex, open, kimi});
    QCOMPARE(m.data(m.index(3, AgentBreakdownModel::AgentColumn)).toString(), u"Kimi CLI"_s);
    QCOMPARE(
        m.data(m.index(3, AgentBreakdownModel::AgentColumn), Qt::DecorationRole).value<QColor>(),
        QColor(u"#0F766E"_s));
    QCOMPARE(
        m.data(m.index(0, AgentBreakdownModel::AgentColumn), Qt::DecorationRole).value<QColor>(),
        QColor(u"#D97706"_s));
    QVERIFY(!m.data(m.index(3, AgentBreakdownModel::TokensColumn), Qt::DecorationRole).isValid());
}

void TestModels::accounting()
{
    AccountingModel m;
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
    AccountingStats a;
    a.files = 12;
    a.bytesRead = 2048;
    a.linesRead = 1234567;
    a.malformedLines = 3;
    a.drops[DropReason::CodexReemit] = 41;
    a.unpricedModels = QStringList {u"mystery"_s, u"other"_s};
    a.priceTableVersion = u"litellm-12345678"_s;
    m.setAccounting(a);
    auto find = [&](const QString &key) {
        for (int r = 0; r < m.rowCount(); ++r) {
            if (m.data(m.index(r, 0), AccountingModel::KeyRole).toString() == key)
                return r;
        }
        return -1;
    };
    QVERIFY(find(u"files"_s) >= 0);
    QCOMPARE(m.data(m.index(find(u"linesRead"_s), 1)).toString(), u"1,234,567"_s);
    QCOMPARE(m.data(m.index(find(u"dropped.codex-reemit"_s), 1), AccountingModel::RawValueRole)
                 .toLongLong(),
             41);
    QCOMPARE(m.data(m.index(find(u"malformedLines"_s), 1)).toString(), u"3"_s);
    QCOMPARE(m.data(m.index(find(u"unpricedModels"_s), 1)).toString(), u"mystery, other"_s);
    // Every drop reason has its own row.
    for (int i = 0; i < DropReasonCount; ++i)
        QVERIFY(find(u"dropped."_s + dropReasonId(DropReason(i))) >= 0);
    QSignalSpy changed(&m, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&m, &QAbstractItemModel::modelReset);
    a.malformedLines = 4;
    m.setAccounting(a);
    QCOMPARE(reset.size(), 0);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().row(), find(u"malformedLines"_s));
}

void TestModels::numberFormat_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<qint64>("tokens");
    QTest::addColumn<QString>("compact");
    QTest::addColumn<double>("usd");
    QTest::addColumn<QString>("money");
    QTest::addRow("en-small") << u"en_US"_s << qint64(950) << u"950"_s << 3.45 << u"$3.45"_s;
    QTest::addRow("en-k") << u"en_US"_s << qint64(1234) << u"1.2K"_s << 0.004 << u"<$0.01"_s;
    QTest::addRow("en-m") << u"en_US"_s << qint64(3'400'000) << u"3.4M"_s << 0.0 << u"$0.00"_s;
    QTest::addRow("en-round-up") << u"en_US"_s << qint64(999'960) << u"1M"_s << 1234.5
                                 << u"$1,234.50"_s;
    QTest::addRow("en-b") << u"en_US"_s << qint64(5'600'000'000) << u"5.6B"_s << 12.3
                          << u"$12.30"_s;
    QTest::addRow("en-big") << u"en_US"_s << qint64(123'456) << u"123K"_s << 0.01 << u"$0.01"_s;
    // A comma-decimal locale (STYLE.md §8).
    QTest::addRow("de") << u"de_DE"_s << qint64(1'250'000) << u"1,3M"_s << 3.45 << u"$3,45"_s;
    QTest::addRow("de-thousands") << u"de_DE"_s << qint64(2'000) << u"2K"_s << 1234.5
                                  << u"$1.234,50"_s;
}

void TestModels::numberFormat()
{
    QFETCH(QString, locale);
    QFETCH(qint64, tokens);
    QFETCH(QString, compact);
    QFETCH(double, usd);
    QFETCH(QString, money);
    const QLocale l(locale);
    QCOMPARE(NumberFormat::compact(tokens, l), compact);
    QCOMPARE(NumberFormat::money(usd, l), money);
    QCOMPARE(NumberFormat::money(std::nullopt, l), u"unpriced"_s);
}

QTEST_GUILESS_MAIN(TestModels)
#include "test_app_models.moc"
