#include "tableview.h"

#include <QHeaderView>
#include <QSortFilterProxyModel>
#include <QTableView>

QTableView *makeTableView(QAbstractItemModel *model, int sortRole, QWidget *parent)
{
    auto *view = new QTableView(parent);
    if (sortRole >= 0) {
        auto *proxy = qobject_cast<QSortFilterProxyModel *>(model);
        if (!proxy) {
            proxy = new QSortFilterProxyModel(view);
            proxy->setSourceModel(model);
            proxy->setSortRole(sortRole);
            model = proxy;
        }
        view->setSortingEnabled(true);
    }
    view->setModel(model);
    view->setAlternatingRowColors(true);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->horizontalHeader()->setHighlightSections(false);
    view->setWordWrap(false);
    return view;
}
