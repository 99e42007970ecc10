#include "report.h"

#include "core/hash64.h"
#include "store/localstore.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <limits>
#include <unordered_map>
#include <unordered_set>

using namespace Qt::StringLiterals;

namespace {

// Rows are grouped by integer keys; the key strings are made once per group.
struct GroupKey
{
    std::int64_t period = 0; //!< Julian day, ISO week (year*100+week) or month (year*100+month)
    std::int64_t model = -1;
    std::int64_t session = -1;
    int agent = -1;
    bool operator==(const GroupKey &) const = default;
};

struct GroupKeyHash
{
    size_t operator()(const GroupKey &k) const
    {
        std::uint64_t h = hashCombine(std::uint64_t(k.period), std::uint64_t(k.model));
        h = hashCombine(h, std::uint64_t(k.session));
        return size_t(hashCombine(h, std::uint64_t(k.agent)));
    }
};

struct Group
{
    ReportRow row;
    std::unordered_set<std::int64_t> sessions;
    std::int64_t costNano = 0;
    std::int64_t pricedMessages = 0;
    QSet<QString> models;
    bool named = false;
};

void addTo(Group &g, const UsageRow &r)
{
    g.row.tokens += r.tokens;
    g.row.messages += r.messages;
    g.row.unpricedMessages += r.unpricedMessages;
    g.pricedMessages += r.messages - r.unpricedMessages;
    g.costNano += r.costNanoUsd;
    // Session ids are unique per (agent, session) in the store; rows built
    // elsewhere without ids fall back to a hash of the name.
    if (r.sessionId != 0) {
        g.sessions.insert(r.sessionId);
    } else {
        const QByteArray s = r.session.toUtf8();
        g.sessions.insert(std::int64_t(hash64(std::string_view(s.constData(), size_t(s.size())),
                                              100 + std::uint64_t(r.agent))));
    }
}

void finishGroup(Group &g)
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

namespace {

// Groups bucket rows one at a time, so that a report over the store never holds
// them all (a year of hourly rows is most of a report's cost).
class ReportBuilder
{
public:
    explicit ReportBuilder(const ReportQuery &query)
        : query(query)
    {
        report.query = query;
    }

    void add(const UsageRow &r)
    {
        if (query.agent && r.agent != *query.agent)
            return;
        if (r.hourStart != cachedHour) {
            cachedHour = r.hourStart;
            day = QDateTime::fromSecsSinceEpoch(r.hourStart, query.timeZone).date();
            switch (query.kind) {
            case ReportKind::Daily:
                period = day.toJulianDay();
                break;
            case ReportKind::Weekly: {
                int year = 0;
                const int week = day.weekNumber(&year);
                period = std::int64_t(year) * 100 + week;
                break;
            }
            case ReportKind::Monthly:
                period = std::int64_t(day.year()) * 100 + day.month();
                break;
            default:
                period = 0;
            }
        }
        if ((query.since && day < *query.since) || (query.until && day > *query.until))
            return;
        GroupKey key;
        key.period = period;
        const bool bySession = query.kind == ReportKind::Session;
        if (bySession) {
            key.session = r.sessionId != 0 ? r.sessionId : std::int64_t(qHash(r.session));
            key.agent = int(r.agent);
        }
        if (query.kind == ReportKind::Model || query.breakdown)
            key.model = r.modelId != 0 ? r.modelId : std::int64_t(qHash(r.model));
        if (query.kind == ReportKind::Agent || query.breakdown)
            key.agent = int(r.agent);
        Group &g = groups[key];
        if (!g.named) {
            g.named = true;
            switch (query.kind) {
            case ReportKind::Daily:
                g.row.date = day.toString(Qt::ISODate);
                break;
            case ReportKind::Weekly:
                g.row.week = u"%1-W%2"_s.arg(qlonglong(period / 100))
                                 .arg(int(period % 100), 2, 10, QChar(u'0'));
                break;
            case ReportKind::Monthly:
                g.row.month = day.toString(u"yyyy-MM"_s);
                break;
            case ReportKind::Session:
                g.row.session = r.session;
                break;
            default:
                break;
            }
            if (key.agent >= 0)
                g.row.agent = agentId(r.agent);
            if (key.model != -1)
                g.row.model = r.model;
        }
        addTo(g, r);
        if (bySession) {
            g.models.insert(r.model);
            const QDateTime hour = QDateTime::fromSecsSinceEpoch(r.hourStart, QTimeZone::utc());
            if (!g.row.lastActivity.isValid() || hour > g.row.lastActivity)
                g.row.lastActivity = hour;
        }
        addTo(totals, r);
        if (r.unpricedMessages > 0)
            unpriced.insert(r.model);
    }

    Report finish();

private:
    const ReportQuery &query;
    Report report;
    std::unordered_map<GroupKey, Group, GroupKeyHash> groups;
    Group totals;
    QSet<QString> unpriced;
    std::int64_t cachedHour = std::numeric_limits<std::int64_t>::min();
    QDate day;
    std::int64_t period = 0;
};

Report ReportBuilder::finish()
{
    report.rows.reserve(groups.size());
    for (auto &[key, g] : groups) {
        finishGroup(g);
        if (query.kind == ReportKind::Session) {
            g.row.models = QStringList(g.models.begin(), g.models.end());
            g.row.models.sort();
        }
        report.rows.push_back(std::move(g.row));
    }
    finishGroup(totals);
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

} // namespace

Report Report::build(LocalStore &store, const ReportQuery &query)
{
    const auto [from, to] = hourRange(query);
    ReportBuilder builder(query);
    store.forEachUsageRow(from, to, query.agent, query.kind == ReportKind::Session,
                          [&builder](const UsageRow &r) { builder.add(r); });
    Report report = builder.finish();
    report.skipped = store.skippedInput();
    return report;
}

Report Report::build(const std::vector<UsageRow> &rows, const ReportQuery &query)
{
    ReportBuilder builder(query);
    for (const UsageRow &r : rows)
        builder.add(r);
    return builder.finish();
}
