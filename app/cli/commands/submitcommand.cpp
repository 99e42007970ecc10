#include "submitcommand.h"

#include "cli/clicontext.h"
#include "cli/syncsession.h"
#include "ledger/scanner.h"
#include "wire/wirecodec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

constexpr int MaxRateLimitWaits = 10;
constexpr int MaxRateLimitWaitSeconds = 120;

} // namespace

QString SubmitCommand::name() const
{
    return u"submit"_s;
}

QString SubmitCommand::summary() const
{
    return u"send the hourly totals of changed days to the server (scans first)"_s;
}

QString SubmitCommand::description() const
{
    return u"Only hourly aggregates leave the machine: per UTC hour, agent and model the token "
           "counts, messages and sessions, under this device's random id, signed with its key. "
           "No prompts, paths, project names, session ids or host names. Only days whose "
           "checksum differs from the server's are sent. Every body sent is kept in the outbox "
           "(`tokentally outbox`). --dry-run prints the exact bodies, one per line, and sends "
           "nothing. --json prints {\"bodiesSent\",\"bucketsSent\",\"daysSent\",\"rejected\":"
           "[{\"hour\",\"agent\",\"model\",\"reason\"}]}."_s;
}

QList<QCommandLineOption> SubmitCommand::options() const
{
    return {
        QCommandLineOption(u"dry-run"_s, u"Print the exact bodies; send nothing."_s),
        QCommandLineOption(u"json"_s, u"Print the result as JSON."_s),
        QCommandLineOption(u"no-scan"_s, u"Do not scan first."_s),
    };
}

int SubmitCommand::run(CliContext &context)
{
    if (!context.arguments().isEmpty())
        return context.usageError(u"submit takes no arguments"_s);
    if (!context.validateScanOptions())
        return 2;
    SyncSession session(context);
    if (!session.open())
        return 1;
    if (!context.isSet(u"no-scan"_s)) {
        ScanStats stats;
        if (!context.scan(session.store(), &stats))
            return 1;
    }
    const bool dryRun = context.isSet(u"dry-run"_s);
    SubmitResult result;
    // A large backfill can meet the server's per-token write limit: wait as
    // its Retry-After says (when short) and go on, as a user would.
    for (int attempt = 0;; ++attempt) {
        SubmitResult step;
        session.wait([&](std::function<void()> finish) {
            session.client().submit(dryRun, [&step, finish](const SubmitResult &r) {
                step = r;
                finish();
            });
        });
        const SubmitResult before = result;
        result = step;
        result.bodiesSent += before.bodiesSent;
        result.bucketsSent += before.bucketsSent;
        result.daysSent += before.daysSent;
        if (result.outcome == SubmitResult::Outcome::NothingToSend && result.bodiesSent > 0)
            result.outcome = SubmitResult::Outcome::Sent;
        if (step.outcome != SubmitResult::Outcome::RateLimited || attempt >= MaxRateLimitWaits ||
            step.retryAfterSeconds < 0 || step.retryAfterSeconds > MaxRateLimitWaitSeconds)
            break;
        context.err() << "tokentally: the server asks to wait " << step.retryAfterSeconds
                      << " s (rate limit); waiting" << Qt::endl;
        QThread::sleep(unsigned(std::max(1, step.retryAfterSeconds)));
    }
    QTextStream &out = context.out();
    if (dryRun && result.ok()) {
        for (const QByteArray &body : std::as_const(result.dryRunBodies))
            out << QString::fromUtf8(body) << '\n';
        out.flush();
        if (result.dryRunBodies.isEmpty())
            context.err() << "tokentally: nothing to send" << Qt::endl;
        return 0;
    }
    if (context.isSet(u"json"_s)) {
        QJsonArray rejected;
        for (const RejectedBucket &r : std::as_const(result.rejected))
            rejected.append(QJsonObject {{u"hour"_s, WireCodec::formatHour(r.key.hour)},
                                         {u"agent"_s, r.key.agent},
                                         {u"model"_s, r.key.model},
                                         {u"reason"_s, r.reason}});
        QJsonObject o {{u"result"_s, SubmitResult::outcomeName(result.outcome)},
                       {u"bodiesSent"_s, result.bodiesSent},
                       {u"bucketsSent"_s, result.bucketsSent},
                       {u"daysSent"_s, result.daysSent},
                       {u"rejected"_s, rejected}};
        if (!result.error.isEmpty())
            o.insert(u"error"_s, result.error);
        if (result.retryAfterSeconds >= 0)
            o.insert(u"retryAfterSeconds"_s, result.retryAfterSeconds);
        out << QJsonDocument(o).toJson(QJsonDocument::Compact) << Qt::endl;
    } else {
        if (result.outcome == SubmitResult::Outcome::NothingToSend)
            out << "Nothing to send: the server holds exactly your local totals." << Qt::endl;
        else if (result.bodiesSent > 0)
            out << "Sent " << result.bodiesSent
                << (result.bodiesSent == 1 ? " body (" : " bodies (") << result.bucketsSent
                << " hourly buckets, " << result.daysSent << " days)." << Qt::endl;
        for (const RejectedBucket &r : std::as_const(result.rejected))
            out << "Not sent: " << WireCodec::formatHour(r.key.hour) << ' ' << r.key.agent << ' '
                << r.key.model << ": " << r.reason << Qt::endl;
    }
    if (!result.ok()) {
        QString message = u"submit failed ("_s + SubmitResult::outcomeName(result.outcome) + u")"_s;
        if (!result.error.isEmpty())
            message += u": "_s + result.error;
        if (result.retryAfterSeconds >= 0)
            message += u"; retry in %1 s"_s.arg(result.retryAfterSeconds);
        return context.failure(message);
    }
    return 0;
}
