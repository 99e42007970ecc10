#pragma once

#include <QSortFilterProxyModel>

// Sorts sessions by raw values and filters them by agent and by text in the
// session id or model names.
class SessionFilterProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionFilterProxyModel)

public:
    explicit SessionFilterProxyModel(QObject *parent = nullptr);

    void setAgentFilter(const QString &agentId); // empty: every agent
    QString agentFilter() const { return m_agent; }
    void setTextFilter(const QString &text);
    QString textFilter() const { return m_text; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QString m_agent;
    QString m_text;
};
