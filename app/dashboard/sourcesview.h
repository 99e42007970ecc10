#pragma once

#include "models/sourceoverview.h"

#include <QWidget>

class QGridLayout;

// Where TokenTally looked for each agent's usage files and what it found there
// (agent, files and bytes, each folder and whether it exists). The first-run
// wizard and the empty dashboard show it; pointElsewhereText() says how to
// make TokenTally read other folders.
class SourcesView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SourcesView)

public:
    explicit SourcesView(QWidget *parent = nullptr);

    void setOverview(const SourceOverview &overview);
    const SourceOverview &overview() const { return m_overview; }

    // "1,234 files · 3.0 MB", or that nothing was found.
    static QString agentStatus(const SourceOverview::AgentSources &agent);
    // Settings' extra data folders, --data-dir and the agents' own variables.
    static QString pointElsewhereText();

private:
    void rebuild();

    QGridLayout *m_grid;
    SourceOverview m_overview;
};
