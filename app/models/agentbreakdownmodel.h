#pragma once

#include "models/snapshottablemodel.h"
#include "models/usagesnapshot.h"

// Totals per agent in the dashboard's current view.
class AgentBreakdownModel final : public SnapshotTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AgentBreakdownModel)

public:
    enum Column {
        AgentColumn,
        TokensColumn,
        CostColumn,
        MessagesColumn,
        SessionsColumn,
        CacheColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        AgentIdRole = Qt::UserRole + 1,
        TotalTokensRole,
        CostUsdRole, // double, or invalid when unpriced
        MessagesRole,
        SessionsRole,
        CacheEfficiencyRole,
        SortRole,
    };
    Q_ENUM(Role)

    explicit AgentBreakdownModel(QObject *parent = nullptr);

    void setAgents(std::vector<AgentStat> agents);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    std::vector<AgentStat> m_rows;
};
