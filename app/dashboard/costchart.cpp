#include "costchart.h"

#include "dashboard/chartlegend.h"
#include "gui/theme.h"
#include "models/modelcolors.h"
#include "models/numberformat.h"

#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegend>
#include <QStackedBarSeries>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <numeric>

using namespace Qt::StringLiterals;

namespace {
constexpr int MaxModels = 5; // the rest is one "Other" band

// A round step so that about `ticks` steps cover `max`: 1, 2, 2.5 or 5 times a power of ten.
double niceStep(double max, int ticks)
{
    const double raw = max / ticks;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (double f : {1.0, 2.0, 2.5, 5.0}) {
        if (raw <= f * magnitude)
            return f * magnitude;
    }
    return 10 * magnitude;
}

} // namespace

CostChart::CostChart(QWidget *parent)
    : QWidget(parent)
{
    auto *title = new QLabel(tr("Cost over time"));
    QFont f = title->font();
    f.setBold(true);
    title->setFont(f);
    m_range = new QComboBox;
    m_range->addItem(tr("7 days"), 7);
    m_range->addItem(tr("30 days"), 30);
    m_range->addItem(tr("90 days"), 90);
    m_range->addItem(tr("1 year"), 365);
    m_range->setCurrentIndex(1);
    auto *head = new QHBoxLayout;
    head->addWidget(title);
    head->addStretch();
    head->addWidget(m_range);

    m_chart = new QChart;
    m_chart->legend()->setVisible(false);
    m_chart->setMargins(QMargins(0, 0, 0, 0));
    m_chart->setBackgroundRoundness(0);
    m_view = new QChartView(m_chart);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumSize(160, 120);
    m_legend = new ChartLegend;
    auto *body = new QHBoxLayout;
    body->setSpacing(8);
    body->addWidget(m_view, 3);
    body->addWidget(m_legend, 2);
    // The bars need the width more than the names do (the legend elides and has tooltips).
    m_legend->setMaximumWidth(fontMetrics().averageCharWidth() * 30);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(head);
    layout->addLayout(body, 1);
    connect(m_range, &QComboBox::currentIndexChanged, this, [this] {
        rebuild();
        Q_EMIT rangeChanged(rangeDays());
    });
    applyTheme();
}

int CostChart::rangeDays() const
{
    return m_range->currentData().toInt();
}

void CostChart::setRangeDays(int days)
{
    const int i = m_range->findData(days);
    if (i >= 0)
        m_range->setCurrentIndex(i);
}

void CostChart::applyTheme()
{
    m_chart->setBackgroundBrush(palette().color(QPalette::Window));
    m_view->setBackgroundBrush(palette().color(QPalette::Window));
    rebuild();
}

void CostChart::setSnapshot(const UsageSnapshot &snapshot)
{
    m_snapshot = snapshot;
    rebuild();
}

void CostChart::rebuild()
{
    m_chart->removeAllSeries();
    for (QAbstractAxis *axis : m_chart->axes()) {
        m_chart->removeAxis(axis);
        delete axis;
    }
    const UsageSnapshot &s = m_snapshot;
    const int days = std::min<int>(rangeDays(), int(s.days.size()));
    m_legend->setEntries({});
    if (days <= 0)
        return;
    const int firstIdx = int(s.days.size()) - days;
    // Days for up to a month, weeks for 90 days, months for a year: at most ~30 bars.
    const int bucketDays = days <= 31 ? 1 : (days <= 92 ? 7 : 0);
    std::vector<int> bucketOf(static_cast<size_t>(days));
    // One bar per day up to a month, per week up to 90 days, per month for a year.
    QStringList labels; // per bar; empty where the axis shows nothing
    QDate lastMonth;
    const QLocale locale;
    for (int i = 0; i < days; ++i) {
        const QDate d = s.days[size_t(firstIdx + i)].date;
        bool newBar = i == 0 || bucketDays == 1 || (bucketDays == 7 && i % 7 == 0) ||
            (bucketDays == 0 && d.month() != lastMonth.month());
        lastMonth = d;
        if (newBar) {
            QString label;
            if (bucketDays == 1)
                label = days <= 7 ? locale.toString(d, u"ddd d"_s)
                                  : (i % 10 == 0 ? locale.toString(d, u"d MMM"_s) : QString());
            else if (bucketDays == 7)
                label = (i / 7) % 2 == 0 ? locale.toString(d, u"d MMM"_s) : QString();
            else
                label = locale.toString(d, u"MMM"_s);
            labels << label;
        }
        bucketOf[size_t(i)] = int(labels.size()) - 1;
    }
    const QStringList categories = labels;
    const int buckets = int(categories.size());

    const int modelCount = int(s.costModels.size());
    std::vector<double> totalPerModel(static_cast<size_t>(modelCount), 0.0);
    for (int i = 0; i < days && !s.costByDay.empty(); ++i)
        for (int m = 0; m < modelCount; ++m)
            totalPerModel[size_t(m)] += double(s.costByDay[size_t(firstIdx + i)][size_t(m)]) / 1e9;
    std::vector<int> order(static_cast<size_t>(modelCount));
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(),
              [&](int a, int b) { return totalPerModel[size_t(a)] > totalPerModel[size_t(b)]; });

    auto *series = new QStackedBarSeries;
    QList<ChartLegend::Entry> legend;
    std::vector<double> other(static_cast<size_t>(buckets), 0.0);
    double maxBar = 0;
    std::vector<double> barTotals(static_cast<size_t>(buckets), 0.0);
    for (int rank = 0; rank < modelCount; ++rank) {
        const int m = order[size_t(rank)];
        if (totalPerModel[size_t(m)] <= 0)
            continue;
        std::vector<double> values(static_cast<size_t>(buckets), 0.0);
        for (int i = 0; i < days; ++i)
            values[size_t(bucketOf[size_t(i)])] +=
                double(s.costByDay[size_t(firstIdx + i)][size_t(m)]) / 1e9;
        for (int b = 0; b < buckets; ++b)
            barTotals[size_t(b)] += values[size_t(b)];
        if (rank >= MaxModels) {
            for (int b = 0; b < buckets; ++b)
                other[size_t(b)] += values[size_t(b)];
            continue;
        }
        auto *set = new QBarSet(s.costModels.at(m));
        set->setColor(ModelColors::forModel(s.costModels.at(m)));
        set->setBorderColor(Qt::transparent);
        for (double v : values)
            *set << v;
        series->append(set);
        legend.append({s.costModels.at(m), NumberFormat::money(totalPerModel[size_t(m)], locale),
                       set->color()});
    }
    if (std::any_of(other.begin(), other.end(), [](double v) { return v > 0; })) {
        auto *set = new QBarSet(tr("Other"));
        set->setColor(Theme::muted());
        set->setBorderColor(Qt::transparent);
        for (double v : other)
            *set << v;
        series->append(set);
        legend.append(
            {tr("Other"),
             NumberFormat::money(std::accumulate(other.begin(), other.end(), 0.0), locale),
             Theme::muted()});
    }
    for (double v : barTotals)
        maxBar = std::max(maxBar, v);
    series->setBarWidth(0.8);
    m_chart->addSeries(series);
    // QBarCategoryAxis elides every label to its bar's width; a QCategoryAxis over the
    // bar indexes puts a few readable labels where they belong.
    auto *x = new QCategoryAxis;
    x->setRange(-0.5, buckets - 0.5);
    // Each label owns the span up to the next one and sits at its start: Qt elides a
    // label to its span, and spans that end on the label leave the first one no room.
    x->setLabelsPosition(QCategoryAxis::AxisLabelsPositionCenter);
    x->setStartValue(-0.5);
    QList<int> labelled;
    for (int b = 0; b < buckets; ++b) {
        if (!categories.at(b).isEmpty())
            labelled << b;
    }
    for (qsizetype k = 0; k < labelled.size(); ++k) {
        const double end = k + 1 < labelled.size() ? labelled.at(k + 1) - 0.5 : buckets - 0.5;
        x->append(categories.at(labelled.at(k)), end);
    }
    x->setLabelsColor(Theme::muted());
    x->setGridLineVisible(false);
    QFont small = font();
    small.setPointSizeF(font().pointSizeF() * 0.8);
    x->setLabelsFont(small);
    // QValueAxis formats its labels with printf, which knows no locale: a category
    // axis on round steps carries labels from NumberFormat instead.
    auto *y = new QCategoryAxis;
    const double step = niceStep(maxBar > 0 ? maxBar : 1.0, 4);
    const int steps = std::max(1, int(std::ceil((maxBar > 0 ? maxBar : 1.0) / step - 1e-9)));
    const int decimals = std::abs(step - std::round(step)) < 1e-9 ? 0
        : std::abs(step * 10 - std::round(step * 10)) < 1e-9      ? 1
                                                                  : 2;
    y->setStartValue(-step * 1e-6);
    for (int i = 0; i <= steps; ++i)
        y->append(NumberFormat::money(i * step, decimals, locale), i * step);
    y->setRange(0, steps * step);
    y->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    y->setLabelsColor(Theme::muted());
    y->setLabelsFont(small);
    y->setGridLineColor(palette().color(QPalette::Mid));
    m_chart->addAxis(x, Qt::AlignBottom);
    m_chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
    m_legend->setEntries(legend);
}
