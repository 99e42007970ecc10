// The outbox tab's models: OutboxModel (every body that left, newest first)
// and NotSentModel (rows held back or refused, with why), checked with
// QAbstractItemModelTester and the signals views rely on.
#include "models/notsentmodel.h"
#include "models/outboxmodel.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace {

OutboxEntry entry(std::int64_t id, OutboxEntry::State state, const QString &days, int http = 200)
{
    OutboxEntry e;
    e.id = id;
    e.seq = id;
    e.createdMs = QDateTime(QDate(2026, 11, 20), QTime(14, 0), QTimeZone::utc())
                      .addSecs(60 * id)
                      .toMSecsSinceEpoch();
    e.state = state;
    e.days = days;
    e.buckets = int(10 * id);
    e.httpStatus = http;
    e.answer = u"{\"accepted\":%1}"_s.arg(10 * id);
    e.server = u"https://board.example.org"_s;
    return e;
}

} // namespace

class TestOutboxModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void outboxSignals();
    void outboxData();
    void daysText_data();
    void daysText();
    void notSentRows();
};

void TestOutboxModel::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestOutboxModel::outboxSignals()
{
    OutboxModel m;
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(&m, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&m, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&m, &QAbstractItemModel::dataChanged);

    m.setEntries({entry(2, OutboxEntry::State::Sending, u"2026-11-20"_s, 0),
                  entry(1, OutboxEntry::State::Accepted, u"2026-11-19"_s)});
    QCOMPARE(reset.size(), 1);
    QCOMPARE(m.rowCount(), 2);

    // The answer arrives: the same rows, one changed.
    m.setEntries({entry(2, OutboxEntry::State::Accepted, u"2026-11-20"_s),
                  entry(1, OutboxEntry::State::Accepted, u"2026-11-19"_s)});
    QCOMPARE(reset.size(), 1);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).value<QModelIndex>().row(), 0);
    QCOMPARE(changed.first().at(1).value<QModelIndex>().row(), 0);

    // A newer body is prepended: an insert at the top, nothing reset.
    m.setEntries({entry(3, OutboxEntry::State::Sending, u"2026-11-21"_s, 0),
                  entry(2, OutboxEntry::State::Accepted, u"2026-11-20"_s),
                  entry(1, OutboxEntry::State::Accepted, u"2026-11-19"_s)});
    QCOMPARE(reset.size(), 1);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), 0);
    QCOMPARE(inserted.first().at(2).toInt(), 0);
    QCOMPARE(m.rowOf(3), 0);
    QCOMPARE(m.rowOf(1), 2);
    QCOMPARE(m.rowOf(99), -1);

    // Signed in elsewhere, history gone: a reset, and an empty model is fine.
    m.setEntries({});
    QCOMPARE(reset.size(), 2);
    QCOMPARE(m.rowCount(), 0);
    QCOMPARE(m.entryAt(0), nullptr);
}

void TestOutboxModel::outboxData()
{
    OutboxModel m;
    m.setEntries({entry(2, OutboxEntry::State::Interrupted, u"2026-11-20,2026-11-21"_s, 0),
                  entry(1, OutboxEntry::State::Accepted, u"2026-11-19"_s)});
    auto cell = [&m](int row, int column, int role = Qt::DisplayRole) {
        return m.data(m.index(row, column), role);
    };
    QCOMPARE(cell(0, OutboxModel::StateColumn).toString(), u"interrupted (not taken)"_s);
    QCOMPARE(cell(0, OutboxModel::HttpColumn).toString(), u"none"_s);
    QCOMPARE(cell(0, OutboxModel::DaysColumn).toString(), u"2026-11-20 … 2026-11-21 (2)"_s);
    QCOMPARE(cell(0, OutboxModel::DaysColumn, Qt::ToolTipRole).toString(),
             u"2026-11-20,2026-11-21"_s);
    QCOMPARE(cell(1, OutboxModel::StateColumn).toString(), u"accepted"_s);
    QCOMPARE(cell(1, OutboxModel::HttpColumn).toString(), u"200"_s);
    QCOMPARE(cell(1, OutboxModel::BucketsColumn).toString(), u"10"_s);
    QCOMPARE(cell(1, OutboxModel::SeqColumn).toString(), u"1"_s);
    QCOMPARE(cell(1, OutboxModel::SentColumn, OutboxModel::IdRole).toLongLong(), 1);
    QCOMPARE(cell(1, OutboxModel::SentColumn, OutboxModel::StateRole).toInt(),
             int(OutboxEntry::State::Accepted));
    // The server's answer is one hover away.
    QCOMPARE(cell(1, OutboxModel::StateColumn, Qt::ToolTipRole).toString(), u"{\"accepted\":10}"_s);
    // Sorting by time uses the timestamp, not the text.
    QVERIFY(cell(0, OutboxModel::SentColumn, OutboxModel::SortRole).toLongLong() >
            cell(1, OutboxModel::SentColumn, OutboxModel::SortRole).toLongLong());
    QCOMPARE(m.headerData(OutboxModel::DaysColumn, Qt::Horizontal).toString(), u"UTC days"_s);
}

void TestOutboxModel::daysText_data()
{
    QTest::addColumn<QString>("days");
    QTest::addColumn<QString>("expected");
    QTest::addRow("none") << QString() << QString();
    QTest::addRow("one") << u"2026-11-20"_s << u"2026-11-20"_s;
    QTest::addRow("three") << u"2026-11-01,2026-11-02,2026-11-20"_s
                           << u"2026-11-01 … 2026-11-20 (3)"_s;
}

void TestOutboxModel::daysText()
{
    QFETCH(QString, days);
    QFETCH(QString, expected);
    QCOMPARE(OutboxModel::daysText(days), expected);
}

void TestOutboxModel::notSentRows()
{
    NotSentModel m;
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(&m, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&m, &QAbstractItemModel::dataChanged);
    const std::int64_t hour =
        QDateTime(QDate(2026, 11, 20), QTime(14, 0), QTimeZone::utc()).toSecsSinceEpoch();
    const QList<RejectedBucket> rows {
        {{hour, u"claude-code"_s, u"claude-sonnet-4-5"_s}, u"hour in the future"_s},
        {{hour + 3600, u"future-agent"_s, u"m"_s}, u"unknown agent"_s},
    };
    m.setRows(rows);
    QCOMPARE(reset.size(), 1);
    QCOMPARE(m.rowCount(), 2);
    QCOMPARE(m.data(m.index(0, NotSentModel::HourColumn)).toString(), u"2026-11-20 14:00 UTC"_s);
    QCOMPARE(m.data(m.index(1, NotSentModel::AgentColumn)).toString(), u"future-agent"_s);
    QCOMPARE(m.data(m.index(1, NotSentModel::ReasonColumn)).toString(), u"unknown agent"_s);
    QCOMPARE(m.data(m.index(0, NotSentModel::HourColumn), NotSentModel::HourSecsRole).toLongLong(),
             hour);
    // The same rows with a new reason: dataChanged, not a reset.
    QList<RejectedBucket> again = rows;
    again[1].reason = u"unknown agent: future-agent"_s;
    m.setRows(again);
    QCOMPARE(reset.size(), 1);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(m.data(m.index(1, NotSentModel::ReasonColumn)).toString(),
             u"unknown agent: future-agent"_s);
}

QTEST_GUILESS_MAIN(TestOutboxModel)
#include "test_app_outboxmodel.moc"
