#pragma once

#include "models/snapshottablemodel.h"
#include "sync/outboxentry.h"

#include <QList>

// The outbox ("What left this machine"): every body the sync client sent or
// was about to send, newest first, without the bodies themselves (the page
// loads the selected one's exact bytes from the sync worker).
class OutboxModel final : public SnapshotTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OutboxModel)

public:
    enum Column {
        SentColumn,
        StateColumn,
        SeqColumn,
        BucketsColumn,
        DaysColumn,
        HttpColumn,
        ServerColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        IdRole = Qt::UserRole + 1,
        StateRole, // OutboxEntry::State as int
        SortRole,
    };
    Q_ENUM(Role)

    explicit OutboxModel(QObject *parent = nullptr);

    void setEntries(const QList<OutboxEntry> &entries);
    // The row of the entry with \a id, or -1.
    int rowOf(std::int64_t id) const;
    const OutboxEntry *entryAt(int row) const;

    // "accepted", "waiting for an answer", ... in the current language.
    static QString stateText(OutboxEntry::State state);
    // "2026-11-20" or "2026-11-01 … 2026-11-20 (17)" from a comma-separated list.
    static QString daysText(const QString &days);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    std::vector<OutboxEntry> m_rows;
};
