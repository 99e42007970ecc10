#pragma once

class QAbstractItemModel;
class QTableView;
class QWidget;

// The dashboard's read-only tables look and behave alike: whole rows selected,
// alternating colours, compact rows, no word wrap. With \a sortRole >= 0 the
// view sorts through a QSortFilterProxyModel on that role (\a model itself when
// it is one).
QTableView *makeTableView(QAbstractItemModel *model, int sortRole, QWidget *parent);
