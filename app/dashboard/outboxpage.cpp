#include "outboxpage.h"

#include "dashboard/tableview.h"
#include "models/notsentmodel.h"
#include "models/outboxmodel.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

OutboxPage::OutboxPage(OutboxModel *outbox, NotSentModel *notSent, QWidget *parent)
    : QWidget(parent)
    , m_outbox(outbox)
    , m_notSent(notSent)
    , m_empty(new QLabel)
    , m_summary(new QLabel)
    , m_pretty(new QCheckBox(tr("Indent")))
    , m_copy(new QPushButton(tr("Copy body")))
    , m_body(new QPlainTextEdit)
    , m_answer(new QLabel)
    , m_notSentTitle(new QLabel)
{
    setObjectName(u"outboxPage"_s);
    auto *intro = new QLabel(
        tr("Every body this computer sent to a sync server, byte for byte. Only hourly totals "
           "per agent and model leave: no prompts, code, paths, project names or session ids."));
    intro->setWordWrap(true);

    m_table = makeTableView(m_outbox, OutboxModel::SortRole, this);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setObjectName(u"outboxTable"_s);
    m_table->sortByColumn(OutboxModel::SentColumn, Qt::DescendingOrder);
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(OutboxModel::DaysColumn, QHeaderView::Stretch);
    // One server for almost everyone: its column only repeats the account page.
    m_table->setColumnHidden(OutboxModel::ServerColumn, true);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &OutboxPage::onSelectionChanged);
    m_empty->setText(tr("Nothing has left this computer yet. Bodies appear here as they are "
                        "sent (Submit now, or Auto-submit once signed in)."));
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);

    m_summary->setObjectName(u"outboxSummary"_s);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setWordWrap(true);
    m_pretty->setToolTip(tr("Indent the JSON to read it. Unticked, the text is the exact bytes "
                            "that were signed and sent."));
    connect(m_pretty, &QCheckBox::toggled, this, &OutboxPage::render);
    m_copy->setToolTip(tr("Copies the exact bytes sent"));
    connect(m_copy, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(QString::fromUtf8(m_entry.body)); });
    m_body->setObjectName(u"outboxBody"_s);
    m_body->setReadOnly(true);
    m_body->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_body->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_body->setWordWrapMode(QTextOption::WrapAnywhere);
    m_answer->setObjectName(u"outboxAnswer"_s);
    m_answer->setWordWrap(true);
    m_answer->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *detail = new QWidget;
    auto *detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    auto *detailHead = new QHBoxLayout;
    detailHead->addWidget(m_summary, 1);
    detailHead->addWidget(m_pretty);
    detailHead->addWidget(m_copy);
    detailLayout->addLayout(detailHead);
    // The answer above the body: short, and it must not scroll out of sight.
    detailLayout->addWidget(m_answer);
    detailLayout->addWidget(m_body, 1);

    m_notSentBox = new QWidget;
    auto *notSentLayout = new QVBoxLayout(m_notSentBox);
    notSentLayout->setContentsMargins(0, 0, 0, 0);
    QTableView *notSentView = makeTableView(m_notSent, NotSentModel::SortRole, m_notSentBox);
    notSentView->setObjectName(u"notSentTable"_s);
    notSentView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    notSentView->horizontalHeader()->setSectionResizeMode(NotSentModel::ReasonColumn,
                                                          QHeaderView::Stretch);
    notSentLayout->addWidget(m_notSentTitle);
    notSentLayout->addWidget(notSentView);

    m_split = new QSplitter(Qt::Vertical);
    m_split->setChildrenCollapsible(false);
    m_split->addWidget(m_table);
    m_split->addWidget(detail);
    m_split->addWidget(m_notSentBox);
    m_split->setStretchFactor(0, 1);
    m_split->setStretchFactor(1, 4);
    m_split->setStretchFactor(2, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_empty, 1);
    layout->addWidget(m_split, 1);
    for (QAbstractItemModel *m : {static_cast<QAbstractItemModel *>(m_outbox),
                                  static_cast<QAbstractItemModel *>(m_notSent)}) {
        connect(m, &QAbstractItemModel::modelReset, this, &OutboxPage::updateEmptyState);
        connect(m, &QAbstractItemModel::rowsInserted, this, &OutboxPage::updateEmptyState);
    }
    updateEmptyState();
    render();
}

void OutboxPage::updateEmptyState()
{
    const bool none = m_outbox->rowCount() == 0 && m_notSent->rowCount() == 0;
    m_empty->setVisible(none);
    m_split->setVisible(!none);
    m_notSentBox->setVisible(m_notSent->rowCount() > 0);
    m_notSentTitle->setText(tr("Hourly rows not sent (%1): held back here or refused by the "
                               "server, and never retried by themselves")
                                .arg(m_notSent->rowCount()));
}

void OutboxPage::selectNewestIfNone()
{
    updateEmptyState();
    if (m_table->selectionModel()->hasSelection() || m_table->model()->rowCount() == 0)
        return;
    m_table->selectRow(0);
}

void OutboxPage::onSelectionChanged()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    const qint64 id = rows.first().data(OutboxModel::IdRole).toLongLong();
    if (id == m_entry.id)
        return;
    m_entry = OutboxEntry();
    m_entry.id = id;
    render();
    Q_EMIT entryRequested(id);
}

void OutboxPage::showEntry(const OutboxEntry &entry)
{
    if (entry.id != m_entry.id)
        return;
    m_entry = entry;
    render();
}

QString OutboxPage::bodyText() const
{
    return m_body->toPlainText();
}

void OutboxPage::render()
{
    const bool loaded = m_entry.id != 0 && !m_entry.body.isEmpty();
    m_copy->setEnabled(loaded);
    m_pretty->setEnabled(loaded);
    if (!loaded) {
        m_summary->setText(m_entry.id ? tr("Loading…") : tr("Select a body to see it."));
        m_body->clear();
        m_answer->clear();
        return;
    }
    const OutboxEntry &e = m_entry;
    m_summary->setText(tr("Body %1 · %2 bytes · SHA-256 %3 · %4")
                           .arg(e.seq)
                           .arg(e.body.size())
                           .arg(e.bodyHash.left(16) + u"…"_s, OutboxModel::stateText(e.state)));
    const QByteArray text = m_pretty->isChecked()
        ? QJsonDocument::fromJson(e.body).toJson(QJsonDocument::Indented)
        : e.body;
    m_body->setPlainText(QString::fromUtf8(text));
    m_answer->setText(e.httpStatus > 0
                          ? tr("Server's answer (HTTP %1): %2").arg(e.httpStatus).arg(e.answer)
                          : tr("No answer from the server: %1")
                                .arg(e.answer.isEmpty() ? tr("none recorded") : e.answer));
}
