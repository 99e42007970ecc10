#pragma once

#include "models/quotasnapshot.h"
#include "models/usagesnapshot.h"
#include "sync/syncstore.h"

#include <QMainWindow>

class AccountingModel;
class AgentBreakdownModel;
class CostChart;
class EmptyState;
class HeatmapWidget;
class ModelMixChart;
class ModelMixModel;
class NotSentModel;
class OutboxModel;
class OutboxPage;
class QuotaPanel;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTabWidget;
class SessionFilterProxyModel;
class SessionTableModel;
class Settings;
class SummaryCard;

// The dashboard: summary cards, the year heatmap, model mix and cost over time, and
// tables in tabs. It shows snapshots and emits intents; the application connects them.
class DashboardWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DashboardWindow)

public:
    explicit DashboardWindow(Settings *settings, QWidget *parent = nullptr);
    ~DashboardWindow() override;

    void setSnapshot(const UsageSnapshot &snapshot);
    void setQuota(const QuotaSnapshot &quota);
    // The quota panel's lines, empty while it is hidden (for tests).
    QString quotaText() const;
    void setProgress(const ScanProgress &progress);
    // A banner above everything (e.g. why there is no tray icon); empty hides it.
    void setNotice(const QString &text);
    QString notice() const;
    void showExportResult(const QString &path, bool ok, const QString &error);
    QString cardText(const QString &name) const;
    QString viewLabel() const;
    // The empty state's title while it stands in for the figures, else empty.
    QString emptyStateTitle() const;
    // "What left this machine": the outbox list, and one entry's body when it arrives.
    void setOutbox(const QList<OutboxEntry> &entries, const QList<RejectedBucket> &notSent);
    void showOutboxEntry(const OutboxEntry &entry);
    // Brings a tab to the front: "sessions", "agents", "models", "accounting", "outbox".
    bool showTab(const QString &name);
    QString currentTab() const;
    // The outbox tab's body view and the id it shows (for the single-instance status).
    QString outboxBodyText() const;
    std::int64_t outboxShownId() const;
    bool hasPainted() const { return m_painted; }

Q_SIGNALS:
    void dayFilterRequested(const QDate &day); // invalid: clear
    void exportRequested(const QString &path, const QString &format);
    void settingsRequested();
    void refreshRequested();
    void outboxEntryRequested(qint64 id);
    void firstPaint();

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void buildUi();
    // Throws the widgets away and builds them again in the current language.
    void retranslate();
    void applyTheme();
    void exportAs(const QString &format);
    void onDayClicked(const QDate &day);

    Settings *m_settings;
    SessionTableModel *m_sessions;
    SessionFilterProxyModel *m_sessionProxy;
    ModelMixModel *m_models;
    AgentBreakdownModel *m_agents;
    AccountingModel *m_accounting;
    OutboxModel *m_outbox;
    NotSentModel *m_notSent;
    OutboxPage *m_outboxPage = nullptr;
    OutboxEntry m_outboxEntry;

    QLabel *m_notice = nullptr;
    QWidget *m_data = nullptr;
    EmptyState *m_empty = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_viewLabel = nullptr;
    QPushButton *m_clearFilter = nullptr;
    QComboBox *m_heatMetric = nullptr;
    HeatmapWidget *m_heatmap = nullptr;
    ModelMixChart *m_mix = nullptr;
    CostChart *m_cost = nullptr;
    QuotaPanel *m_quotaPanel = nullptr;
    QuotaSnapshot m_quota;
    QTabWidget *m_tabs = nullptr;
    QLineEdit *m_sessionFilter = nullptr;
    QComboBox *m_agentFilter = nullptr;
    QHash<QString, SummaryCard *> m_cards;
    std::optional<QDate> m_filterDay;
    bool m_painted = false;
    bool m_retranslatePending = false;
    UsageSnapshot m_snapshot;
    bool m_haveSnapshot = false;
    ScanProgress m_lastProgress;
    QString m_noticeText;
};
