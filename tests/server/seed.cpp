// Seeds a tokentally-server database directly through the store, bypassing the
// HTTP checks on purpose: page tests need names the API would refuse (an
// injected <script>) to prove the pages escape them, and benchmarks need
// millions of rows fast.
//
//   tokentally-server-seed --db PATH|--database URI [--users N] [--days D]
//                          [--user NAME:TOKENS_PER_DAY]...
#include "pricing/pricetable.h"
#include "store/storefactory.h"
#include "wire/wirecrypto.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QTimeZone>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

const QStringList Models {u"claude-sonnet-4-5"_s, u"claude-opus-4-1"_s, u"gpt-5"_s,
                          u"claude-haiku-4-5"_s};

void seedUser(ServerStore &store, const QString &name, std::int64_t perDay, int days,
              std::int64_t todayStart)
{
    const auto user = store.createUser(name, WireCrypto::sha256Hex(name.toUtf8() + "-seed"));
    if (!user) {
        std::fprintf(stderr, "exists: %s\n", name.toUtf8().constData());
        return;
    }
    store.setVisibility(user->id, Visibility::Public);
    QList<StoredBucket> buckets;
    buckets.reserve(days);
    const PriceTable &prices = PriceTable::bundled();
    for (int d = 0; d < days; ++d) {
        // Skip some days so streaks and active days differ between users.
        if ((d * 7 + user->id) % 11 == 0)
            continue;
        StoredBucket b;
        b.hour = todayStart - std::int64_t(d) * 86400 + 3600 * (9 + (d + user->id) % 10);
        b.model = Models.at((d + user->id) % Models.size());
        b.agent = b.model.startsWith(u"gpt") ? u"codex"_s : u"claude-code"_s;
        // Weekly rhythm so heatmaps show several levels.
        const std::int64_t tokens = perDay * (2 + (d * 3 + user->id) % 7) / 5;
        b.tokens.input = tokens / 20;
        b.tokens.cacheWrite = tokens / 10;
        b.tokens.cacheRead = tokens - tokens / 20 - tokens / 10 - tokens / 20;
        b.tokens.output = tokens / 20;
        b.messages = 10 + d % 30;
        b.sessions = 1 + d % 3;
        if (auto price = prices.find(b.model))
            b.cost = PriceTable::cost(*price, b.tokens);
        buckets.append(b);
    }
    store.seedBuckets(user->id, u"seed-"_s + QString::number(user->id), buckets, prices.version());
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption db(u"db"_s, u"SQLite database file."_s, u"PATH"_s);
    const QCommandLineOption database(u"database"_s, u"PostgreSQL URI."_s, u"URI"_s);
    const QCommandLineOption users(u"users"_s, u"Generated users."_s, u"N"_s, u"0"_s);
    const QCommandLineOption days(u"days"_s, u"Days of history."_s, u"D"_s, u"30"_s);
    const QCommandLineOption user(u"user"_s, u"An explicit user."_s, u"NAME:TOKENS_PER_DAY"_s);
    parser.addOptions({db, database, users, days, user});
    parser.process(app);
    if (parser.isSet(db) == parser.isSet(database)) {
        std::fprintf(stderr, "--db or --database is required\n");
        return 1;
    }
    ServerConfig config;
    config.databasePath = parser.value(db);
    config.databaseUrl = parser.value(database);
    QString error;
    const auto opened = StoreFactory::open(config, StoreFactory::Role::Admin, &error);
    if (!opened) {
        std::fprintf(stderr, "%s\n", error.toUtf8().constData());
        return 1;
    }
    ServerStore &store = *opened;
    const int dayCount = parser.value(days).toInt();
    const std::int64_t todayStart = QDateTime::currentSecsSinceEpoch() / 86400 * 86400;
    for (const QString &spec : parser.values(user)) {
        const qsizetype colon = spec.lastIndexOf(u':');
        seedUser(store, spec.left(colon), spec.mid(colon + 1).toLongLong(), dayCount, todayStart);
    }
    const int count = parser.value(users).toInt();
    for (int i = 0; i < count; ++i) {
        // Decreasing totals: user00000 leads every board.
        seedUser(store, u"user%1"_s.arg(i, 5, 10, QChar(u'0')), 50'000'000 - std::int64_t(i) * 4000,
                 dayCount, todayStart);
        if (i % 1000 == 999)
            std::fprintf(stderr, "seeded %d users\n", i + 1);
    }
    return 0;
}
