#include "heatmapwidget.h"

#include "gui/theme.h"
#include "models/numberformat.h"

#include <QHelpEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

using namespace Qt::StringLiterals;

HeatmapWidget::HeatmapWidget(QWidget *parent)
    : QWidget(parent)
{
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_grid = HeatmapMath::yearGrid(QDate::currentDate(), QLocale().firstDayOfWeek());
    setAccessibleName(tr("Usage calendar"));
}

void HeatmapWidget::setDays(const std::vector<DayStat> &days, QDate today,
                            Qt::DayOfWeek firstDayOfWeek)
{
    m_days = days;
    m_firstDay = days.empty() ? today : days.front().date;
    m_grid = HeatmapMath::yearGrid(today, firstDayOfWeek);
    recompute();
    update();
}

void HeatmapWidget::setMetric(Metric metric)
{
    if (metric == m_metric)
        return;
    m_metric = metric;
    recompute();
    update();
}

void HeatmapWidget::setSelectedDay(std::optional<QDate> day)
{
    m_selected = day;
    update();
}

std::int64_t HeatmapWidget::valueOf(const DayStat &d) const
{
    return m_metric == Metric::Tokens ? d.tokens : d.costNanoUsd;
}

const DayStat *HeatmapWidget::statFor(QDate day) const
{
    const qint64 i = m_firstDay.daysTo(day);
    if (i < 0 || i >= qint64(m_days.size()))
        return nullptr;
    return &m_days[size_t(i)];
}

void HeatmapWidget::recompute()
{
    std::vector<std::int64_t> values;
    for (const DayStat &d : m_days) {
        if (m_grid.contains(d.date))
            values.push_back(valueOf(d));
    }
    m_thresholds = HeatmapMath::quartileThresholds(std::move(values));
}

HeatmapWidget::Layout HeatmapWidget::layout() const
{
    Layout l;
    const int labelWidth = fontMetrics().horizontalAdvance(u"Wed"_s) + 8;
    l.left = std::max(28, labelWidth);
    l.top = fontMetrics().height() + 4;
    const int avail = width() - l.left - 4;
    // The grid fills the width, within what reads well.
    l.cell = std::clamp(avail / m_grid.weeks - l.gap, 8, 18);
    return l;
}

QSize HeatmapWidget::sizeHint() const
{
    const Layout l = layout();
    return {l.left + m_grid.weeks * (14 + l.gap) + 4, heightForWidth(width())};
}

bool HeatmapWidget::hasHeightForWidth() const
{
    return true;
}

int HeatmapWidget::heightForWidth(int w) const
{
    const Layout l = layout();
    const int cell = std::clamp((w - l.left - 4) / m_grid.weeks - l.gap, 8, 18);
    // Seven rows, then the legend row.
    return l.top + 8 * (cell + l.gap) + 4;
}

void HeatmapWidget::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    if (height() != heightForWidth(width()))
        setFixedHeight(heightForWidth(width()));
}

QSize HeatmapWidget::minimumSizeHint() const
{
    const Layout l = layout();
    return {l.left + m_grid.weeks * (8 + l.gap), l.top + 8 * (8 + l.gap) + 4};
}

QPoint HeatmapWidget::cellCenter(QDate day) const
{
    const Layout l = layout();
    const int step = l.cell + l.gap;
    return {l.left + m_grid.columnOf(day) * step + l.cell / 2,
            l.top + m_grid.rowOf(day) * step + l.cell / 2};
}

std::optional<QDate> HeatmapWidget::dayAt(const QPoint &pos) const
{
    const Layout l = layout();
    const int step = l.cell + l.gap;
    const int x = pos.x() - l.left;
    const int y = pos.y() - l.top;
    if (x < 0 || y < 0)
        return std::nullopt;
    const int col = x / step;
    const int row = y / step;
    if (col >= m_grid.weeks || row >= 7 || x % step >= l.cell || y % step >= l.cell)
        return std::nullopt;
    const QDate d = m_grid.dateAt(col, row);
    if (!m_grid.contains(d))
        return std::nullopt;
    return d;
}

QString HeatmapWidget::dayToolTip(const DayStat &d)
{
    const QLocale locale;
    const std::optional<double> cost = (d.messages > 0 && d.unpricedMessages >= d.messages)
        ? std::nullopt
        : std::optional<double>(double(d.costNanoUsd) / 1e9);
    return tr("%1 · %2 tokens · %3 · %n session(s)", nullptr, int(d.sessions))
        .arg(locale.toString(d.date, u"ddd d MMM yyyy"_s), NumberFormat::compact(d.tokens, locale),
             NumberFormat::money(cost, locale));
}

bool HeatmapWidget::event(QEvent *e)
{
    if (e->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(e);
        const auto day = dayAt(help->pos());
        if (!day) {
            QToolTip::hideText();
            e->ignore();
            return true;
        }
        DayStat empty;
        empty.date = *day;
        const DayStat *d = statFor(*day);
        QToolTip::showText(help->globalPos(), dayToolTip(d ? *d : empty), this);
        return true;
    }
    return QWidget::event(e);
}

void HeatmapWidget::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return QWidget::mousePressEvent(event);
    if (const auto day = dayAt(event->position().toPoint()))
        Q_EMIT dayClicked(*day);
}

void HeatmapWidget::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const Layout l = layout();
    const int step = l.cell + l.gap;
    const QLocale locale;
    p.setPen(Theme::muted());
    QFont small = font();
    small.setPointSizeF(font().pointSizeF() * 0.85);
    p.setFont(small);

    int lastLabelRight = -1000;
    for (const auto &[col, date] : HeatmapMath::monthStarts(m_grid)) {
        const int x = l.left + col * step;
        const QString name = locale.standaloneMonthName(date.month(), QLocale::ShortFormat);
        if (x < lastLabelRight + 4)
            continue;
        p.drawText(QPoint(x, l.top - 5), name);
        lastLabelRight = x + p.fontMetrics().horizontalAdvance(name);
    }
    for (int row : {1, 3, 5}) {
        const QDate d = m_grid.dateAt(0, row);
        const QString name = locale.standaloneDayName(d.dayOfWeek(), QLocale::ShortFormat);
        const QRect r(0, l.top + row * step, l.left - 6, l.cell);
        p.drawText(r, Qt::AlignRight | Qt::AlignVCenter, name);
    }

    const qreal radius = std::max(2.0, l.cell / 5.0);
    for (int col = 0; col < m_grid.weeks; ++col) {
        for (int row = 0; row < 7; ++row) {
            const QDate d = m_grid.dateAt(col, row);
            if (!m_grid.contains(d))
                continue;
            const DayStat *s = statFor(d);
            const int lvl = s ? HeatmapMath::level(valueOf(*s), m_thresholds) : 0;
            const QRectF cell(l.left + col * step, l.top + row * step, l.cell, l.cell);
            p.setPen(Qt::NoPen);
            p.setBrush(Theme::heatLevel(lvl));
            p.drawRoundedRect(cell, radius, radius);
            if (m_selected && *m_selected == d) {
                p.setBrush(Qt::NoBrush);
                p.setPen(QPen(palette().color(QPalette::WindowText), 2));
                p.drawRoundedRect(cell.adjusted(-1, -1, 1, 1), radius, radius);
            }
        }
    }

    // Legend: Less ▢▢▢▢▢ More, under the grid on the right.
    const int ly = l.top + 7 * step + 2;
    int lx = width() - 4;
    const QString more = tr("More");
    const QString less = tr("Less");
    lx -= p.fontMetrics().horizontalAdvance(more);
    p.setPen(Theme::muted());
    p.drawText(QPoint(lx, ly + l.cell - 1), more);
    lx -= 6 + HeatmapMath::Levels * step;
    for (int i = 0; i < HeatmapMath::Levels; ++i) {
        p.setPen(Qt::NoPen);
        p.setBrush(Theme::heatLevel(i));
        p.drawRoundedRect(QRectF(lx + i * step, ly, l.cell, l.cell), radius, radius);
    }
    p.setPen(Theme::muted());
    p.drawText(QPoint(lx - 6 - p.fontMetrics().horizontalAdvance(less), ly + l.cell - 1), less);
}
