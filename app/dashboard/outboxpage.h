#pragma once

#include "sync/outboxentry.h"

#include <QWidget>

class NotSentModel;
class OutboxModel;
class QCheckBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QSplitter;
class QTableView;

// The dashboard's "What left this machine" tab: the outbox (every body sent,
// newest first), the selected body's exact bytes and the server's answer, and
// the rows not sent with why. Bodies are loaded by the sync worker on request.
class OutboxPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OutboxPage)

public:
    OutboxPage(OutboxModel *outbox, NotSentModel *notSent, QWidget *parent = nullptr);

    // The body and answer of the selected entry (ignored if another is selected now).
    void showEntry(const OutboxEntry &entry);
    // The entry shown, or 0.
    std::int64_t shownId() const { return m_entry.id; }
    // Selects the newest entry when nothing is selected (after the outbox loads).
    void selectNewestIfNone();
    // The bytes in the body view (for tests: they must be the bytes sent).
    QString bodyText() const;

Q_SIGNALS:
    void entryRequested(qint64 id);

private:
    void onSelectionChanged();
    void render();
    void updateEmptyState();

    OutboxModel *m_outbox;
    NotSentModel *m_notSent;
    QTableView *m_table;
    QSplitter *m_split;
    QLabel *m_empty;
    QLabel *m_summary;
    QCheckBox *m_pretty;
    QPushButton *m_copy;
    QPlainTextEdit *m_body;
    QLabel *m_answer;
    QWidget *m_notSentBox;
    QLabel *m_notSentTitle;
    OutboxEntry m_entry;
};
