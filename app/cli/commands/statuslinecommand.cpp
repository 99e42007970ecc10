#include "statuslinecommand.h"

#include "cli/clicontext.h"
#include "core/clock.h"
#include "ledger/scanner.h"
#include "ledger/scanservice.h"
#include "models/numberformat.h"
#include "report/statusline.h"
#include "store/localstore.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

#include <cstdio>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

// Claude Code may call the statusline on every prompt: a store busy with a long
// write (the tray's first scan) must not hold the line up.
constexpr int BusyTimeoutMs = 150;
// Other agents' files change without the statusline knowing: a full scan at most
// this often keeps "today" honest without walking every tree on every prompt.
constexpr std::int64_t FullScanEveryMs = 10 * 60 * 1000;
constexpr qint64 MaxInput = 1 << 20;

QString money(const BucketTotals &t)
{
    return NumberFormat::money(StatuslineFigures::cost(t));
}

QString tokens(const BucketTotals &t)
{
    return NumberFormat::compact(t.tokens.total()) + u" tok"_s;
}

QString resetTime(std::int64_t resetsAt, std::int64_t nowMs)
{
    const QDateTime at = QDateTime::fromSecsSinceEpoch(resetsAt);
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(nowMs);
    if (at.date() == now.date())
        return at.toString(u"HH:mm"_s);
    return at.toString(u"ddd HH:mm"_s);
}

QString duration(std::int64_t seconds)
{
    const std::int64_t minutes = std::max<std::int64_t>(0, seconds) / 60;
    return minutes >= 60 ? u"%1h%2m"_s.arg(minutes / 60).arg(minutes % 60, 2, 10, QChar(u'0'))
                         : u"%1m"_s.arg(minutes);
}

QString limitText(const QString &name, const StatuslineInput::Limit &l, std::int64_t nowMs)
{
    QString text = name + u' ' + QString::number(l.usedPercent, 'f', 0) + u'%';
    if (l.resetsAt && *l.resetsAt * 1000 > nowMs)
        text += u" (resets "_s + resetTime(*l.resetsAt, nowMs) + u')';
    return text;
}

QString line(const StatuslineInput &in, const StatuslineFigures &f, std::int64_t nowMs)
{
    QStringList parts;
    if (!in.model.isEmpty())
        parts << in.model;
    if (f.session)
        parts << u"session %1, %2"_s.arg(tokens(*f.session), money(*f.session));
    else if (!in.sessionId.isEmpty())
        parts << u"session 0 tok"_s;
    parts << u"today %1, %2"_s.arg(tokens(f.today), money(f.today));
    if (f.block) {
        QString block = u"block "_s + money(f.block->totals);
        if (f.block->burnPerHour)
            block += u", "_s + NumberFormat::money(*f.block->burnPerHour) + u"/h"_s;
        block += u", "_s + duration(f.block->endSeconds - nowMs / 1000) + u" left"_s;
        parts << block;
    } else {
        parts << u"no block"_s;
    }
    QStringList limits;
    if (in.fiveHour)
        limits << limitText(u"5h"_s, *in.fiveHour, nowMs);
    if (in.sevenDay)
        limits << limitText(u"7d"_s, *in.sevenDay, nowMs);
    if (!limits.isEmpty())
        parts << limits.join(u", "_s);
    return parts.join(u" | "_s);
}

// The transcript and its sub-agents' files (<dir>/<session>/subagents/...),
// which count toward the session.
QStringList sessionFiles(const QString &transcript)
{
    QStringList files {transcript};
    const QFileInfo info(transcript);
    const QString folder = info.absolutePath() + u'/' + info.completeBaseName();
    if (!QFileInfo(folder).isDir())
        return files;
    QDirIterator it(folder, {u"*.jsonl"_s}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    return files;
}

} // namespace

QString StatuslineCommand::name() const
{
    return u"statusline"_s;
}

QString StatuslineCommand::summary() const
{
    return u"one line for Claude Code's statusLine (reads its JSON on stdin)"_s;
}

QString StatuslineCommand::description() const
{
    return u"Prints this session's tokens and cost, today's across all agents, the current "
           "5-hour block's cost and burn rate, and the quota windows Claude Code passed "
           "(rate_limits), which are kept in the store. The session's transcript is read "
           "first, so the line is never stale. In ~/.claude/settings.json: "
           "\"statusLine\": {\"type\": \"command\", \"command\": \"tokentally statusline\"}."_s;
}

int StatuslineCommand::run(CliContext &context)
{
    QTextStream &out = context.out();
    // A statusline must never print a stack of errors into the prompt: one
    // short line and exit 0, whatever happens.
    auto say = [&](const QString &text) {
        out << text << Qt::endl;
        return 0;
    };
    if (isatty(STDIN_FILENO))
        return say(u"TokenTally: pipe Claude Code's statusline JSON into this command"_s);
    QFile in;
    QByteArray json;
    if (in.open(stdin, QIODevice::ReadOnly))
        json = in.read(MaxInput);
    QString error;
    const auto input = StatuslineInput::parse(json, &error);
    if (!input)
        return say(u"TokenTally: "_s + error);

    LocalStore store;
    if (!store.open(context.storePath(), &error))
        return say(u"TokenTally: store unavailable"_s);
    store.database().setBusyTimeout(BusyTimeoutMs);
    const std::int64_t now = Clock::nowMs();

    // Fresh where it matters: the session's own files, every time; the rest of
    // the trees now and then. A busy store keeps what it has.
    ScanStats stats;
    const std::int64_t lastFull = store.meta(u"lastFullScanMs"_s).toLongLong();
    const auto env = context.sourceEnvironment();
    // A `scan --watch` serving the store has every change: nothing to read here.
    bool scanned = env &&
        ScanService::sync(store.path(), ScanService::fingerprint(*env, context.priceFilePath()),
                          BusyTimeoutMs * 4) == ScanService::SyncResult::Synced;
    if (!scanned && (now - lastFull > FullScanEveryMs || now < lastFull)) {
        scanned = context.scan(store, &stats, true);
        if (scanned)
            store.setMeta(u"lastFullScanMs"_s, QString::number(now));
    }
    if (!scanned && !input->transcriptPath.isEmpty())
        context.scanPaths(store, sessionFiles(input->transcriptPath), &stats, true);

    for (const auto &[window, limit] :
         {std::pair {u"5h"_s, input->fiveHour}, std::pair {u"7d"_s, input->sevenDay}}) {
        if (limit)
            store.setQuota({Agent::ClaudeCode, window, limit->usedPercent, limit->resetsAt, now,
                            QuotaObservation::SourceClaudeStatusline.toString()});
    }
    const StatuslineFigures figures =
        StatuslineFigures::compute(store, *input, now, QTimeZone::systemTimeZone());
    return say(line(*input, figures, now));
}
