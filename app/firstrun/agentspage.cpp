#include "agentspage.h"

#include "dashboard/sourcesview.h"

#include <QLabel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

AgentsPage::AgentsPage(QWidget *parent)
    : QWizardPage(parent)
    , m_summary(new QLabel(tr("Looking for the agents' files…")))
    , m_sources(new SourcesView)
    , m_hint(new QLabel(SourcesView::pointElsewhereText()))
{
    setTitle(tr("Coding agents on this computer"));
    setSubTitle(tr("TokenTally counts the tokens your coding agents use, from the files they "
                   "already write on this computer."));
    m_summary->setObjectName(u"firstRunAgentsSummary"_s);
    m_summary->setWordWrap(true);
    QFont bold = m_summary->font();
    bold.setBold(true);
    m_summary->setFont(bold);
    m_sources->setObjectName(u"firstRunSources"_s);
    m_hint->setWordWrap(true);
    m_hint->setForegroundRole(QPalette::PlaceholderText);
    m_hint->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(12);
    layout->addWidget(m_summary);
    layout->addWidget(m_sources);
    layout->addWidget(m_hint);
    layout->addStretch(1);
}

void AgentsPage::setOverview(const SourceOverview &overview)
{
    const int found = overview.agentsFound();
    m_summary->setText(found > 0 ? tr("Found the usage history of %n agent(s):", nullptr, found)
                                 : tr("No usage history found yet. TokenTally looked here, and "
                                      "will count new usage as soon as an agent writes some:"));
    m_sources->setOverview(overview);
}

const SourceOverview &AgentsPage::overview() const
{
    return m_sources->overview();
}

QString AgentsPage::summary() const
{
    return m_summary->text();
}
