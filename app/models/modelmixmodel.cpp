#include "modelmixmodel.h"

#include "models/modelcolors.h"
#include "models/numberformat.h"

#include <QLocale>

ModelMixModel::ModelMixModel(QObject *parent)
    : SnapshotTableModel(parent)
{
}

void ModelMixModel::setModels(std::vector<ModelStat> models)
{
    std::int64_t tokens = 0;
    std::int64_t cost = 0;
    for (const ModelStat &m : models) {
        tokens += m.totals.tokens.total();
        cost += m.totals.costNanoUsd;
    }
    const bool sharesMoved = tokens != m_totalTokens || cost != m_totalCostNano;
    m_totalTokens = tokens;
    m_totalCostNano = cost;
    updateRows(
        m_rows, std::move(models), [](const ModelStat &m) { return m.model; },
        [sharesMoved](const ModelStat &a, const ModelStat &b) {
            return !sharesMoved && a.totals.tokens == b.totals.tokens &&
                a.totals.costNanoUsd == b.totals.costNanoUsd &&
                a.totals.messages == b.totals.messages;
        });
}

int ModelMixModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ModelMixModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ModelMixModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ModelStat &m = m_rows[size_t(index.row())];
    const QLocale locale;
    const double tokenShare =
        m_totalTokens > 0 ? double(m.totals.tokens.total()) / double(m_totalTokens) : 0.0;
    const double costShare =
        m_totalCostNano > 0 ? double(m.totals.costNanoUsd) / double(m_totalCostNano) : 0.0;
    switch (role) {
    case ModelNameRole:
        return m.model;
    case ColorRole:
        return ModelColors::forModel(m.model);
    case TotalTokensRole:
        return qlonglong(m.totals.tokens.total());
    case CostUsdRole:
        return m.totals.cost() ? QVariant(*m.totals.cost()) : QVariant();
    case TokenShareRole:
        return tokenShare;
    case CostShareRole:
        return costShare;
    case Qt::DecorationRole:
        return index.column() == ModelColumn ? QVariant(ModelColors::forModel(m.model))
                                             : QVariant();
    case SortRole:
        switch (index.column()) {
        case ModelColumn:
            return m.model;
        case TokensColumn:
            return qlonglong(m.totals.tokens.total());
        case CostColumn:
            return m.totals.cost() ? *m.totals.cost() : -1.0;
        case ShareColumn:
            return tokenShare;
        }
        return {};
    case Qt::DisplayRole:
        switch (index.column()) {
        case ModelColumn:
            return m.model;
        case TokensColumn:
            return NumberFormat::compact(m.totals.tokens.total(), locale);
        case CostColumn:
            return NumberFormat::money(m.totals.cost(), locale);
        case ShareColumn:
            return NumberFormat::percent(tokenShare, locale);
        }
        return {};
    case Qt::ToolTipRole:
        return tr("%1 tokens").arg(NumberFormat::full(m.totals.tokens.total(), locale));
    case Qt::TextAlignmentRole:
        if (index.column() != ModelColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    }
    return {};
}

QVariant ModelMixModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ModelColumn:
        return tr("Model");
    case TokensColumn:
        return tr("Tokens");
    case CostColumn:
        return tr("Cost");
    case ShareColumn:
        return tr("Share");
    }
    return {};
}
