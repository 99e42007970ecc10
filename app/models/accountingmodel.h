#pragma once

#include "models/snapshottablemodel.h"
#include "store/localstore.h"

// How the totals were made: files and bytes read, events counted, records dropped
// by reason, malformed lines by reason and unpriced models, one row per figure.
class AccountingModel final : public SnapshotTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccountingModel)

public:
    enum Column { ItemColumn, ValueColumn, ColumnCount };
    Q_ENUM(Column)

    enum Role {
        KeyRole = Qt::UserRole + 1, // stable id of the row ("files", "dropped.codex-reemit")
        RawValueRole, // the number, or the text for lists
    };
    Q_ENUM(Role)

    struct Item
    {
        QString key;
        QString label;
        QVariant value;
        QString display;
    };

    explicit AccountingModel(QObject *parent = nullptr);

    void setAccounting(const AccountingStats &stats, const QString &priceFile = QString(),
                       const QString &priceFileError = QString());

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QString dropLabel(DropReason reason) const;
    QString malformedLabel(MalformedReason reason) const;
    std::vector<Item> m_rows;
};
