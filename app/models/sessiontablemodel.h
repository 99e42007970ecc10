#pragma once

#include "models/snapshottablemodel.h"
#include "models/usagesnapshot.h"

// The sessions of the dashboard's current view, one row per (agent, session).
class SessionTableModel final : public SnapshotTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionTableModel)

public:
    enum Column {
        LastActiveColumn,
        AgentColumn,
        SessionColumn,
        ModelsColumn,
        MessagesColumn,
        TokensColumn,
        CostColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        SortRole = Qt::UserRole + 1, // raw value of the cell, for sorting
        SessionIdRole,
        AgentIdRole,
        TotalTokensRole,
        CostUsdRole, // double, or invalid when unpriced
        LastActiveRole,
    };
    Q_ENUM(Role)

    explicit SessionTableModel(QObject *parent = nullptr);

    void setSessions(std::vector<SessionStat> sessions);
    const SessionStat &sessionAt(int row) const { return m_rows.at(size_t(row)); }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    std::vector<SessionStat> m_rows;
};
