#include "reportformatter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace {

QStringList keyColumns(const Report &report)
{
    QStringList keys;
    switch (report.query.kind) {
    case ReportKind::Daily:
        keys << u"date"_s;
        break;
    case ReportKind::Weekly:
        keys << u"week"_s;
        break;
    case ReportKind::Monthly:
        keys << u"month"_s;
        break;
    case ReportKind::Session:
        keys << u"session"_s << u"agent"_s;
        break;
    case ReportKind::Model:
        keys << u"model"_s;
        break;
    case ReportKind::Agent:
        keys << u"agent"_s;
        break;
    }
    if (report.query.breakdown) {
        if (!keys.contains(u"agent"_s))
            keys << u"agent"_s;
        if (!keys.contains(u"model"_s))
            keys << u"model"_s;
    }
    return keys;
}

QString keyValue(const ReportRow &row, const QString &key)
{
    if (key == u"date")
        return row.date;
    if (key == u"week")
        return row.week;
    if (key == u"month")
        return row.month;
    if (key == u"session")
        return row.session;
    if (key == u"agent")
        return row.agent;
    if (key == u"model")
        return row.model;
    return {};
}

QString csvField(const QString &s)
{
    if (s.contains(u',') || s.contains(u'"') || s.contains(u'\n'))
        return u'"' + QString(s).replace(u"\""_s, u"\"\""_s) + u'"';
    return s;
}

} // namespace

QJsonObject ReportFormatter::rowObject(const ReportRow &row, const Report &report, bool withKeys)
{
    QJsonObject o;
    if (withKeys) {
        for (const QString &k : keyColumns(report))
            o.insert(k, keyValue(row, k));
        if (report.query.kind == ReportKind::Session) {
            o.insert(u"models"_s, QJsonArray::fromStringList(row.models));
            o.insert(u"lastActivity"_s, row.lastActivity.toString(Qt::ISODate));
        }
    }
    o.insert(u"inputTokens"_s, qint64(row.tokens.input));
    o.insert(u"outputTokens"_s, qint64(row.tokens.output));
    o.insert(u"cacheReadTokens"_s, qint64(row.tokens.cacheRead));
    o.insert(u"cacheWriteTokens"_s, qint64(row.tokens.cacheWrite));
    o.insert(u"reasoningTokens"_s, qint64(row.tokens.reasoning));
    o.insert(u"totalTokens"_s, qint64(row.tokens.total()));
    o.insert(u"messages"_s, qint64(row.messages));
    o.insert(u"sessions"_s, qint64(row.sessions));
    o.insert(u"costUSD"_s, row.cost ? QJsonValue(*row.cost) : QJsonValue(QJsonValue::Null));
    return o;
}

QByteArray ReportFormatter::json(const Report &report)
{
    QJsonArray rows;
    for (const ReportRow &r : report.rows)
        rows.append(rowObject(r, report, true));
    QJsonObject root;
    root.insert(u"rows"_s, rows);
    root.insert(u"totals"_s, rowObject(report.totals, report, false));
    root.insert(u"unpricedModels"_s, QJsonArray::fromStringList(report.unpricedModels));
    if (report.skipped)
        root.insert(u"skipped"_s, skippedObject(*report.skipped));
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QByteArray ReportFormatter::csv(const Report &report)
{
    const QStringList keys = keyColumns(report);
    QString out = keys.join(u',');
    out += u",inputTokens,outputTokens,cacheReadTokens,cacheWriteTokens,reasoningTokens,"
           u"totalTokens,messages,sessions,costUSD\n"_s;
    for (const ReportRow &r : report.rows) {
        QStringList f;
        for (const QString &k : keys)
            f << csvField(keyValue(r, k));
        f << QString::number(r.tokens.input) << QString::number(r.tokens.output)
          << QString::number(r.tokens.cacheRead) << QString::number(r.tokens.cacheWrite)
          << QString::number(r.tokens.reasoning) << QString::number(r.tokens.total())
          << QString::number(r.messages) << QString::number(r.sessions)
          << (r.cost ? QString::number(*r.cost, 'f', 6) : QString());
        out += f.join(u',') + u'\n';
    }
    return out.toUtf8();
}

QString ReportFormatter::grouped(std::int64_t n)
{
    QString digits = QString::number(n < 0 ? -n : n);
    for (qsizetype i = digits.size() - 3; i > 0; i -= 3)
        digits.insert(i, u',');
    return n < 0 ? u'-' + digits : digits;
}

QString ReportFormatter::money(const std::optional<double> &usd)
{
    if (!usd)
        return u"unpriced"_s;
    if (*usd > 0 && *usd < 0.005)
        return u"<$0.01"_s;
    const QString fixed = QString::number(*usd, 'f', 2);
    const qsizetype dot = fixed.indexOf(u'.');
    return u'$' + grouped(fixed.left(dot).toLongLong()) + fixed.mid(dot);
}

QString ReportFormatter::table(const Report &report)
{
    const QStringList keys = keyColumns(report);
    QStringList header;
    for (const QString &k : keys)
        header << (k.left(1).toUpper() + k.mid(1));
    header << u"Input"_s << u"Output"_s << u"Cache write"_s << u"Cache read"_s << u"Total"_s
           << u"Msgs"_s << u"Sessions"_s << u"Cost"_s;
    QList<QStringList> lines;
    auto numbers = [](const ReportRow &r) {
        return QStringList {grouped(r.tokens.input),      grouped(r.tokens.output),
                            grouped(r.tokens.cacheWrite), grouped(r.tokens.cacheRead),
                            grouped(r.tokens.total()),    grouped(r.messages),
                            grouped(r.sessions),          money(r.cost)};
    };
    for (const ReportRow &r : report.rows) {
        QStringList l;
        for (const QString &k : keys)
            l << keyValue(r, k);
        lines << l + numbers(r);
    }
    QStringList totalLine;
    for (qsizetype i = 0; i < keys.size(); ++i)
        totalLine << (i == 0 ? u"Total"_s : QString());
    totalLine += numbers(report.totals);

    QList<qsizetype> widths(header.size(), 0);
    for (const QStringList &l : lines + QList<QStringList> {header, totalLine})
        for (qsizetype i = 0; i < l.size(); ++i)
            widths[i] = std::max(widths[i], l[i].size());
    auto render = [&](const QStringList &l) {
        QString s;
        for (qsizetype i = 0; i < l.size(); ++i) {
            const bool numeric = i >= keys.size();
            s += (numeric ? l[i].rightJustified(widths[i]) : l[i].leftJustified(widths[i]));
            if (i + 1 < l.size())
                s += u"  "_s;
        }
        if (s.trimmed().isEmpty())
            return s;
        // Trailing blanks only; a regular expression per line cost a warm report 3%.
        qsizetype end = s.size();
        while (end > 0 && s.at(end - 1).isSpace())
            --end;
        s.truncate(end);
        return s;
    };
    QString out;
    const QString title = u"TokenTally %1 report (%2)"_s.arg(
        ReportQuery::kindName(report.query.kind),
        report.query.timeZone.id().isEmpty() ? u"local"_s
                                             : QString::fromUtf8(report.query.timeZone.id()));
    out += title + u'\n';
    out += render(header) + u'\n';
    qsizetype totalWidth = 0;
    for (qsizetype w : widths)
        totalWidth += w + 2;
    out += QString(totalWidth - 2, u'-') + u'\n';
    for (const QStringList &l : lines)
        out += render(l) + u'\n';
    out += QString(totalWidth - 2, u'-') + u'\n';
    out += render(totalLine) + u'\n';
    if (report.rows.empty())
        out += u"(no usage in this range)\n"_s;
    if (!report.unpricedModels.isEmpty())
        out += u"Unpriced models (tokens counted, no cost): %1\n"_s.arg(
            report.unpricedModels.join(u", "_s));
    out += u"Output tokens from Claude Code logs are a lower bound (streaming snapshots).\n"_s;
    if (report.skipped && !report.skipped->isEmpty())
        out += skippedLine(*report.skipped) + u'\n';
    return out;
}

QString ReportFormatter::skippedLine(const SkippedInput &skipped)
{
    if (skipped.isEmpty())
        return u"Skipped: nothing (no malformed lines, no future-dated records)."_s;
    QStringList parts;
    const std::int64_t malformed = skipped.malformed.total();
    if (malformed > 0) {
        QStringList reasons;
        for (int i = 0; i < MalformedReasonCount; ++i) {
            if (const std::int64_t n = skipped.malformed.byReason[size_t(i)])
                reasons << malformedReasonId(MalformedReason(i)) + u' ' + grouped(n);
        }
        parts << u"%1 malformed %2 (%3)"_s.arg(
            grouped(malformed), malformed == 1 ? u"line"_s : u"lines"_s, reasons.join(u", "_s));
    }
    if (skipped.futureRecords > 0)
        parts << u"%1 future-dated %2 (future-timestamp)"_s.arg(
            grouped(skipped.futureRecords),
            skipped.futureRecords == 1 ? u"record"_s : u"records"_s);
    return u"Skipped, not counted: "_s + parts.join(u"; "_s) + u'.';
}

QJsonObject ReportFormatter::skippedObject(const SkippedInput &skipped)
{
    QJsonObject malformed;
    for (int i = 0; i < MalformedReasonCount; ++i)
        malformed.insert(malformedReasonId(MalformedReason(i)),
                         qint64(skipped.malformed.byReason[size_t(i)]));
    QJsonObject o;
    o.insert(u"malformedLines"_s, qint64(skipped.malformed.total()));
    o.insert(u"malformed"_s, malformed);
    o.insert(u"futureTimestamp"_s, qint64(skipped.futureRecords));
    return o;
}
