#include "sourcesview.h"

#include <QCoreApplication>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace {

QLabel *mutedLabel(const QString &text)
{
    auto *l = new QLabel(text);
    // The palette's muted ink (Theme sets PlaceholderText to it), light or dark.
    l->setForegroundRole(QPalette::PlaceholderText);
    return l;
}

} // namespace

SourcesView::SourcesView(QWidget *parent)
    : QWidget(parent)
    , m_grid(new QGridLayout(this))
{
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setHorizontalSpacing(24);
    m_grid->setVerticalSpacing(2);
    m_grid->setColumnStretch(0, 1);
}

QString SourcesView::agentStatus(const SourceOverview::AgentSources &agent)
{
    if (!agent.found())
        return tr("No usage files found");
    const QLocale locale;
    return tr("%n file(s) · %1", nullptr, agent.files)
        .arg(locale.formattedDataSize(agent.bytes, 1, QLocale::DataSizeSIFormat));
}

QString SourcesView::pointElsewhereText()
{
    QStringList variables;
    for (int a = 0; a < AgentCount; ++a) {
        const QString v = SourceOverview::environmentVariable(Agent(a));
        if (!v.isEmpty())
            variables << u"%1 (%2)"_s.arg(v, agentDisplayName(Agent(a)));
    }
    // %1 is the settings dialog's own label, so the two always match.
    return tr("To read other folders, add them under Settings → %1 (one AGENT=PATH a line), "
              "or start TokenTally with --data-dir AGENT=PATH. The agents' own variables move "
              "their folders too: %2.")
        .arg(QCoreApplication::translate("SettingsDialog", "Extra data folders"),
             variables.join(u", "_s));
}

void SourcesView::setOverview(const SourceOverview &overview)
{
    m_overview = overview;
    rebuild();
}

void SourcesView::rebuild()
{
    while (QLayoutItem *item = m_grid->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    int row = 0;
    for (const SourceOverview::AgentSources &a : std::as_const(m_overview.agents)) {
        auto *name = new QLabel(agentDisplayName(a.agent));
        QFont bold = name->font();
        bold.setBold(true);
        name->setFont(bold);
        name->setObjectName(u"sources-"_s + agentId(a.agent));
        if (row > 0)
            m_grid->setRowMinimumHeight(row++, 8);
        m_grid->addWidget(name, row, 0);
        QLabel *status = a.found() ? new QLabel(agentStatus(a)) : mutedLabel(agentStatus(a));
        status->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_grid->addWidget(status, row++, 1);
        for (const SourceOverview::Folder &f : a.folders) {
            const QString path = m_overview.displayPath(f.path);
            QLabel *folder =
                f.exists ? new QLabel(path) : mutedLabel(tr("%1 (not there)").arg(path));
            folder->setTextInteractionFlags(Qt::TextSelectableByMouse);
            folder->setToolTip(f.path);
            folder->setContentsMargins(16, 0, 0, 0);
            m_grid->addWidget(folder, row++, 0, 1, 2);
        }
    }
}
