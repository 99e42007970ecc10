#include "dashboardwindow.h"

#include "dashboard/costchart.h"
#include "dashboard/emptystate.h"
#include "dashboard/heatmapwidget.h"
#include "dashboard/modelmixchart.h"
#include "dashboard/outboxpage.h"
#include "dashboard/quotapanel.h"
#include "dashboard/summarycard.h"
#include "dashboard/tableview.h"
#include "gui/theme.h"
#include "models/accountingmodel.h"
#include "models/agentbreakdownmodel.h"
#include "models/modelmixmodel.h"
#include "models/notsentmodel.h"
#include "models/numberformat.h"
#include "models/outboxmodel.h"
#include "models/sessionfilterproxymodel.h"
#include "models/sessiontablemodel.h"
#include "settings/settings.h"

#include <QCloseEvent>
#include <QComboBox>
#include <QFileDialog>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

// The tabs in the order buildUi() adds them, by the names requests use.
QStringList tabNames()
{
    return {u"sessions"_s, u"agents"_s, u"models"_s, u"accounting"_s, u"outbox"_s, u"quota"_s};
}

} // namespace

DashboardWindow::DashboardWindow(Settings *settings, QWidget *parent)
    : QMainWindow(parent)
    , m_settings(settings)
    , m_sessions(new SessionTableModel(this))
    , m_sessionProxy(new SessionFilterProxyModel(this))
    , m_models(new ModelMixModel(this))
    , m_agents(new AgentBreakdownModel(this))
    , m_accounting(new AccountingModel(this))
    , m_outbox(new OutboxModel(this))
    , m_notSent(new NotSentModel(this))
{
    m_sessionProxy->setSourceModel(m_sessions);
    setWindowTitle(tr("TokenTally"));
    setWindowIcon(QIcon(u":/icons/tokentally.svg"_s));
    buildUi();
    resize(1200, 800);
    if (!m_settings->dashboardGeometry().isEmpty())
        restoreGeometry(m_settings->dashboardGeometry());
}

DashboardWindow::~DashboardWindow() = default;

void DashboardWindow::buildUi()
{
    auto *toolbar = addToolBar(tr("Actions"));
    toolbar->setObjectName(u"actions"_s);
    toolbar->setMovable(false);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolbar->addAction(tr("Refresh"), this, &DashboardWindow::refreshRequested);
    toolbar->addAction(tr("Export CSV…"), this, [this] { exportAs(u"csv"_s); });
    toolbar->addAction(tr("Export JSON…"), this, [this] { exportAs(u"json"_s); });
    toolbar->addSeparator();
    toolbar->addAction(tr("Settings…"), this, &DashboardWindow::settingsRequested);

    auto *content = new QWidget;
    auto *root = new QVBoxLayout(content);
    root->setContentsMargins(12, 8, 12, 8);
    root->setSpacing(8);

    m_notice = new QLabel;
    m_notice->setWordWrap(true);
    m_notice->setObjectName(u"notice"_s);
    m_notice->setMargin(8);
    m_notice->setAutoFillBackground(true);
    m_notice->hide();
    root->addWidget(m_notice);

    m_progress = new QProgressBar;
    m_progress->setFormat(tr("Indexing usage history… %p%"));
    m_progress->hide();
    root->addWidget(m_progress);

    // Everything below stands for usage; with none in the store at all, the empty
    // state says where TokenTally looked instead.
    m_empty = new EmptyState;
    m_empty->hide();
    connect(m_empty, &EmptyState::settingsRequested, this, &DashboardWindow::settingsRequested);
    connect(m_empty, &EmptyState::refreshRequested, this, &DashboardWindow::refreshRequested);
    root->addWidget(m_empty, 1);
    m_data = new QWidget;
    auto *data = new QVBoxLayout(m_data);
    data->setContentsMargins(0, 0, 0, 0);
    data->setSpacing(8);
    root->addWidget(m_data, 1);

    auto *viewRow = new QHBoxLayout;
    m_viewLabel = new QLabel;
    QFont bold = m_viewLabel->font();
    bold.setBold(true);
    m_viewLabel->setFont(bold);
    m_clearFilter = new QPushButton(tr("Show the whole year"));
    m_clearFilter->hide();
    connect(m_clearFilter, &QPushButton::clicked, this,
            [this] { Q_EMIT dayFilterRequested(QDate()); });
    viewRow->addWidget(m_viewLabel);
    viewRow->addWidget(m_clearFilter);
    viewRow->addStretch();
    data->addLayout(viewRow);

    auto *cards = new QGridLayout;
    cards->setSpacing(8);
    const std::pair<const char *, QString> cardNames[] = {
        {"tokens", tr("Tokens")},          {"cost", tr("Cost")},
        {"messages", tr("Messages")},      {"sessions", tr("Sessions")},
        {"activeDays", tr("Active days")}, {"streak", tr("Streak")},
        {"cache", tr("Cache efficiency")},
    };
    int col = 0;
    for (const auto &[key, caption] : cardNames) {
        auto *card = new SummaryCard(caption);
        m_cards.insert(QString::fromLatin1(key), card);
        cards->addWidget(card, 0, col++);
    }
    data->addLayout(cards);

    auto *heatHead = new QHBoxLayout;
    auto *heatTitle = new QLabel(tr("Activity over the last year"));
    heatTitle->setFont(bold);
    m_heatMetric = new QComboBox;
    m_heatMetric->addItem(tr("Tokens"), u"tokens"_s);
    m_heatMetric->addItem(tr("Cost"), u"cost"_s);
    m_heatMetric->setCurrentIndex(m_settings->heatmapMetric() == u"cost" ? 1 : 0);
    heatHead->addWidget(heatTitle);
    heatHead->addStretch();
    heatHead->addWidget(m_heatMetric);
    data->addLayout(heatHead);
    m_heatmap = new HeatmapWidget;
    m_heatmap->setMetric(m_heatMetric->currentIndex() == 1 ? HeatmapWidget::Metric::Cost
                                                           : HeatmapWidget::Metric::Tokens);
    connect(m_heatMetric, &QComboBox::currentIndexChanged, this, [this](int i) {
        m_heatmap->setMetric(i == 1 ? HeatmapWidget::Metric::Cost : HeatmapWidget::Metric::Tokens);
        m_settings->setHeatmapMetric(m_heatMetric->currentData().toString());
    });
    connect(m_heatmap, &HeatmapWidget::dayClicked, this, &DashboardWindow::onDayClicked);
    data->addWidget(m_heatmap);

    // Charts on the right, tables on the left: at 1200x800 both fit without scrolling
    // and the sessions table gets most of the height below the heatmap.
    m_mix = new ModelMixChart(m_models);
    m_cost = new CostChart;
    m_cost->setRangeDays(m_settings->costRangeDays());
    connect(m_cost, &CostChart::rangeChanged, this,
            [this](int days) { m_settings->setCostRangeDays(days); });
    auto *chartsColumn = new QWidget;
    auto *charts = new QVBoxLayout(chartsColumn);
    charts->setContentsMargins(8, 0, 0, 0);
    charts->setSpacing(12);
    charts->addWidget(m_mix, 1);
    charts->addWidget(m_cost, 1);

    m_tabs = new QTabWidget;
    auto *sessionsPage = new QWidget;
    auto *sessionsLayout = new QVBoxLayout(sessionsPage);
    auto *filterRow = new QHBoxLayout;
    m_sessionFilter = new QLineEdit;
    m_sessionFilter->setPlaceholderText(tr("Filter by session or model"));
    m_sessionFilter->setClearButtonEnabled(true);
    m_agentFilter = new QComboBox;
    m_agentFilter->addItem(tr("All agents"), QString());
    for (int a = 0; a < AgentCount; ++a)
        m_agentFilter->addItem(agentDisplayName(Agent(a)), agentId(Agent(a)));
    filterRow->addWidget(m_sessionFilter, 1);
    filterRow->addWidget(m_agentFilter);
    sessionsLayout->addLayout(filterRow);
    QTableView *sessionsView =
        makeTableView(m_sessionProxy, SessionTableModel::SortRole, sessionsPage);
    sessionsView->sortByColumn(SessionTableModel::LastActiveColumn, Qt::DescendingOrder);
    QHeaderView *sessionsHeader = sessionsView->horizontalHeader();
    // Dates, agents and numbers are short and must not be cut; ids and model lists
    // share the rest, elided in the middle (their ends tell them apart).
    for (int c : {int(SessionTableModel::LastActiveColumn), int(SessionTableModel::AgentColumn),
                  int(SessionTableModel::MessagesColumn), int(SessionTableModel::TokensColumn),
                  int(SessionTableModel::CostColumn)})
        sessionsHeader->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    sessionsHeader->setSectionResizeMode(SessionTableModel::ModelsColumn, QHeaderView::Stretch);
    sessionsHeader->setResizeContentsPrecision(200);
    sessionsView->setTextElideMode(Qt::ElideMiddle);
    sessionsView->setColumnWidth(SessionTableModel::SessionColumn,
                                 sessionsView->fontMetrics().horizontalAdvance(u"0"_s) * 11 + 16);
    sessionsLayout->addWidget(sessionsView);
    connect(m_sessionFilter, &QLineEdit::textChanged, m_sessionProxy,
            &SessionFilterProxyModel::setTextFilter);
    connect(m_agentFilter, &QComboBox::currentIndexChanged, this,
            [this] { m_sessionProxy->setAgentFilter(m_agentFilter->currentData().toString()); });
    m_tabs->addTab(sessionsPage, tr("Sessions"));

    QTableView *agentsView = makeTableView(m_agents, AgentBreakdownModel::SortRole, m_tabs);
    agentsView->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_tabs->addTab(agentsView, tr("Agents"));
    QTableView *modelsView = makeTableView(m_models, ModelMixModel::SortRole, m_tabs);
    modelsView->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_tabs->addTab(modelsView, tr("Models"));
    QTableView *accountingView = makeTableView(m_accounting, -1, m_tabs);
    accountingView->horizontalHeader()->setSectionResizeMode(AccountingModel::ItemColumn,
                                                             QHeaderView::Stretch);
    accountingView->setColumnWidth(AccountingModel::ValueColumn, 320);
    m_tabs->addTab(accountingView, tr("Accounting"));
    m_outboxPage = new OutboxPage(m_outbox, m_notSent, m_tabs);
    connect(m_outboxPage, &OutboxPage::entryRequested, this,
            &DashboardWindow::outboxEntryRequested);
    m_tabs->addTab(m_outboxPage, tr("What left this machine"));
    m_quotaPanel = new QuotaPanel(m_tabs);
    m_tabs->addTab(m_quotaPanel, tr("Quota"));
    m_tabs->setTabVisible(m_tabs->indexOf(m_quotaPanel), false);
    // After a rebuild (language change) the page starts empty: show what was shown.
    if (m_outboxEntry.id != 0) {
        m_outboxPage->selectNewestIfNone();
        m_outboxPage->showEntry(m_outboxEntry);
    }

    auto *split = new QSplitter(Qt::Horizontal);
    split->setObjectName(u"tablesAndCharts"_s);
    split->setChildrenCollapsible(false);
    split->addWidget(m_tabs);
    split->addWidget(chartsColumn);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    // Below this the window scrolls rather than squeezing tables and charts to nothing.
    split->setMinimumHeight(340);
    data->addWidget(split, 1);

    auto *scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    setCentralWidget(scroll);
    content->installEventFilter(this);
    applyTheme();
}

void DashboardWindow::applyTheme()
{
    QPalette p = m_notice->palette();
    p.setColor(QPalette::Window,
               Theme::isDark() ? QColor(0x3D, 0x2E, 0x00) : QColor(0xFF, 0xF8, 0xC5));
    p.setColor(QPalette::WindowText, palette().color(QPalette::WindowText));
    m_notice->setPalette(p);
    for (SummaryCard *c : std::as_const(m_cards))
        c->applyTheme();
    m_mix->applyTheme();
    m_cost->applyTheme();
    m_quotaPanel->applyTheme();
}

void DashboardWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        applyTheme();
    if (event->type() == QEvent::LanguageChange && !m_retranslatePending) {
        m_retranslatePending = true;
        QTimer::singleShot(0, this, &DashboardWindow::retranslate);
    }
    QMainWindow::changeEvent(event);
}

bool DashboardWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (!m_painted && event->type() == QEvent::Paint) {
        m_painted = true;
        // Queued so the paint finishes before anyone measures it.
        QMetaObject::invokeMethod(this, &DashboardWindow::firstPaint, Qt::QueuedConnection);
    }
    return QMainWindow::eventFilter(watched, event);
}

void DashboardWindow::closeEvent(QCloseEvent *event)
{
    m_settings->setDashboardGeometry(saveGeometry());
    m_settings->apply();
    QMainWindow::closeEvent(event);
}

void DashboardWindow::retranslate()
{
    m_retranslatePending = false;
    for (QToolBar *bar : findChildren<QToolBar *>(Qt::FindDirectChildrenOnly)) {
        removeToolBar(bar);
        delete bar;
    }
    const bool painted = m_painted;
    delete takeCentralWidget();
    m_cards.clear();
    setWindowTitle(tr("TokenTally"));
    buildUi();
    m_painted = painted;
    setNotice(m_noticeText);
    setProgress(ScanProgress(m_lastProgress));
    setQuota(m_quota);
    if (m_haveSnapshot)
        setSnapshot(UsageSnapshot(m_snapshot));
    else
        statusBar()->clearMessage();
}

void DashboardWindow::setQuota(const QuotaSnapshot &quota)
{
    m_quota = quota;
    m_quotaPanel->setQuota(quota);
    // No tab that would only say "nothing yet": it appears with the first window.
    m_tabs->setTabVisible(m_tabs->indexOf(m_quotaPanel), !m_quotaPanel->isEmpty());
}

QString DashboardWindow::quotaText() const
{
    return m_tabs->isTabVisible(m_tabs->indexOf(m_quotaPanel)) ? m_quotaPanel->text() : QString();
}

QString DashboardWindow::viewLabel() const
{
    return m_viewLabel->text();
}

QString DashboardWindow::emptyStateTitle() const
{
    return m_empty->isVisibleTo(this) ? m_empty->title() : QString();
}

QString DashboardWindow::cardText(const QString &name) const
{
    const SummaryCard *c = m_cards.value(name);
    return c ? c->value() : QString();
}

void DashboardWindow::setNotice(const QString &text)
{
    m_noticeText = text;
    m_notice->setText(text);
    m_notice->setVisible(!text.isEmpty());
}

QString DashboardWindow::notice() const
{
    return m_notice->isVisible() ? m_notice->text() : QString();
}

void DashboardWindow::setProgress(const ScanProgress &progress)
{
    m_lastProgress = progress;
    const bool show = progress.firstIndex && progress.total > 0 && progress.done < progress.total;
    m_progress->setVisible(show);
    if (show) {
        m_progress->setMaximum(progress.total);
        m_progress->setValue(progress.done);
    }
}

void DashboardWindow::onDayClicked(const QDate &day)
{
    // A second click on the selected day clears the filter.
    Q_EMIT dayFilterRequested(m_filterDay && *m_filterDay == day ? QDate() : day);
}

void DashboardWindow::setSnapshot(const UsageSnapshot &s)
{
    const QLocale locale;
    m_snapshot = s;
    m_haveSnapshot = true;
    m_filterDay = s.filterDay;
    m_viewLabel->setText(
        s.filterDay ? tr("Showing %1").arg(locale.toString(*s.filterDay, QLocale::LongFormat))
                    : tr("Showing the last 12 months"));
    m_clearFilter->setVisible(s.filterDay.has_value());
    const bool empty = s.storeEmpty && s.scanned;
    m_empty->setVisible(empty);
    m_data->setVisible(!empty);
    if (empty)
        m_empty->setOverview(s.sources);
    const UsageTotals &t = s.viewTotals;
    m_cards[u"tokens"_s]->setValue(
        NumberFormat::compact(t.tokens.total(), locale),
        tr("%1 output").arg(NumberFormat::compact(t.tokens.output, locale)),
        tr("%1 tokens").arg(NumberFormat::full(t.tokens.total(), locale)));
    m_cards[u"cost"_s]->setValue(
        NumberFormat::money(t.cost(), locale),
        t.unpricedMessages > 0 ? tr("%n unpriced message(s)", nullptr, int(t.unpricedMessages))
                               : QString());
    m_cards[u"messages"_s]->setValue(NumberFormat::compact(t.messages, locale), QString(),
                                     NumberFormat::full(t.messages, locale));
    m_cards[u"sessions"_s]->setValue(NumberFormat::full(t.sessions, locale));
    m_cards[u"activeDays"_s]->setValue(NumberFormat::full(s.activeDays, locale));
    m_cards[u"streak"_s]->setValue(tr("%n day(s)", nullptr, s.currentStreak),
                                   tr("Longest: %n day(s)", nullptr, s.longestStreak));
    const std::int64_t prompt = t.tokens.input + t.tokens.cacheWrite + t.tokens.cacheRead;
    m_cards[u"cache"_s]->setValue(
        NumberFormat::percent(t.cacheEfficiency(), locale),
        tr("%1 of %2 prompt tokens")
            .arg(NumberFormat::compact(t.tokens.cacheRead, locale),
                 NumberFormat::compact(prompt, locale)),
        tr("%1 of %2 prompt tokens were read from the cache rather than sent again.")
            .arg(NumberFormat::full(t.tokens.cacheRead, locale),
                 NumberFormat::full(prompt, locale)));
    m_heatmap->setDays(s.days, s.today, s.firstDayOfWeek);
    m_heatmap->setSelectedDay(s.filterDay);
    m_cost->setSnapshot(s);
    m_models->setModels(s.models);
    m_agents->setAgents(s.agents);
    m_sessions->setSessions(s.sessions);
    m_accounting->setAccounting(s.accounting, s.priceFile, s.priceFileError);
    if (empty) {
        statusBar()->clearMessage();
        return;
    }
    statusBar()->showMessage(tr("Today: %1 tokens · %2")
                                 .arg(NumberFormat::compact(s.todayTotals.tokens.total(), locale),
                                      NumberFormat::money(s.todayTotals.cost(), locale)));
}

void DashboardWindow::setOutbox(const QList<OutboxEntry> &entries,
                                const QList<RejectedBucket> &notSent)
{
    m_outbox->setEntries(entries);
    m_notSent->setRows(notSent);
    m_outboxPage->selectNewestIfNone();
}

void DashboardWindow::showOutboxEntry(const OutboxEntry &entry)
{
    m_outboxEntry = entry;
    m_outboxPage->showEntry(entry);
}

bool DashboardWindow::showTab(const QString &name)
{
    const int index = int(tabNames().indexOf(name));
    if (index < 0 || index >= m_tabs->count())
        return false;
    m_tabs->setCurrentIndex(index);
    return true;
}

QString DashboardWindow::currentTab() const
{
    return tabNames().value(m_tabs->currentIndex());
}

QString DashboardWindow::outboxBodyText() const
{
    return m_outboxPage->bodyText();
}

std::int64_t DashboardWindow::outboxShownId() const
{
    return m_outboxPage->shownId();
}

void DashboardWindow::exportAs(const QString &format)
{
    const QString suggested = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) +
        u"/tokentally-daily."_s + format;
    const QString filter = format == u"csv" ? tr("CSV files (*.csv)") : tr("JSON files (*.json)");
    const QString path = QFileDialog::getSaveFileName(this, tr("Export usage"), suggested, filter);
    if (!path.isEmpty())
        Q_EMIT exportRequested(path, format);
}

void DashboardWindow::showExportResult(const QString &path, bool ok, const QString &error)
{
    if (ok)
        statusBar()->showMessage(tr("Exported to %1").arg(path), 8000);
    else
        QMessageBox::warning(this, tr("Export failed"),
                             tr("Could not write %1: %2").arg(path, error));
}
