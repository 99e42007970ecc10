#include "quotapanel.h"

#include "models/modelcolors.h"
#include "models/quotaseries.h"
#include "models/quotatext.h"

#include <QChart>
#include <QChartView>
#include <QDateTimeAxis>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QVBoxLayout>
#include <QValueAxis>

using namespace Qt::StringLiterals;

namespace {

// Windows by length: short ones warm, long ones cool; agents keep their order.
QColor seriesColour(int index)
{
    static const QColor palette[] = {QColor(0xe0, 0x7a, 0x1f), QColor(0x2f, 0x6f, 0xd6),
                                     QColor(0x2e, 0x9e, 0x5b), QColor(0x9b, 0x59, 0xb6),
                                     QColor(0xc0, 0x39, 0x2b), QColor(0x7f, 0x8c, 0x8d)};
    return palette[index % int(std::size(palette))];
}

} // namespace

QuotaPanel::QuotaPanel(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"quotaPanel"_s);
    m_lines = new QVBoxLayout;
    m_lines->setSpacing(2);
    m_chart = new QChart;
    m_chart->setMargins(QMargins(0, 0, 0, 0));
    m_chart->setBackgroundRoundness(0);
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_view = new QChartView(m_chart);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumSize(160, 160);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_lines);
    layout->addWidget(m_view, 1);
    applyTheme();
}

void QuotaPanel::applyTheme()
{
    m_chart->setBackgroundBrush(palette().color(QPalette::Window));
    m_view->setBackgroundBrush(palette().color(QPalette::Window));
    m_chart->legend()->setLabelColor(palette().color(QPalette::WindowText));
    rebuild();
}

void QuotaPanel::setQuota(const QuotaSnapshot &quota)
{
    m_quota = quota;
    rebuild();
}

QString QuotaPanel::text() const
{
    QStringList out;
    for (const QLabel *l : m_labels)
        out << (l->isEnabled() ? QString() : u"(reset) "_s) + l->text();
    return out.join(u'\n');
}

void QuotaPanel::rebuild()
{
    for (QLabel *l : std::as_const(m_labels))
        delete l;
    m_labels.clear();
    m_chart->removeAllSeries();
    for (QAbstractAxis *axis : m_chart->axes()) {
        m_chart->removeAxis(axis);
        delete axis;
    }
    if (m_quota.entries.empty())
        return;
    const QTimeZone zone = QTimeZone::systemTimeZone();
    for (const QuotaEntry &e : m_quota.entries) {
        const QStringList detail =
            QuotaText::details(e.observation.agent, {e}, m_quota.nowMs, zone);
        auto *label =
            new QLabel(agentDisplayName(e.observation.agent) + u" · "_s + detail.value(0));
        label->setObjectName(u"quota-"_s + agentId(e.observation.agent) + u'-' +
                             e.observation.window);
        // A window that has reset keeps its last value for reference, greyed.
        label->setEnabled(!e.expired);
        label->setWordWrap(true);
        m_lines->addWidget(label);
        m_labels << label;
    }

    const auto series = QuotaSeries::fromHistory(m_quota.history);
    auto *x = new QDateTimeAxis;
    x->setFormat(u"ddd"_s);
    x->setTickCount(QuotaSnapshot::HistoryDays + 1);
    const QDateTime end = QDateTime::fromMSecsSinceEpoch(m_quota.nowMs);
    x->setRange(end.addDays(-QuotaSnapshot::HistoryDays), end);
    auto *y = new QValueAxis;
    y->setRange(0, 100);
    y->setTickCount(5);
    y->setLabelFormat(u"%d%%"_s);
    for (QAbstractAxis *axis : {static_cast<QAbstractAxis *>(x), static_cast<QAbstractAxis *>(y)}) {
        axis->setLabelsColor(palette().color(QPalette::WindowText));
        axis->setGridLineColor(palette().color(QPalette::Mid));
    }
    m_chart->addAxis(x, Qt::AlignBottom);
    m_chart->addAxis(y, Qt::AlignLeft);
    int index = 0;
    for (const QuotaSeries &s : series) {
        auto *line = new QLineSeries;
        line->setName(agentDisplayName(s.agent) + u' ' + QuotaText::windowName(s.window));
        for (const QPointF &p : s.points)
            line->append(p);
        QPen pen(seriesColour(index++));
        pen.setWidthF(2);
        line->setPen(pen);
        m_chart->addSeries(line);
        line->attachAxis(x);
        line->attachAxis(y);
    }
    m_chart->legend()->setVisible(!series.empty());
}
