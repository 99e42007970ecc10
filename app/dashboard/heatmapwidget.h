#pragma once

#include "models/heatmapmath.h"
#include "models/usagesnapshot.h"

#include <QWidget>

#include <optional>

// The year calendar: weeks as columns, five levels at quartiles of the non-empty
// days in view, a tooltip per day, a click filters the other views to that day.
class HeatmapWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HeatmapWidget)

public:
    enum class Metric { Tokens, Cost };
    Q_ENUM(Metric)

    explicit HeatmapWidget(QWidget *parent = nullptr);

    void setDays(const std::vector<DayStat> &days, QDate today, Qt::DayOfWeek firstDayOfWeek);
    void setMetric(Metric metric);
    void setSelectedDay(std::optional<QDate> day);
    // The tooltip text of a day ("Tue 18 Nov 2026 · 3.4M tokens · $12.30 · 4 sessions").
    static QString dayToolTip(const DayStat &day);
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    bool hasHeightForWidth() const override;
    int heightForWidth(int width) const override;
    // The day under a point, if any (tests click through this).
    std::optional<QDate> dayAt(const QPoint &pos) const;
    QPoint cellCenter(QDate day) const;

Q_SIGNALS:
    void dayClicked(const QDate &day);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    bool event(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    struct Layout
    {
        int cell = 12;
        int gap = 3;
        int left = 32;
        int top = 18;
    };
    Layout layout() const;
    std::int64_t valueOf(const DayStat &d) const;
    const DayStat *statFor(QDate day) const;
    void recompute();

    std::vector<DayStat> m_days;
    QDate m_firstDay;
    HeatmapMath::Grid m_grid;
    Metric m_metric = Metric::Tokens;
    std::vector<std::int64_t> m_thresholds;
    std::optional<QDate> m_selected;
};
