#include "report.h"

#include "core/hash64.h"
#include "store/localstore.h"

#include <QHash>

#include <algorithm>
#include <limits>
#include <unordered_set>

using namespace Qt::StringLiterals;

namespace {

struct Group
{
    ReportRow row;
    std::unordered_set<std::uint64_t> sessions;
    std::int64_t costNano = 0;
    std::int64_t pricedMessages = 0;
    QSet<QString> models;
};

std::uint64_t sessionKey(const UsageRow &r)
{
    const QByteArray s = r.session.toUtf8();
    return hash64(std::string_view(s.constData(), size_t(s.size())), 100 + std::uint64_t(r.agent));
}

void addTo(Group &g, const UsageRow &r)
{
    g.row.tokens += r.tokens;
    g.row.messages += r.messages;
    g.row.unpricedMessages += r.unpricedMessages;
    g.pricedMessages += r.messages - r.unpricedMessages;
    g.costNano += r.costNanoUsd;
    g.sessions.insert(sessionKey(r));
}

void finish(Group &g)
{
    g.row.sessions = std::int64_t(g.sessions.size());
    if (g.pricedMessages > 0 || g.row.messages == 0)
        g.row.cost = double(g.costNano) / 1e9;
}

} // namespace

std::pair<std::int64_t, std::int64_t> Report::hourRange(const ReportQuery &q)
{
    std::int64_t from = std::numeric_limits<std::int64_t>::min() / 2;
    std::int64_t to = std::numeric_limits<std::int64_t>::max() / 2;
    if (q.since)
        from = QDateTime(*q.since, QTime(0, 0), q.timeZone).toSecsSinceEpoch();
    if (q.until)
        to = QDateTime(q.until->addDays(1), QTime(0, 0), q.timeZone).toSecsSinceEpoch();
    // Buckets are whole UTC hours: an hour belongs to the day its start falls in.
    auto floorHour = [](std::int64_t s) {
        return s - ((s % 3600) + 3600) % 3600;
    };
    auto ceilHour = [&](std::int64_t s) {
        const std::int64_t f = floorHour(s);
        return f == s ? s : f + 3600;
    };
    return {q.since ? ceilHour(from) : from, q.until ? ceilHour(to) : to};
}

Report Report::build(LocalStore &store, const ReportQuery &query)
{
    const auto [from, to] = hourRange(query);
    return build(store.usageRows(from, to, query.agent), query);
}

Report Report::build(const std::vector<UsageRow> &rows, const ReportQuery &query)
{
    Report report;
    report.query = query;
    QHash<QString, Group> groups;
    Group totals;
    QSet<QString> unpriced;
    std::int64_t cachedHour = std::numeric_limits<std::int64_t>::min();
    QDate cachedDate;
    for (const UsageRow &r : rows) {
        if (query.agent && r.agent != *query.agent)
            continue;
        if (r.hourStart != cachedHour) {
            cachedHour = r.hourStart;
            cachedDate = QDateTime::fromSecsSinceEpoch(r.hourStart, query.timeZone).date();
        }
        const QDate day = cachedDate;
        if ((query.since && day < *query.since) || (query.until && day > *query.until))
            continue;
        ReportRow keys;
        switch (query.kind) {
        case ReportKind::Daily:
            keys.date = day.toString(Qt::ISODate);
            break;
        case ReportKind::Weekly: {
            int year = 0;
            const int week = day.weekNumber(&year);
            keys.week = u"%1-W%2"_s.arg(year).arg(week, 2, 10, u'0');
            break;
        }
        case ReportKind::Monthly:
            keys.month = day.toString(u"yyyy-MM"_s);
            break;
        case ReportKind::Session:
            keys.session = r.session;
            keys.agent = agentId(r.agent);
            break;
        case ReportKind::Model:
            keys.model = r.model;
            break;
        case ReportKind::Agent:
            keys.agent = agentId(r.agent);
            break;
        }
        if (query.breakdown) {
            keys.agent = agentId(r.agent);
            keys.model = r.model;
        }
        const QString id = keys.date + u'\x1f' + keys.week + u'\x1f' + keys.month + u'\x1f' +
            keys.session + u'\x1f' + keys.agent + u'\x1f' + keys.model;
        auto it = groups.find(id);
        if (it == groups.end()) {
            it = groups.insert(id, Group {});
            it->row = keys;
        }
        addTo(*it, r);
        if (query.kind == ReportKind::Session) {
            it->models.insert(r.model);
            const QDateTime hour = QDateTime::fromSecsSinceEpoch(r.hourStart, QTimeZone::utc());
            if (!it->row.lastActivity.isValid() || hour > it->row.lastActivity)
                it->row.lastActivity = hour;
        }
        addTo(totals, r);
        if (r.unpricedMessages > 0)
            unpriced.insert(r.model);
    }
    for (auto it = groups.begin(); it != groups.end(); ++it) {
        finish(*it);
        if (query.kind == ReportKind::Session) {
            it->row.models = QStringList(it->models.begin(), it->models.end());
            it->row.models.sort();
        }
        report.rows.push_back(it->row);
    }
    finish(totals);
    report.totals = totals.row;
    report.unpricedModels = QStringList(unpriced.begin(), unpriced.end());
    report.unpricedModels.sort();

    auto keyOf = [](const ReportRow &r) {
        return std::tie(r.date, r.week, r.month, r.agent, r.model, r.session);
    };
    switch (query.kind) {
    case ReportKind::Daily:
    case ReportKind::Weekly:
    case ReportKind::Monthly:
        std::sort(report.rows.begin(), report.rows.end(),
                  [&](const ReportRow &a, const ReportRow &b) { return keyOf(a) < keyOf(b); });
        break;
    case ReportKind::Session:
        std::sort(report.rows.begin(), report.rows.end(),
                  [&](const ReportRow &a, const ReportRow &b) {
                      if (a.lastActivity != b.lastActivity)
                          return a.lastActivity < b.lastActivity;
                      return keyOf(a) < keyOf(b);
                  });
        break;
    case ReportKind::Model:
    case ReportKind::Agent:
        std::sort(report.rows.begin(), report.rows.end(),
                  [&](const ReportRow &a, const ReportRow &b) {
                      if (a.tokens.total() != b.tokens.total())
                          return a.tokens.total() > b.tokens.total();
                      return keyOf(a) < keyOf(b);
                  });
        break;
    }
    return report;
}
