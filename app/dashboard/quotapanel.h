#pragma once

#include "models/quotasnapshot.h"

#include <QWidget>

class QChart;
class QChartView;
class QLabel;
class QVBoxLayout;

// The quota windows the agents reported (docs/agents/quota.md): a line per
// window, reset ones greyed with their last value, and the observed
// percentages of the last days. The dashboard shows its tab only while some
// agent reported a window.
class QuotaPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QuotaPanel)

public:
    explicit QuotaPanel(QWidget *parent = nullptr);

    void setQuota(const QuotaSnapshot &quota);
    void applyTheme();
    // The window lines as shown, one per line (for tests).
    QString text() const;
    bool isEmpty() const { return m_quota.entries.empty(); }

private:
    void rebuild();

    QVBoxLayout *m_lines;
    QChart *m_chart;
    QChartView *m_view;
    QList<QLabel *> m_labels;
    QuotaSnapshot m_quota;
};
