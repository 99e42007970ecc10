#include "statuscommand.h"

#include "cli/clicontext.h"
#include "cli/syncsession.h"
#include "ledger/scanner.h"
#include "wire/wirecodec.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

QString StatusCommand::name() const
{
    return u"status"_s;
}

QString StatusCommand::summary() const
{
    return u"show the sync account, the last submit and the days waiting to be sent "
           "(scans first; no network)"_s;
}

QList<QCommandLineOption> StatusCommand::options() const
{
    return {QCommandLineOption(u"json"_s, u"Print JSON."_s),
            QCommandLineOption(u"no-scan"_s, u"Do not scan first (days pending may be stale)."_s)};
}

int StatusCommand::run(CliContext &context)
{
    if (!context.arguments().isEmpty())
        return context.usageError(u"status takes no arguments"_s);
    if (!context.validateScanOptions())
        return 2;
    SyncSession session(context);
    if (!session.open())
        return 1;
    SyncStore store(session.store());
    // Days pending compare the local totals with the server's: scan so they are current.
    if (store.account() && !context.isSet(u"no-scan"_s)) {
        ScanStats stats;
        if (!context.scan(session.store(), &stats))
            return 1;
    }
    const auto account = store.account();
    const std::int64_t now = QDateTime::currentMSecsSinceEpoch();
    const SyncClient::Outlook outlook =
        account ? session.client().outlook(now / 1000) : SyncClient::Outlook();
    const int pending = outlook.pendingDays;
    QTextStream &out = context.out();
    if (context.isSet(u"json"_s)) {
        QJsonObject o {{u"signedIn"_s, bool(account)}};
        if (account) {
            o.insert(u"server"_s, account->server);
            o.insert(u"username"_s, account->username);
            o.insert(u"deviceId"_s, account->deviceId);
            o.insert(u"visibility"_s, account->visibility);
            o.insert(u"signedOut"_s, account->signedOut);
            o.insert(u"seq"_s, qint64(account->seq));
            o.insert(u"lastSubmit"_s, CliContext::isoTime(account->lastAttemptMs));
            o.insert(u"lastResult"_s, account->lastResult);
            o.insert(u"lastSuccess"_s, CliContext::isoTime(account->lastSuccessMs));
            o.insert(u"lastError"_s, account->lastError);
            o.insert(u"daysPending"_s, pending);
            QJsonArray notSent;
            for (const RejectedBucket &r : outlook.notSent)
                notSent.append(QJsonObject {{u"hour"_s, WireCodec::formatHour(r.key.hour)},
                                            {u"agent"_s, r.key.agent},
                                            {u"model"_s, r.key.model},
                                            {u"reason"_s, r.reason}});
            o.insert(u"notSent"_s, notSent);
            o.insert(u"profileUrl"_s, account->profileUrl());
        }
        out << QJsonDocument(o).toJson(QJsonDocument::Indented);
        return 0;
    }
    if (!account) {
        out << "Not signed in. Nothing is ever sent until you sign in (`tokentally login`) and "
               "submit."
            << Qt::endl;
        return 0;
    }
    out << "Server:      " << account->server << '\n'
        << "User:        " << account->username
        << (account->signedOut ? "  (signed out by the server: sign in again)" : "") << '\n'
        << "Device:      " << account->deviceId << '\n'
        << "Visibility:  " << account->visibility << "  (" << account->profileUrl() << ")\n"
        << "Last submit: "
        << (account->lastAttemptMs
                ? CliContext::isoTime(account->lastAttemptMs) + u"  "_s + account->lastResult
                : u"never"_s)
        << '\n'
        << "Days pending: " << pending << '\n';
    for (const RejectedBucket &r : outlook.notSent)
        out << "Not sent:    " << WireCodec::formatHour(r.key.hour) << ' ' << r.key.agent << ' '
            << r.key.model << ": " << r.reason << '\n';
    if (!account->lastError.isEmpty())
        out << "Last error:  " << account->lastError << '\n';
    out.flush();
    return 0;
}
