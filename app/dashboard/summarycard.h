#pragma once

#include <QFrame>

class QLabel;

// One figure of the summary row: a caption, a big value and a muted detail line.
class SummaryCard final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SummaryCard)

public:
    explicit SummaryCard(const QString &caption, QWidget *parent = nullptr);
    void setValue(const QString &value, const QString &detail = QString(),
                  const QString &toolTip = QString());
    QString value() const;
    void applyTheme();

private:
    QLabel *m_caption;
    QLabel *m_value;
    QLabel *m_detail;
};
