#include "sessionfilterproxymodel.h"

#include "models/sessiontablemodel.h"

#include <QDateTime>

SessionFilterProxyModel::SessionFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(SessionTableModel::SortRole);
    setDynamicSortFilter(true);
}

void SessionFilterProxyModel::setAgentFilter(const QString &agentId)
{
    if (agentId == m_agent)
        return;
    m_agent = agentId;
    invalidateFilter();
}

void SessionFilterProxyModel::setTextFilter(const QString &text)
{
    const QString t = text.trimmed();
    if (t == m_text)
        return;
    m_text = t;
    invalidateFilter();
}

bool SessionFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *m = sourceModel();
    if (!m_agent.isEmpty()) {
        const QModelIndex idx = m->index(sourceRow, 0, sourceParent);
        if (m->data(idx, SessionTableModel::AgentIdRole).toString() != m_agent)
            return false;
    }
    if (m_text.isEmpty())
        return true;
    for (int col : {int(SessionTableModel::SessionColumn), int(SessionTableModel::ModelsColumn),
                    int(SessionTableModel::AgentColumn)}) {
        const QString v = m->data(m->index(sourceRow, col, sourceParent)).toString();
        if (v.contains(m_text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

bool SessionFilterProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const QVariant l = left.data(sortRole());
    const QVariant r = right.data(sortRole());
    if (l.userType() == QMetaType::QDateTime)
        return l.toDateTime() < r.toDateTime();
    if (l.userType() == QMetaType::QString)
        return QString::localeAwareCompare(l.toString(), r.toString()) < 0;
    return QVariant::compare(l, r) == QPartialOrdering::Less;
}
