#include "accountingmodel.h"

#include "models/numberformat.h"

#include <QLocale>

using namespace Qt::StringLiterals;

AccountingModel::AccountingModel(QObject *parent)
    : SnapshotTableModel(parent)
{
}

QString AccountingModel::dropLabel(DropReason reason) const
{
    switch (reason) {
    case DropReason::ClaudeDuplicate:
        return tr("Duplicates dropped: Claude repeated message");
    case DropReason::ClaudeSidechainReplay:
        return tr("Duplicates dropped: Claude sub-agent replay");
    case DropReason::ClaudeProgressMirror:
        return tr("Duplicates dropped: Claude progress mirror");
    case DropReason::CodexReemit:
        return tr("Duplicates dropped: Codex re-emitted total");
    case DropReason::CodexStale:
        return tr("Duplicates dropped: Codex stale total");
    case DropReason::CodexCopied:
        return tr("Duplicates dropped: Codex copied event");
    case DropReason::CodexSubagentReplay:
        return tr("Duplicates dropped: Codex sub-agent replay");
    case DropReason::OpenCodeDuplicate:
        return tr("Duplicates dropped: OpenCode copy");
    case DropReason::ZeroUsage:
        return tr("Not counted: zero-token calls");
    case DropReason::FutureTimestamp:
        return tr("Not counted: dated more than a day ahead");
    case DropReason::GeminiDuplicate:
        return tr("Duplicates dropped: Gemini CLI repeated or resumed message");
    case DropReason::QwenBranchCopy:
        return tr("Duplicates dropped: Qwen Code /branch copy");
    case DropReason::QwenDuplicate:
        return tr("Duplicates dropped: Qwen Code repeated record");
    case DropReason::AmpLedgerDuplicate:
        return tr("Duplicates dropped: Amp ledger event of a counted message");
    case DropReason::AmpCopied:
        return tr("Duplicates dropped: Amp thread copy");
    case DropReason::DroidStaleCopy:
        return tr("Duplicates dropped: Droid stale session copy");
    case DropReason::DroidCounterRegress:
        return tr("Not counted: Droid counters below what was counted");
    case DropReason::KimiSubagentMirror:
        return tr("Duplicates dropped: Kimi CLI sub-agent mirror");
    case DropReason::KimiForkCopy:
        return tr("Duplicates dropped: Kimi CLI fork copy");
    }
    return dropReasonId(reason);
}

QString AccountingModel::malformedLabel(MalformedReason reason) const
{
    switch (reason) {
    case MalformedReason::NotJson:
        return tr("Malformed: not JSON");
    case MalformedReason::BadTimestamp:
        return tr("Malformed: unreadable timestamp");
    case MalformedReason::NegativeCount:
        return tr("Malformed: negative token count");
    case MalformedReason::FractionalCount:
        return tr("Malformed: fractional token count");
    case MalformedReason::CountTooLarge:
        return tr("Malformed: token count above 2^53");
    case MalformedReason::NonNumericCount:
        return tr("Malformed: token count not a number");
    case MalformedReason::NullCount:
        return tr("Malformed: token count null");
    }
    return malformedReasonId(reason);
}

void AccountingModel::setAccounting(const AccountingStats &a, const QString &priceFile,
                                    const QString &priceFileError)
{
    const QLocale locale;
    std::vector<Item> rows;
    auto number = [&](const QString &key, const QString &label, std::int64_t v) {
        rows.push_back({key, label, qlonglong(v), NumberFormat::full(v, locale)});
    };
    number(u"files"_s, tr("Files tracked"), a.files);
    number(u"deletedFiles"_s, tr("Files deleted by the agents (history kept)"), a.deletedFiles);
    rows.push_back({u"bytesRead"_s, tr("Bytes read"), qlonglong(a.bytesRead),
                    locale.formattedDataSize(a.bytesRead)});
    number(u"linesRead"_s, tr("Lines read"), a.linesRead);
    number(u"records"_s, tr("Usage events seen"), a.records);
    number(u"messages"_s, tr("Events counted"), a.messages);
    for (int i = 0; i < DropReasonCount; ++i) {
        const auto reason = DropReason(i);
        number(u"dropped."_s + dropReasonId(reason), dropLabel(reason), a.drops[reason]);
    }
    number(u"malformedLines"_s, tr("Malformed lines"), a.malformedLines);
    for (int i = 0; i < MalformedReasonCount; ++i) {
        const auto reason = MalformedReason(i);
        number(u"malformed."_s + malformedReasonId(reason), malformedLabel(reason),
               a.malformed[reason]);
    }
    rows.push_back({u"pendingBytes"_s, tr("Bytes waiting for a complete line"),
                    qlonglong(a.pendingBytes), locale.formattedDataSize(a.pendingBytes)});
    const QString unpriced =
        a.unpricedModels.isEmpty() ? tr("none") : a.unpricedModels.join(u", "_s);
    rows.push_back({u"unpricedModels"_s, tr("Unpriced models"), a.unpricedModels, unpriced});
    rows.push_back({u"priceTable"_s, tr("Price table"), a.priceTableVersion, a.priceTableVersion});
    const QString file = priceFile.isEmpty() ? tr("none (bundled prices)") : priceFile;
    rows.push_back({u"priceFile"_s, tr("Price file"), priceFile, file});
    if (!priceFileError.isEmpty())
        rows.push_back({u"priceFileError"_s, tr("Price file error (bundled prices used)"),
                        priceFileError, priceFileError});
    updateRows(
        m_rows, std::move(rows), [](const Item &i) { return i.key; },
        [](const Item &x, const Item &y) { return x.display == y.display && x.label == y.label; });
}

int AccountingModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AccountingModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AccountingModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Item &item = m_rows[size_t(index.row())];
    switch (role) {
    case KeyRole:
        return item.key;
    case RawValueRole:
        return item.value;
    case Qt::DisplayRole:
        return index.column() == ItemColumn ? item.label : item.display;
    case Qt::ToolTipRole:
        return index.column() == ValueColumn ? QVariant(item.display) : QVariant();
    case Qt::TextAlignmentRole:
        if (index.column() == ValueColumn && item.value.userType() == QMetaType::LongLong)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    }
    return {};
}

QVariant AccountingModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == ItemColumn ? tr("Item") : tr("Value");
}
