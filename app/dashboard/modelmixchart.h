#pragma once

#include <QWidget>

class ChartLegend;
class QAbstractItemModel;
class QChart;
class QChartView;
class QComboBox;
class QPieSeries;

// The model mix donut (tokens or cost), drawn from ModelMixModel.
class ModelMixChart final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ModelMixChart)

public:
    explicit ModelMixChart(QAbstractItemModel *model, QWidget *parent = nullptr);
    void applyTheme();
    QPieSeries *series() const { return m_series; }
    ChartLegend *legend() const { return m_legend; }

private:
    void rebuild();

    QAbstractItemModel *m_model;
    QComboBox *m_metric;
    QChart *m_chart;
    QChartView *m_view;
    QPieSeries *m_series;
    ChartLegend *m_legend = nullptr;
};
