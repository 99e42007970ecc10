#include "outboxmodel.h"

#include <QDateTime>
#include <QLocale>

using namespace Qt::StringLiterals;

OutboxModel::OutboxModel(QObject *parent)
    : SnapshotTableModel(parent)
{
}

void OutboxModel::setEntries(const QList<OutboxEntry> &entries)
{
    updateRows(
        m_rows, std::vector<OutboxEntry>(entries.cbegin(), entries.cend()),
        [](const OutboxEntry &e) { return e.id; },
        [](const OutboxEntry &a, const OutboxEntry &b) {
            return a.state == b.state && a.httpStatus == b.httpStatus &&
                a.answeredMs == b.answeredMs && a.answer == b.answer;
        });
}

int OutboxModel::rowOf(std::int64_t id) const
{
    for (size_t i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].id == id)
            return int(i);
    }
    return -1;
}

const OutboxEntry *OutboxModel::entryAt(int row) const
{
    return row >= 0 && size_t(row) < m_rows.size() ? &m_rows[size_t(row)] : nullptr;
}

QString OutboxModel::stateText(OutboxEntry::State state)
{
    switch (state) {
    case OutboxEntry::State::Sending:
        return tr("no answer yet");
    case OutboxEntry::State::Accepted:
        return tr("accepted");
    case OutboxEntry::State::Rejected:
        return tr("rejected");
    case OutboxEntry::State::Conflict:
        return tr("conflict (resent)");
    case OutboxEntry::State::Failed:
        return tr("failed");
    case OutboxEntry::State::Interrupted:
        return tr("interrupted (not taken)");
    }
    return {};
}

QString OutboxModel::daysText(const QString &days)
{
    const QStringList list = days.split(u',', Qt::SkipEmptyParts);
    if (list.size() <= 1)
        return days;
    return tr("%1 … %2 (%3)").arg(list.first(), list.last()).arg(list.size());
}

int OutboxModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int OutboxModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant OutboxModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const OutboxEntry &e = m_rows[size_t(index.row())];
    switch (role) {
    case IdRole:
        return qint64(e.id);
    case StateRole:
        return int(e.state);
    case SortRole:
        switch (index.column()) {
        case SentColumn:
            return qint64(e.createdMs);
        case StateColumn:
            return stateText(e.state);
        case SeqColumn:
            return qint64(e.seq);
        case BucketsColumn:
            return e.buckets;
        case DaysColumn:
            return e.days;
        case HttpColumn:
            return e.httpStatus;
        case ServerColumn:
            return e.server;
        }
        return {};
    case Qt::DisplayRole:
        switch (index.column()) {
        case SentColumn:
            return QLocale().toString(QDateTime::fromMSecsSinceEpoch(e.createdMs).toLocalTime(),
                                      u"yyyy-MM-dd HH:mm:ss"_s);
        case StateColumn:
            return stateText(e.state);
        case SeqColumn:
            return QString::number(e.seq);
        case BucketsColumn:
            return QLocale().toString(e.buckets);
        case DaysColumn:
            return daysText(e.days);
        case HttpColumn:
            return e.httpStatus > 0 ? QString::number(e.httpStatus) : tr("none");
        case ServerColumn:
            return e.server;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == DaysColumn)
            return e.days;
        return e.answer.isEmpty() ? QVariant() : QVariant(e.answer.left(500));
    case Qt::TextAlignmentRole:
        if (index.column() == SeqColumn || index.column() == BucketsColumn ||
            index.column() == HttpColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    }
    return {};
}

QVariant OutboxModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SentColumn:
        return tr("Sent");
    case StateColumn:
        return tr("State");
    case SeqColumn:
        return tr("Seq");
    case BucketsColumn:
        return tr("Hourly rows");
    case DaysColumn:
        return tr("UTC days");
    case HttpColumn:
        return tr("HTTP");
    case ServerColumn:
        return tr("Server");
    }
    return {};
}
