#include "notsentmodel.h"

#include <QDateTime>
#include <QTimeZone>

using namespace Qt::StringLiterals;

NotSentModel::NotSentModel(QObject *parent)
    : SnapshotTableModel(parent)
{
}

void NotSentModel::setRows(const QList<RejectedBucket> &rows)
{
    updateRows(
        m_rows, std::vector<RejectedBucket>(rows.cbegin(), rows.cend()),
        [](const RejectedBucket &r) { return r.key; },
        [](const RejectedBucket &a, const RejectedBucket &b) { return a.reason == b.reason; });
}

int NotSentModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int NotSentModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant NotSentModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RejectedBucket &r = m_rows[size_t(index.row())];
    switch (role) {
    case HourSecsRole:
        return qint64(r.key.hour);
    case SortRole:
        return index.column() == HourColumn ? QVariant(qint64(r.key.hour))
                                            : data(index, Qt::DisplayRole);
    case Qt::DisplayRole:
        switch (index.column()) {
        case HourColumn:
            return QDateTime::fromSecsSinceEpoch(r.key.hour, QTimeZone::utc())
                .toString(u"yyyy-MM-dd HH:mm 'UTC'"_s);
        case AgentColumn:
            return r.key.agent;
        case ModelColumn:
            return r.key.model;
        case ReasonColumn:
            return r.reason;
        }
        return {};
    case Qt::ToolTipRole:
        return index.column() == ReasonColumn ? QVariant(r.reason) : QVariant();
    }
    return {};
}

QVariant NotSentModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case HourColumn:
        return tr("Hour");
    case AgentColumn:
        return tr("Agent");
    case ModelColumn:
        return tr("Model");
    case ReasonColumn:
        return tr("Why not sent");
    }
    return {};
}
