#include "outboxcommand.h"

#include "cli/clicontext.h"
#include "cli/syncsession.h"
#include "wire/wirecodec.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

QString OutboxCommand::name() const
{
    return u"outbox"_s;
}

QString OutboxCommand::summary() const
{
    return u"list every body sent to the server, with its answer (what left this machine)"_s;
}

QList<QCommandLineOption> OutboxCommand::options() const
{
    return {
        QCommandLineOption(u"json"_s, u"Print JSON, each body as its exact text."_s),
        QCommandLineOption(u"show"_s, u"Print the exact body of entry ID."_s, u"id"_s),
        QCommandLineOption(u"limit"_s, u"Only the newest N entries."_s, u"n"_s),
    };
}

int OutboxCommand::run(CliContext &context)
{
    if (!context.arguments().isEmpty())
        return context.usageError(u"outbox takes no arguments"_s);
    int limit = 0;
    if (context.isSet(u"limit"_s)) {
        bool ok = false;
        limit = context.value(u"limit"_s).toInt(&ok);
        if (!ok || limit < 1)
            return context.usageError(u"--limit wants a positive number"_s);
    }
    SyncSession session(context);
    if (!session.open())
        return 1;
    SyncStore store(session.store());
    QTextStream &out = context.out();
    if (context.isSet(u"show"_s)) {
        bool ok = false;
        const qint64 id = context.value(u"show"_s).toLongLong(&ok);
        const auto entry = ok ? store.outboxEntry(id) : std::nullopt;
        if (!entry)
            return context.usageError(u"no outbox entry "_s + context.value(u"show"_s));
        out << QString::fromUtf8(entry->body) << Qt::endl;
        return 0;
    }
    const bool json = context.isSet(u"json"_s);
    const QList<OutboxEntry> entries = store.outbox(limit, json);
    if (json) {
        QJsonArray list;
        for (const OutboxEntry &e : entries)
            list.append(QJsonObject {{u"id"_s, qint64(e.id)},
                                     {u"created"_s, CliContext::isoTime(e.createdMs)},
                                     {u"answered"_s, CliContext::isoTime(e.answeredMs)},
                                     {u"server"_s, e.server},
                                     {u"deviceId"_s, e.deviceId},
                                     {u"seq"_s, qint64(e.seq)},
                                     {u"state"_s, OutboxEntry::stateName(e.state)},
                                     {u"httpStatus"_s, e.httpStatus},
                                     {u"buckets"_s, e.buckets},
                                     {u"days"_s, e.days},
                                     {u"bodySha256"_s, e.bodyHash},
                                     {u"body"_s, QString::fromUtf8(e.body)},
                                     {u"answer"_s, e.answer}});
        QJsonArray refused;
        for (const RejectedBucket &r : store.refusedRows())
            refused.append(QJsonObject {{u"hour"_s, WireCodec::formatHour(r.key.hour)},
                                        {u"agent"_s, r.key.agent},
                                        {u"model"_s, r.key.model},
                                        {u"reason"_s, r.reason}});
        out << QJsonDocument(QJsonObject {{u"entries"_s, list}, {u"refused"_s, refused}})
                   .toJson(QJsonDocument::Indented);
        return 0;
    }
    if (entries.isEmpty()) {
        out << "The outbox is empty: nothing has left this machine." << Qt::endl;
        return 0;
    }
    out << "   id  sent (UTC)            seq  state        HTTP  buckets  days\n";
    for (const OutboxEntry &e : entries) {
        QString days = e.days;
        if (days.count(u',') > 1)
            days = days.section(u',', 0, 0) + u" … "_s + days.section(u',', -1) +
                u" (%1)"_s.arg(days.count(u',') + 1);
        out << QString::number(e.id).rightJustified(5) << "  "
            << CliContext::isoTime(e.createdMs).leftJustified(20) << ' '
            << QString::number(e.seq).rightJustified(4) << "  "
            << OutboxEntry::stateName(e.state).leftJustified(11) << ' '
            << (e.httpStatus ? QString::number(e.httpStatus) : u"-"_s).rightJustified(4) << "  "
            << QString::number(e.buckets).rightJustified(7) << "  " << days << '\n';
    }
    const auto refused = store.refusedRows();
    for (const RejectedBucket &r : refused)
        out << "refused: " << WireCodec::formatHour(r.key.hour) << ' ' << r.key.agent << ' '
            << r.key.model << ": " << r.reason << '\n';
    out << "`tokentally outbox --show ID` prints a body exactly as sent." << Qt::endl;
    return 0;
}
