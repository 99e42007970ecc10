#pragma once

#include "models/snapshottablemodel.h"
#include "sync/syncstore.h"

#include <QList>

// Hourly rows that are not sent, and why: held back by the client (an hour in
// the future, a name outside the wire alphabet) or refused by the server (an
// unknown agent, ...). They are never retried in a loop; the dashboard lists them.
class NotSentModel final : public SnapshotTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NotSentModel)

public:
    enum Column { HourColumn, AgentColumn, ModelColumn, ReasonColumn, ColumnCount };
    Q_ENUM(Column)

    enum Role {
        HourSecsRole = Qt::UserRole + 1, // UTC hour, seconds since the epoch
        SortRole,
    };
    Q_ENUM(Role)

    explicit NotSentModel(QObject *parent = nullptr);

    void setRows(const QList<RejectedBucket> &rows);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    std::vector<RejectedBucket> m_rows;
};
