#pragma once

#include "models/snapshottablemodel.h"
#include "models/usagesnapshot.h"

// Tokens and cost per model in the dashboard's current view (the donut and its legend).
class ModelMixModel final : public SnapshotTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ModelMixModel)

public:
    enum Column { ModelColumn, TokensColumn, CostColumn, ShareColumn, ColumnCount };
    Q_ENUM(Column)

    enum Role {
        ModelNameRole = Qt::UserRole + 1,
        ColorRole,
        TotalTokensRole,
        CostUsdRole, // double, or invalid when unpriced
        TokenShareRole, // 0..1 of the view's tokens
        CostShareRole, // 0..1 of the view's priced cost
        SortRole,
    };
    Q_ENUM(Role)

    explicit ModelMixModel(QObject *parent = nullptr);

    void setModels(std::vector<ModelStat> models);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    std::vector<ModelStat> m_rows;
    std::int64_t m_totalTokens = 0;
    std::int64_t m_totalCostNano = 0;
};
