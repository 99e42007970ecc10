#include "agentbreakdownmodel.h"

#include "models/numberformat.h"

#include <QColor>
#include <QLocale>

AgentBreakdownModel::AgentBreakdownModel(QObject *parent)
    : SnapshotTableModel(parent)
{
}

void AgentBreakdownModel::setAgents(std::vector<AgentStat> agents)
{
    updateRows(
        m_rows, std::move(agents), [](const AgentStat &a) { return int(a.agent); },
        [](const AgentStat &a, const AgentStat &b) {
            return a.totals.tokens == b.totals.tokens &&
                a.totals.costNanoUsd == b.totals.costNanoUsd &&
                a.totals.messages == b.totals.messages && a.totals.sessions == b.totals.sessions;
        });
}

int AgentBreakdownModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AgentBreakdownModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AgentBreakdownModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AgentStat &a = m_rows[size_t(index.row())];
    const UsageTotals &t = a.totals;
    const QLocale locale;
    switch (role) {
    case AgentIdRole:
        return agentId(a.agent);
    case TotalTokensRole:
        return qlonglong(t.tokens.total());
    case CostUsdRole:
        return t.cost() ? QVariant(*t.cost()) : QVariant();
    case MessagesRole:
        return qlonglong(t.messages);
    case SessionsRole:
        return qlonglong(t.sessions);
    case CacheEfficiencyRole:
        return t.cacheEfficiency();
    case SortRole:
        switch (index.column()) {
        case AgentColumn:
            return agentDisplayName(a.agent);
        case TokensColumn:
            return qlonglong(t.tokens.total());
        case CostColumn:
            return t.cost() ? *t.cost() : -1.0;
        case MessagesColumn:
            return qlonglong(t.messages);
        case SessionsColumn:
            return qlonglong(t.sessions);
        case CacheColumn:
            return t.cacheEfficiency();
        }
        return {};
    case Qt::DisplayRole:
        switch (index.column()) {
        case AgentColumn:
            return agentDisplayName(a.agent);
        case TokensColumn:
            return NumberFormat::compact(t.tokens.total(), locale);
        case CostColumn:
            return NumberFormat::money(t.cost(), locale);
        case MessagesColumn:
            return NumberFormat::full(t.messages, locale);
        case SessionsColumn:
            return NumberFormat::full(t.sessions, locale);
        case CacheColumn:
            return NumberFormat::percent(t.cacheEfficiency(), locale);
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == TokensColumn)
            return tr("%1 tokens").arg(NumberFormat::full(t.tokens.total(), locale));
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() != AgentColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::DecorationRole:
        return index.column() == AgentColumn ? QVariant(QColor(agentColor(a.agent))) : QVariant();
    }
    return {};
}

QVariant AgentBreakdownModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case AgentColumn:
        return tr("Agent");
    case TokensColumn:
        return tr("Tokens");
    case CostColumn:
        return tr("Cost");
    case MessagesColumn:
        return tr("Messages");
    case SessionsColumn:
        return tr("Sessions");
    case CacheColumn:
        return tr("Cache efficiency");
    }
    return {};
}
