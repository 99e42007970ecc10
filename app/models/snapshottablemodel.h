#pragma once

#include <QAbstractTableModel>

#include <vector>

// Base of the dashboard's table models: replaces rows with the smallest honest
// signal. dataChanged when the same keys come back in the same order (the usual
// live update), rowsInserted when new keys are only appended or prepended, and a
// reset otherwise. Views keep selection and scroll position through the first two.
class SnapshotTableModel : public QAbstractTableModel
{
public:
    using QAbstractTableModel::QAbstractTableModel;

protected:
    template<typename Row, typename KeyFn, typename EqualFn>
    void updateRows(std::vector<Row> &current, std::vector<Row> next, KeyFn key, EqualFn equal)
    {
        const size_t oldN = current.size();
        const size_t newN = next.size();
        auto sameKeys = [&](size_t offsetNext) {
            for (size_t i = 0; i < oldN; ++i) {
                if (key(current[i]) != key(next[i + offsetNext]))
                    return false;
            }
            return true;
        };
        auto changedRange = [&](size_t offsetNext) {
            int first = -1;
            int last = -1;
            for (size_t i = 0; i < oldN; ++i) {
                if (!equal(current[i], next[i + offsetNext])) {
                    if (first < 0)
                        first = int(i + offsetNext);
                    last = int(i + offsetNext);
                }
            }
            return std::pair {first, last};
        };
        auto apply = [&](size_t offsetNext) {
            const auto [first, last] = changedRange(offsetNext);
            if (newN > oldN) {
                const int from = offsetNext > 0 ? 0 : int(oldN);
                beginInsertRows(QModelIndex(), from, from + int(newN - oldN) - 1);
                current = std::move(next);
                endInsertRows();
            } else {
                current = std::move(next);
            }
            if (first >= 0)
                Q_EMIT dataChanged(index(first, 0), index(last, columnCount() - 1));
        };
        if (oldN > 0 && newN >= oldN && sameKeys(0)) {
            apply(0);
            return;
        }
        if (oldN > 0 && newN > oldN && sameKeys(newN - oldN)) {
            apply(newN - oldN);
            return;
        }
        if (oldN == 0 && newN == 0)
            return;
        beginResetModel();
        current = std::move(next);
        endResetModel();
    }
};
