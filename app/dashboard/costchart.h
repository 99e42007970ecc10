#pragma once

#include "models/usagesnapshot.h"

#include <QWidget>

class ChartLegend;
class QChart;
class QChartView;
class QComboBox;

// Cost over time, stacked by model, over the last 7, 30, 90 or 365 days.
class CostChart final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CostChart)

public:
    explicit CostChart(QWidget *parent = nullptr);

    void setSnapshot(const UsageSnapshot &snapshot);
    void setRangeDays(int days);
    int rangeDays() const;
    void applyTheme();
    ChartLegend *legend() const { return m_legend; }

Q_SIGNALS:
    void rangeChanged(int days);

private:
    void rebuild();

    QComboBox *m_range;
    QChart *m_chart;
    QChartView *m_view;
    ChartLegend *m_legend = nullptr;
    UsageSnapshot m_snapshot;
};
