#pragma once

#include "models/sourceoverview.h"

#include <QWidget>

class QLabel;
class SourcesView;

// What the dashboard shows instead of zeros when the store holds no usage at
// all: where TokenTally looked for each agent, and how to point it elsewhere.
class EmptyState final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EmptyState)

public:
    explicit EmptyState(QWidget *parent = nullptr);

    void setOverview(const SourceOverview &overview);
    QString title() const;

Q_SIGNALS:
    void settingsRequested();
    void refreshRequested();

private:
    QLabel *m_title;
    QLabel *m_intro;
    SourcesView *m_sources;
};
