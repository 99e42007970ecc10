#include "summarycard.h"

#include "gui/theme.h"

#include <QLabel>
#include <QVBoxLayout>

SummaryCard::SummaryCard(const QString &caption, QWidget *parent)
    : QFrame(parent)
    , m_caption(new QLabel(caption))
    , m_value(new QLabel(QStringLiteral("–")))
    , m_detail(new QLabel)
{
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    QFont big = m_value->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    m_value->setFont(big);
    m_value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 8);
    layout->setSpacing(2);
    layout->addWidget(m_caption);
    layout->addWidget(m_value);
    layout->addWidget(m_detail);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    applyTheme();
}

void SummaryCard::setValue(const QString &value, const QString &detail, const QString &toolTip)
{
    m_value->setText(value);
    // An empty detail keeps its line so all cards stay the same height.
    m_detail->setText(detail.isEmpty() ? QStringLiteral(" ") : detail);
    setToolTip(toolTip);
    setAccessibleName(m_caption->text() + QLatin1String(": ") + value);
}

QString SummaryCard::value() const
{
    return m_value->text();
}

void SummaryCard::applyTheme()
{
    QPalette p = palette();
    p.setColor(QPalette::Window, Theme::surface());
    setPalette(p);
    QPalette mutedPalette = m_caption->palette();
    mutedPalette.setColor(QPalette::WindowText, Theme::muted());
    m_caption->setPalette(mutedPalette);
    m_detail->setPalette(mutedPalette);
}
