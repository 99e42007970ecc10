#include "chartlegend.h"

#include "gui/theme.h"

#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

using namespace Qt::StringLiterals;

namespace {
constexpr int Swatch = 10;
constexpr int Gap = 8;
} // namespace

ChartLegend::ChartLegend(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
}

void ChartLegend::setEntries(const QList<Entry> &entries)
{
    m_entries = entries;
    QStringList names;
    for (const Entry &e : entries)
        names << e.name + u' ' + e.amount;
    setAccessibleDescription(names.join(u", "_s));
    updateGeometry();
    update();
}

int ChartLegend::rowHeight() const
{
    return fontMetrics().height() + 6;
}

int ChartLegend::amountWidth() const
{
    int w = 0;
    for (const Entry &e : m_entries)
        w = std::max(w, fontMetrics().horizontalAdvance(e.amount));
    return w;
}

int ChartLegend::nameWidth() const
{
    const int amount = amountWidth();
    return std::max(0, width() - Swatch - Gap - (amount > 0 ? amount + Gap : 0));
}

QStringList ChartLegend::shownNames() const
{
    QStringList out;
    for (const Entry &e : m_entries)
        out << fontMetrics().elidedText(e.name, Qt::ElideMiddle, nameWidth());
    return out;
}

QSize ChartLegend::sizeHint() const
{
    int names = 0;
    for (const Entry &e : m_entries)
        names = std::max(names, fontMetrics().horizontalAdvance(e.name));
    const int amount = amountWidth();
    return {Swatch + Gap + names + (amount > 0 ? amount + Gap : 0) + 2,
            int(m_entries.size()) * rowHeight()};
}

QSize ChartLegend::minimumSizeHint() const
{
    // Room for the amounts and a dozen characters of each name.
    const int amount = amountWidth();
    return {Swatch + Gap + fontMetrics().averageCharWidth() * 12 + (amount > 0 ? amount + Gap : 0),
            int(m_entries.size()) * rowHeight()};
}

int ChartLegend::rowAt(const QPoint &pos) const
{
    const int top = std::max(0, (height() - int(m_entries.size()) * rowHeight()) / 2);
    const int row = (pos.y() - top) / rowHeight();
    return pos.y() >= top && row < m_entries.size() ? row : -1;
}

bool ChartLegend::event(QEvent *e)
{
    if (e->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(e);
        const int row = rowAt(help->pos());
        if (row < 0) {
            QToolTip::hideText();
            e->ignore();
            return true;
        }
        const Entry &entry = m_entries.at(row);
        QToolTip::showText(
            help->globalPos(),
            entry.amount.isEmpty() ? entry.name : entry.name + u" · "_s + entry.amount, this);
        return true;
    }
    return QWidget::event(e);
}

void ChartLegend::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const int rh = rowHeight();
    const int top = std::max(0, (height() - int(m_entries.size()) * rh) / 2);
    const int names = nameWidth();
    const int amount = amountWidth();
    const QColor text = palette().color(QPalette::Text);
    for (int i = 0; i < m_entries.size(); ++i) {
        const Entry &e = m_entries.at(i);
        const int y = top + i * rh;
        p.setPen(Qt::NoPen);
        p.setBrush(e.color);
        p.drawRoundedRect(QRectF(0, y + (rh - Swatch) / 2.0, Swatch, Swatch), 2, 2);
        p.setPen(text);
        p.drawText(QRect(Swatch + Gap, y, names, rh), Qt::AlignLeft | Qt::AlignVCenter,
                   fontMetrics().elidedText(e.name, Qt::ElideMiddle, names));
        if (amount > 0) {
            p.setPen(Theme::muted());
            p.drawText(QRect(width() - amount - 1, y, amount, rh),
                       Qt::AlignRight | Qt::AlignVCenter, e.amount);
        }
    }
}
