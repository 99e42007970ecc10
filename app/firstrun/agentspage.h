#pragma once

#include "models/sourceoverview.h"

#include <QWizardPage>

class QLabel;
class SourcesView;

// The wizard's first page: the agents found on this computer, their data
// folders and the size of their history; where it looked when none were found.
class AgentsPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AgentsPage)

public:
    explicit AgentsPage(QWidget *parent = nullptr);

    void setOverview(const SourceOverview &overview);
    const SourceOverview &overview() const;
    QString summary() const;

private:
    QLabel *m_summary;
    SourcesView *m_sources;
    QLabel *m_hint;
};
