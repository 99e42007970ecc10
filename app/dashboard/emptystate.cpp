#include "emptystate.h"

#include "dashboard/sourcesview.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

EmptyState::EmptyState(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel)
    , m_intro(new QLabel)
    , m_sources(new SourcesView)
{
    setObjectName(u"emptyState"_s);
    m_title->setObjectName(u"emptyStateTitle"_s);
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    m_title->setFont(big);
    m_title->setWordWrap(true);
    m_intro->setWordWrap(true);
    auto *hint = new QLabel(SourcesView::pointElsewhereText());
    hint->setWordWrap(true);
    hint->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *settings = new QPushButton(tr("Open settings…"));
    settings->setObjectName(u"emptyStateSettings"_s);
    connect(settings, &QPushButton::clicked, this, &EmptyState::settingsRequested);
    auto *again = new QPushButton(tr("Look again"));
    again->setObjectName(u"emptyStateRefresh"_s);
    connect(again, &QPushButton::clicked, this, &EmptyState::refreshRequested);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(settings);
    buttons->addWidget(again);
    buttons->addStretch();

    // A readable column in the middle of a wide window.
    auto *column = new QWidget;
    column->setMaximumWidth(720);
    auto *layout = new QVBoxLayout(column);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(16);
    layout->addWidget(m_title);
    layout->addWidget(m_intro);
    layout->addWidget(m_sources);
    layout->addWidget(hint);
    layout->addLayout(buttons);

    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(column, 4);
    row->addStretch(1);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(16, 24, 16, 16);
    outer->addLayout(row);
    outer->addStretch(1);
}

void EmptyState::setOverview(const SourceOverview &overview)
{
    if (overview.filesFound() > 0) {
        m_title->setText(tr("No usage in the agents' files yet"));
        m_intro->setText(tr("TokenTally found usage files but no counted model calls in them. "
                            "It reads new usage as soon as the agents write it. It looked in "
                            "these folders:"));
    } else {
        m_title->setText(tr("No coding agent usage found"));
        m_intro->setText(tr("TokenTally reads the usage that coding agents record in their own "
                            "files on this computer. It looked in these folders and found none:"));
    }
    m_sources->setOverview(overview);
}

QString EmptyState::title() const
{
    return m_title->text();
}
