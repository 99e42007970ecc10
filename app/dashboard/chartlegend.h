#pragma once

#include <QColor>
#include <QList>
#include <QWidget>

// A chart legend outside the chart: swatch, name and amount per row. Qt Charts'
// own legend elides names at the end, which hides what tells models apart (their
// date suffixes); this one elides in the middle only when it must and shows the
// full name in a tooltip.
class ChartLegend final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChartLegend)

public:
    struct Entry
    {
        QString name;
        QString amount;
        QColor color;
    };

    explicit ChartLegend(QWidget *parent = nullptr);
    void setEntries(const QList<Entry> &entries);
    QList<Entry> entries() const { return m_entries; }
    // The names as drawn at the current width (elided where needed).
    QStringList shownNames() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    int rowHeight() const;
    int amountWidth() const;
    int nameWidth() const;
    int rowAt(const QPoint &pos) const;

    QList<Entry> m_entries;
};
