#include "modelmixchart.h"

#include "dashboard/chartlegend.h"
#include "gui/theme.h"
#include "models/modelmixmodel.h"
#include "models/numberformat.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegendMarker>
#include <QPieSeries>
#include <QPieSlice>
#include <QVBoxLayout>

namespace {
constexpr int MaxSlices = 6; // the rest is one "Other" slice
}

ModelMixChart::ModelMixChart(QAbstractItemModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
{
    auto *title = new QLabel(tr("Model mix"));
    QFont f = title->font();
    f.setBold(true);
    title->setFont(f);
    m_metric = new QComboBox;
    m_metric->addItem(tr("Tokens"));
    m_metric->addItem(tr("Cost"));
    auto *head = new QHBoxLayout;
    head->addWidget(title);
    head->addStretch();
    head->addWidget(m_metric);

    m_series = new QPieSeries;
    m_series->setHoleSize(0.55);
    m_series->setPieSize(0.85);
    m_chart = new QChart;
    m_chart->addSeries(m_series);
    m_chart->legend()->setVisible(false);
    m_chart->setMargins(QMargins(0, 0, 0, 0));
    m_chart->setBackgroundRoundness(0);
    m_view = new QChartView(m_chart);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumSize(120, 120);
    m_legend = new ChartLegend;

    auto *body = new QHBoxLayout;
    body->setSpacing(8);
    body->addWidget(m_view, 2);
    body->addWidget(m_legend, 3);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(head);
    layout->addLayout(body, 1);

    connect(m_metric, &QComboBox::currentIndexChanged, this, &ModelMixChart::rebuild);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ModelMixChart::rebuild);
    connect(m_model, &QAbstractItemModel::layoutChanged, this, &ModelMixChart::rebuild);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &ModelMixChart::rebuild);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &ModelMixChart::rebuild);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &ModelMixChart::rebuild);
    applyTheme();
}

void ModelMixChart::applyTheme()
{
    m_chart->setBackgroundBrush(palette().color(QPalette::Window));
    m_view->setBackgroundBrush(palette().color(QPalette::Window));
    rebuild();
}

void ModelMixChart::rebuild()
{
    const bool cost = m_metric->currentIndex() == 1;
    m_series->clear();
    const QLocale locale;
    double other = 0;
    double total = 0;
    const int rows = m_model->rowCount();
    struct Slice
    {
        QString name;
        double value;
        QColor color;
    };
    std::vector<Slice> slices;
    for (int r = 0; r < rows; ++r) {
        const QModelIndex idx = m_model->index(r, 0);
        const double v = cost ? idx.data(ModelMixModel::CostUsdRole).toDouble()
                              : idx.data(ModelMixModel::TotalTokensRole).toDouble();
        if (v <= 0)
            continue;
        slices.push_back({idx.data(ModelMixModel::ModelNameRole).toString(), v,
                          idx.data(ModelMixModel::ColorRole).value<QColor>()});
        total += v;
    }
    std::sort(slices.begin(), slices.end(),
              [](const Slice &a, const Slice &b) { return a.value > b.value; });
    const QColor border = palette().color(QPalette::Window);
    QList<ChartLegend::Entry> legend;
    for (size_t i = 0; i < slices.size(); ++i) {
        if (i >= size_t(MaxSlices)) {
            other += slices[i].value;
            continue;
        }
        const QString amount = cost ? NumberFormat::money(slices[i].value, locale)
                                    : NumberFormat::compact(qint64(slices[i].value), locale);
        QPieSlice *s = m_series->append(slices[i].name, slices[i].value);
        s->setColor(slices[i].color);
        s->setBorderColor(border);
        legend.append({slices[i].name, amount, slices[i].color});
    }
    if (other > 0) {
        QPieSlice *s = m_series->append(tr("Other"), other);
        s->setColor(Theme::muted());
        s->setBorderColor(border);
        legend.append({tr("Other"),
                       cost ? NumberFormat::money(other, locale)
                            : NumberFormat::compact(qint64(other), locale),
                       Theme::muted()});
    }
    if (total <= 0) {
        QPieSlice *s = m_series->append(tr("No usage in view"), 1);
        s->setColor(Theme::emptyCell());
        legend.append({tr("No usage in view"), QString(), Theme::emptyCell()});
    }
    m_legend->setEntries(legend);
}
