#include "sessiontablemodel.h"

#include "models/numberformat.h"

#include <QColor>
#include <QLocale>

using namespace Qt::StringLiterals;

SessionTableModel::SessionTableModel(QObject *parent)
    : SnapshotTableModel(parent)
{
}

void SessionTableModel::setSessions(std::vector<SessionStat> sessions)
{
    updateRows(
        m_rows, std::move(sessions),
        [](const SessionStat &s) {
            return std::pair {int(s.agent), s.session};
        },
        [](const SessionStat &a, const SessionStat &b) {
            return a.totals.tokens == b.totals.tokens &&
                a.totals.costNanoUsd == b.totals.costNanoUsd &&
                a.totals.messages == b.totals.messages && a.lastActive == b.lastActive &&
                a.models == b.models;
        });
}

int SessionTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int SessionTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SessionTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SessionStat &s = m_rows[size_t(index.row())];
    const QLocale locale;
    switch (role) {
    case SessionIdRole:
        return s.session;
    case AgentIdRole:
        return agentId(s.agent);
    case TotalTokensRole:
        return qlonglong(s.totals.tokens.total());
    case CostUsdRole:
        return s.totals.cost() ? QVariant(*s.totals.cost()) : QVariant();
    case LastActiveRole:
        return s.lastActive;
    case SortRole:
        switch (index.column()) {
        case LastActiveColumn:
            return s.lastActive;
        case AgentColumn:
            return agentDisplayName(s.agent);
        case SessionColumn:
            return s.session;
        case ModelsColumn:
            return s.models.join(u", "_s);
        case MessagesColumn:
            return qlonglong(s.totals.messages);
        case TokensColumn:
            return qlonglong(s.totals.tokens.total());
        case CostColumn:
            return s.totals.cost() ? *s.totals.cost() : -1.0;
        }
        return {};
    case Qt::DecorationRole:
        return index.column() == AgentColumn ? QVariant(QColor(agentColor(s.agent))) : QVariant();
    case Qt::DisplayRole:
        switch (index.column()) {
        case LastActiveColumn: {
            // Minutes are enough and keep the column narrow (the C locale adds seconds).
            const QDateTime t = s.lastActive.toLocalTime();
            return QString(locale.toString(t.date(), QLocale::ShortFormat) + u' ' +
                           locale.toString(
                               t.time(), locale.timeFormat(QLocale::ShortFormat).remove(u":ss"_s)));
        }
        case AgentColumn:
            return agentDisplayName(s.agent);
        case SessionColumn:
            return s.session;
        case ModelsColumn:
            return s.models.join(u", "_s);
        case MessagesColumn:
            return NumberFormat::full(s.totals.messages, locale);
        case TokensColumn:
            return NumberFormat::compact(s.totals.tokens.total(), locale);
        case CostColumn:
            return NumberFormat::money(s.totals.cost(), locale);
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == TokensColumn)
            return tr("%1 tokens").arg(NumberFormat::full(s.totals.tokens.total(), locale));
        if (index.column() == SessionColumn || index.column() == ModelsColumn)
            return data(index, Qt::DisplayRole);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() >= MessagesColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    }
    return {};
}

QVariant SessionTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case LastActiveColumn:
        return tr("Last active");
    case AgentColumn:
        return tr("Agent");
    case SessionColumn:
        return tr("Session");
    case ModelsColumn:
        return tr("Models");
    case MessagesColumn:
        return tr("Messages");
    case TokensColumn:
        return tr("Tokens");
    case CostColumn:
        return tr("Cost");
    }
    return {};
}

QHash<int, QByteArray> SessionTableModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(SortRole, "sortValue");
    names.insert(SessionIdRole, "sessionId");
    names.insert(AgentIdRole, "agentId");
    names.insert(TotalTokensRole, "totalTokens");
    names.insert(CostUsdRole, "costUsd");
    names.insert(LastActiveRole, "lastActive");
    return names;
}
