// Badges, pages and metrics of a real server, and read-your-writes: the
// request right after a write shows it, whatever was cached. Runs on SQLite
// and PostgreSQL.
#include "servertestclient.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QUrl>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

class TestPages : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void badges_data();
    void badges();
    void badgeNotFoundAndStats();
    void webPagesEscape();
    void publicUrl();
    void readYourWrites();
    void metricsFormat();
    void costsOnPages();
    void newAgentsOnPages();

private:
    ServerProcess m_server;
};

void TestPages::initTestCase()
{
    QString error;
    QVERIFY2(m_server.start({u"--rate-limit-ip"_s, u"0"_s, u"--rate-limit-token"_s, u"0"_s,
                             u"--register-limit"_s, u"0"_s},
                            &error),
             qPrintable(error));
    // Public users with known totals today, and a private one.
    for (const auto &[name, input] : QList<std::pair<QString, std::int64_t>> {
             {u"lb-gold"_s, 9000}, {u"lb-silver"_s, 5000}, {u"shy"_s, 100}}) {
        const QString token = m_server.registerUser(name);
        TestDevice d = m_server.addDevice(token);
        QCOMPARE(m_server
                     .submit(token, d,
                             {makeBucket(recentHour(0, 0), u"claude-sonnet-4-5"_s, input, 100)})
                     .status,
                 200);
        if (name != u"shy")
            QCOMPARE(m_server.setVisibility(token, u"public"_s).status, 200);
    }
}

void TestPages::cleanupTestCase()
{
    QCOMPARE(m_server.stop(), 0);
}

void TestPages::badges_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("style");
    for (const QString &kind : {u"tokens"_s, u"cost"_s, u"rank"_s, u"active-days"_s, u"streak"_s,
                                u"cache-efficiency"_s}) {
        for (const QString &style : {u"flat"_s, u"flat-square"_s, u"branded"_s}) {
            QTest::addRow("%s-%s", qPrintable(kind), qPrintable(style))
                << (kind == u"tokens" ? u"/badge/lb-gold"_s : u"/badge/"_s + kind + u"/lb-gold"_s)
                << style;
        }
    }
}

void TestPages::badges()
{
    QFETCH(QString, path);
    QFETCH(QString, style);
    const Reply r = m_server.get(path + u".svg?style="_s + style);
    QCOMPARE(r.status, 200);
    QVERIFY(r.headers.value(u"content-type"_s).startsWith(u"image/svg+xml"_s));
    QCOMPARE(r.headers.value(u"cache-control"_s), u"public, max-age=600"_s);
    const QString etag = r.headers.value(u"etag"_s);
    QVERIFY(!etag.isEmpty());

    // Well-formed XML with shields' geometry: 20 px high, two rects that fill
    // the width, aria-label equal to the title.
    QXmlStreamReader xml(r.body);
    double width = -1;
    double rectSum = 0;
    QString ariaLabel;
    QString title;
    QStringList texts;
    int depth = 0;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            ++depth;
            const auto attrs = xml.attributes();
            if (xml.name() == u"svg") {
                width = attrs.value(u"width"_s).toDouble();
                QCOMPARE(attrs.value(u"height"_s).toString(), u"20"_s);
                ariaLabel = attrs.value(u"aria-label"_s).toString();
            } else if (xml.name() == u"title" && depth == 2) {
                title = xml.readElementText();
                --depth;
            } else if (xml.name() == u"rect" && attrs.hasAttribute(u"fill"_s) &&
                       !attrs.value(u"fill"_s).startsWith(u"url") &&
                       attrs.value(u"fill"_s) != u"#fff") {
                rectSum += attrs.value(u"width"_s).toDouble();
            } else if (xml.name() == u"text" && !attrs.hasAttribute(u"aria-hidden"_s)) {
                texts.append(xml.readElementText());
                --depth;
            }
        } else if (xml.isEndElement()) {
            --depth;
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY(width > 20);
    QCOMPARE(rectSum, width);
    QVERIFY(!ariaLabel.isEmpty());
    QCOMPARE(title, ariaLabel);
    QCOMPARE(texts.size(), 2);
    QCOMPARE(ariaLabel, texts[0] + u": "_s + texts[1]);
    QVERIFY(!texts[1].contains(u"not found"_s));
    if (style == u"branded")
        QVERIFY(r.body.contains("#2F6FEB"));

    const Reply cached =
        m_server.get(path + u".svg?style="_s + style, {{u"If-None-Match"_s, etag}});
    QCOMPARE(cached.status, 304);
    QVERIFY(cached.body.isEmpty());

    const Reply json = m_server.get(path + u".json?style="_s + style);
    QCOMPARE(json.status, 200);
    QCOMPARE(json.json().value(u"schemaVersion"_s).toInt(), 1);
    QCOMPARE(json.json().value(u"label"_s).toString(), texts[0]);
    QCOMPARE(json.json().value(u"message"_s).toString(), texts[1]);
    QVERIFY(!json.json().value(u"color"_s).toString().isEmpty());
}

void TestPages::badgeNotFoundAndStats()
{
    const Reply missing = m_server.get(u"/badge/nobody-here.svg"_s);
    QCOMPARE(missing.status, 200);
    QVERIFY(missing.body.contains("not found"));
    QVERIFY(missing.body.contains("#9f9f9f"));
    const Reply stats = m_server.get(u"/badge/stats.svg"_s);
    QCOMPARE(stats.status, 200);
    QVERIFY(QRegularExpression(u"\\d+ users"_s).match(QString::fromUtf8(stats.body)).hasMatch());
    // Widths follow the font: a wider message makes a wider badge.
    const Reply narrow = m_server.get(u"/badge/lb-gold.svg?label=i"_s);
    const Reply wide = m_server.get(u"/badge/lb-gold.svg?label=WWWW"_s);
    auto widthOf = [](const QByteArray &svg) {
        return QRegularExpression(u"width=\"(\\d+)\""_s)
            .match(QString::fromUtf8(svg))
            .captured(1)
            .toInt();
    };
    QVERIFY(widthOf(wide.body) > widthOf(narrow.body) + 30);
    // A user-chosen label is escaped.
    const Reply xss = m_server.get(u"/badge/lb-gold.svg?label=%3Cscript%3E"_s);
    QVERIFY(!xss.body.contains("<script>"));
    QVERIFY(xss.body.contains("&lt;script&gt;"));
    QCOMPARE(m_server.get(u"/badge/lb-gold.svg?style=3d"_s).status, 400);
    QCOMPARE(m_server.get(u"/badge/karma/lb-gold.svg"_s).status, 404);
}

void TestPages::webPagesEscape()
{
    const Reply home = m_server.get(u"/?period=day&q=%3Cscript%3Ealert(1)%3C/script%3E"_s);
    QCOMPARE(home.status, 200);
    QVERIFY(home.headers.value(u"content-security-policy"_s).contains(u"script-src 'self'"_s));
    QVERIFY(!home.body.contains("<script>alert(1)"));
    QVERIFY(home.body.contains("&lt;script&gt;alert(1)"));
    const Reply profile = m_server.get(u"/u/lb-gold"_s);
    QCOMPARE(profile.status, 200);
    QVERIFY(profile.body.contains("<svg class=\"heatmap\""));
    QCOMPARE(m_server.get(u"/u/shy"_s).status, 404);
    QCOMPARE(m_server.get(u"/how-it-works"_s).status, 200);
    QCOMPARE(m_server.get(u"/static/style.css"_s).status, 200);
}

void TestPages::publicUrl()
{
    {
        QTemporaryDir dir;
        QProcess p;
        for (const QString &bad : {u"ftp://tally.example.org"_s, u"https://"_s,
                                   u"https://tally.example.org/?x=1"_s, u"not a url"_s}) {
            p.start(ServerProcess::program(),
                    {u"--listen"_s, u"127.0.0.1:0"_s, u"--db"_s, dir.path() + u"/x.db"_s,
                     u"--public-url"_s, bad});
            QVERIFY(p.waitForFinished(10000));
            QCOMPARE(p.exitCode(), 1);
            QVERIFY(p.readAllStandardError().contains("--public-url"));
        }
    }

    ServerProcess server;
    QString error;
    QVERIFY2(server.start({u"--public-url"_s, u"https://Tally.example.org/"_s}, &error),
             qPrintable(error));
    const QMap<QString, QString> host {{u"Host"_s, u"tally.example.org"_s}};
    const Reply reg =
        server.request("POST", u"/api/v1/register"_s, R"({"username":"pub-user"})", host);
    QCOMPARE(reg.status, 201);
    const QString token = reg.json().value(u"token"_s).toString();
    QCOMPARE(
        server
            .request("PATCH", u"/api/v1/me"_s, R"({"visibility":"unlisted"})",
                     {{u"Host"_s, u"tally.example.org:443"_s}, {u"Authorization"_s, bearer(token)}})
            .status,
        200);

    // Only the public name is accepted now, loopback included.
    const QByteArray before = server.dump();
    for (const QString &other :
         QStringList {u"127.0.0.1:"_s + QString::number(server.port()), u"localhost"_s,
                      u"tally.example.org:8443"_s, u"evil.example"_s}) {
        const Reply r = server.request("PATCH", u"/api/v1/me"_s, R"({"visibility":"public"})",
                                       {{u"Host"_s, other}, {u"Authorization"_s, bearer(token)}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.reason(), u"unexpected Host header"_s);
    }
    QCOMPARE(server.dump(), before);

    const Reply profile = server.get(u"/u/pub-user"_s, host);
    QCOMPARE(profile.status, 200);
    QVERIFY2(profile.body.contains(
                 "<link rel=\"canonical\" href=\"https://tally.example.org/u/pub-user\">"),
             profile.body.left(600).constData());
    QVERIFY(profile.body.contains("[![TokenTally tokens](https://tally.example.org/badge/"
                                  "pub-user.svg)](https://tally.example.org/u/pub-user)"));
    QVERIFY(profile.body.contains("https://tally.example.org/badge/pub-user.json"));
    QVERIFY(profile.body.contains("https://img.shields.io/endpoint?url=https%3A%2F%2Ftally."
                                  "example.org%2Fbadge%2Fpub-user.json"));
    // The badge itself still loads relative to the page.
    QVERIFY(profile.body.contains("<img src=\"/badge/pub-user.svg\""));
    const Reply home = server.get(u"/"_s, host);
    QVERIFY(home.body.contains("<link rel=\"canonical\" href=\"https://tally.example.org/\">"));
    QCOMPARE(server.stop(), 0);

    // Without a public URL the page has no canonical link and relative snippets.
    const Reply local = m_server.get(u"/u/lb-gold"_s);
    QCOMPARE(local.status, 200);
    QVERIFY(!local.body.contains("rel=\"canonical\""));
    QVERIFY(local.body.contains("[![TokenTally tokens](/badge/lb-gold.svg)](/u/lb-gold)"));
}

void TestPages::readYourWrites()
{
    // Every cache a write touches is dropped by the write itself: the very
    // next request, API or page, shows it.
    const QString token = m_server.registerUser(u"ryw-user"_s);
    TestDevice d = m_server.addDevice(token);
    QCOMPARE(m_server.setVisibility(token, u"public"_s).status, 200);
    QCOMPARE(
        m_server.submit(token, d, {makeBucket(recentHour(0, 0), u"claude-sonnet-4-5"_s, 1000, 0)})
            .status,
        200);
    auto row = [this] {
        // The user's row on the home page's board (this month, by tokens).
        const QString page = QString::fromUtf8(m_server.get(u"/?q=ryw-user"_s).body);
        const auto m =
            QRegularExpression(u"ryw-user</a></td><td class=\"num value\"[^>]*>([^<]*)<"_s)
                .match(page);
        return m.hasMatch() ? m.captured(1) : u"absent"_s;
    };
    auto api = [this] {
        const Reply r = m_server.get(u"/api/v1/leaderboard?q=ryw-user"_s);
        return r.json()[u"entries"_s][0][u"tokens"_s][u"total"_s].toInteger();
    };
    auto badge = [this] {
        const QString svg = QString::fromUtf8(m_server.get(u"/badge/ryw-user.svg"_s).body);
        return QRegularExpression(u"aria-label=\"tokens: ([^\"]*)\""_s).match(svg).captured(1);
    };
    auto profile = [this] {
        const QString page = QString::fromUtf8(m_server.get(u"/u/ryw-user"_s).body);
        return QRegularExpression(u"card-label\">Tokens</div><div class=\"card-value\" "
                                  "title=\"([^\"]*)\""_s)
            .match(page)
            .captured(1);
    };
    // Warm every cache first.
    QCOMPARE(row(), u"1.0K"_s);
    QCOMPARE(api(), 1000);
    QCOMPARE(badge(), u"1.0K"_s);
    QCOMPARE(profile(), u"1,000"_s);

    QCOMPARE(
        m_server
            .submit(token, d, {makeBucket(recentHour(0, 1), u"claude-sonnet-4-5"_s, 2'000'000, 0)})
            .status,
        200);
    QCOMPARE(row(), u"2.0M"_s);
    QCOMPARE(api(), 2'001'000);
    QCOMPARE(badge(), u"2.0M"_s);
    QCOMPARE(profile(), u"2,001,000"_s);

    // A visibility change, both ways.
    QCOMPARE(m_server.setVisibility(token, u"private"_s).status, 200);
    QCOMPARE(row(), u"absent"_s);
    QCOMPARE(api(), 0);
    QCOMPARE(badge(), u"not found"_s);
    QCOMPARE(m_server.get(u"/u/ryw-user"_s).status, 404);
    QCOMPARE(m_server.setVisibility(token, u"public"_s).status, 200);
    QCOMPARE(row(), u"2.0M"_s);
    QCOMPARE(badge(), u"2.0M"_s);
    QCOMPARE(m_server.get(u"/u/ryw-user"_s).status, 200);

    // Deleting the account.
    QCOMPARE(m_server.request("DELETE", u"/api/v1/me"_s, {}, {{u"Authorization"_s, bearer(token)}})
                 .status,
             200);
    QCOMPARE(row(), u"absent"_s);
    QCOMPARE(api(), 0);
    QCOMPARE(badge(), u"not found"_s);
    QCOMPARE(m_server.get(u"/u/ryw-user"_s).status, 404);
}

void TestPages::metricsFormat()
{
    m_server.get(u"/api/v1/leaderboard?period=week"_s);
    m_server.get(u"/api/v1/users/lb-gold"_s);
    m_server.get(u"/badge/cost/lb-gold.svg"_s);
    // Requests are counted once their answers are sent: allow a moment.
    Reply m;
    QTRY_VERIFY((m = m_server.get(u"/metrics"_s)).body.contains("GET /badge/{badge}"));
    QCOMPARE(m.status, 200);
    // Whole route templates, never cut and never a user name.
    QVERIFY(m.body.contains("route=\"GET /api/v1/leaderboard\",status=\"200\""));
    QVERIFY(m.body.contains("route=\"GET /api/v1/users/{name}\""));
    QVERIFY(m.body.contains("route=\"GET /badge/{badge}\""));
    QVERIFY(!m.body.contains("lb-gold"));
    QVERIFY(m.body.contains("# TYPE tokentally_http_request_duration_seconds histogram"));
    QVERIFY(m.body.contains("tokentally_http_request_duration_seconds_bucket{route=\"GET "
                            "/api/v1/leaderboard\",le=\"+Inf\"}"));
    QVERIFY(m.body.contains(m_server.backend() == ServerProcess::Backend::Postgres
                                ? "backend=\"postgresql\""
                                : "backend=\"sqlite\""));
    // Prometheus' own linter (Debian prometheus) accepts it.
    QProcess promtool;
    promtool.start(u"promtool"_s, {u"check"_s, u"metrics"_s});
    QVERIFY2(promtool.waitForStarted(5000), "promtool missing (apt-get install prometheus)");
    promtool.write(m.body);
    promtool.closeWriteChannel();
    QVERIFY(promtool.waitForFinished(30000));
    const QByteArray out = promtool.readAll() + promtool.readAllStandardError();
    QVERIFY2(promtool.exitCode() == 0 && out.trimmed().isEmpty(), out.constData());
}

void TestPages::costsOnPages()
{
    // Costs and counts on pages carry thousands separators.
    const QString token = m_server.registerUser(u"bigspender"_s);
    TestDevice d = m_server.addDevice(token);
    QCOMPARE(m_server.setVisibility(token, u"public"_s).status, 200);
    // claude-opus-4-1 output: tens of dollars per million tokens, so 600M
    // tokens cost thousands (under the $100,000 where pages go compact).
    QCOMPARE(
        m_server
            .submit(token, d, {makeBucket(recentHour(1, 3), u"claude-opus-4-1"_s, 0, 600'000'000)})
            .status,
        200);
    const QString page =
        QString::fromUtf8(m_server.get(u"/?period=all&metric=cost&q=bigspender"_s).body);
    const auto m = QRegularExpression(
                       u"bigspender</a></td><td class=\"num value\" title=\"([^\"]*)\">([^<]*)<"_s)
                       .match(page);
    QVERIFY2(m.hasMatch(), qPrintable(page.right(2000)));
    QVERIFY2(
        QRegularExpression(u"^\\$\\d{1,3}(,\\d{3})+\\.\\d\\d$"_s).match(m.captured(2)).hasMatch(),
        qPrintable(m.captured(2)));
    const QString profile = QString::fromUtf8(m_server.get(u"/u/bigspender"_s).body);
    const auto tokens =
        QRegularExpression(
            u"card-label\">Tokens</div><div class=\"card-value\" title=\"([^\"]*)\""_s)
            .match(profile);
    QCOMPARE(tokens.captured(1), u"600,000,000"_s);
    QCOMPARE(m_server.request("DELETE", u"/api/v1/me"_s, {}, {{u"Authorization"_s, bearer(token)}})
                 .status,
             200);
}

void TestPages::newAgentsOnPages()
{
    // Buckets of the agents added by issue 11 are accepted, and the profile,
    // the board's agent filter and the API show them by name and colour.
    const QString token = m_server.registerUser(u"eightagents"_s);
    TestDevice d = m_server.addDevice(token);
    QCOMPARE(m_server.setVisibility(token, u"public"_s).status, 200);
    const Reply r = m_server.submit(
        token, d,
        {makeBucket(recentHour(0, 0), u"gemini-2.5-pro"_s, 7000, 300, u"gemini-cli"_s),
         makeBucket(recentHour(0, 1), u"kimi-k2-0905-preview"_s, 500, 50, u"kimi-cli"_s),
         makeBucket(recentHour(0, 1), u"claude-sonnet-4-5"_s, 90, 10, u"droid"_s)});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(u"accepted"_s).toInt(), 3);

    const QString profile = QString::fromUtf8(m_server.get(u"/u/eightagents"_s).body);
    for (const auto &[name, color] :
         QList<std::pair<QString, QString>> {{u"Gemini CLI"_s, u"#1A73E8"_s},
                                             {u"Kimi CLI"_s, u"#0F766E"_s},
                                             {u"Droid"_s, u"#EA580C"_s}}) {
        const QRegularExpression entry(u"fill=\"%1\"/></svg></span>%2</span>"_s.arg(color, name));
        QVERIFY2(entry.match(profile).hasMatch(), qPrintable(name));
    }

    const Reply board =
        m_server.get(u"/api/v1/leaderboard?period=day&agent=gemini-cli&q=eightagents"_s);
    QCOMPARE(board.status, 200);
    QCOMPARE(board.json()[u"entries"_s][0][u"tokens"_s][u"total"_s].toInteger(), 7300);
    const QString page =
        QString::fromUtf8(m_server.get(u"/?period=day&agent=kimi-cli&q=eightagents"_s).body);
    QVERIFY(page.contains(u"<option value=\"kimi-cli\" selected>Kimi CLI</option>"_s));
    QVERIFY(page.contains(u"<option value=\"qwen-code\">Qwen Code</option>"_s));
    QVERIFY(page.contains(u"<option value=\"amp\">Amp</option>"_s));
    QVERIFY(page.contains(u"eightagents"_s));

    // A badge of one agent: its usage only, its name and colour.
    const QString badge =
        QString::fromUtf8(m_server.get(u"/badge/eightagents.svg?agent=gemini-cli"_s).body);
    QVERIFY2(badge.contains(u"aria-label=\"Gemini CLI tokens: 7.3K\""_s), qPrintable(badge));
    QVERIFY2(badge.contains(u"#1A73E8"_s), qPrintable(badge));
    const QString kimiBadge =
        QString::fromUtf8(m_server.get(u"/badge/eightagents.svg?agent=kimi-cli"_s).body);
    QVERIFY2(kimiBadge.contains(u"aria-label=\"Kimi CLI tokens: 550\""_s), qPrintable(kimiBadge));
    QCOMPARE(m_server.get(u"/badge/eightagents.svg?agent=notepad"_s).status, 400);
    QCOMPARE(m_server.get(u"/badge/rank/eightagents.svg?agent=amp"_s).status, 400);
}

QTEST_GUILESS_MAIN(TestPages)

#include "test_pages.moc"
