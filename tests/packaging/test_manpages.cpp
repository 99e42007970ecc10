// The installed man pages (built by installer/manpage at build time) list every
// command and option of the tables that `--help` reads, and render cleanly.
#include "packagingtools.h"

#include <QFile>
#include <QTest>

#include <pwd.h>
#include <unistd.h>

#ifdef TOKENTALLY_TEST_APP_PAGE
#include "cli/clicommand.h"
#include "cli/cliregistry.h"
#include "gui/guimain.h"
#endif
#ifdef TOKENTALLY_TEST_SERVER_PAGE
#include "serveroptions.h"
#endif

using namespace Qt::StringLiterals;
using PackagingTools::flattened;
using PackagingTools::renderManPage;

class TestManPages : public QObject
{
    Q_OBJECT

private slots:
    void rendersWithoutWarnings_data();
    void rendersWithoutWarnings();
    void tokentallyListsTheCommandTable();
    void serverListsItsOptionTable();

private:
    static QByteArray page(const QString &name);
    static void checkOptions(const QString &text, const QList<QCommandLineOption> &options);
};

QByteArray TestManPages::page(const QString &name)
{
    QFile f(QStringLiteral(TOKENTALLY_MAN_DIR) + u'/' + name + u".1"_s);
    if (!f.open(QIODevice::ReadOnly))
        qWarning("cannot read %s", qPrintable(f.fileName()));
    return f.readAll();
}

void TestManPages::checkOptions(const QString &text, const QList<QCommandLineOption> &options)
{
    for (const QCommandLineOption &o : options) {
        QString term = u"--"_s + o.names().constLast();
        if (!o.valueName().isEmpty())
            term += u' ' + o.valueName();
        // Spaces do not count: long words may break across lines.
        QVERIFY2(QString(text).remove(u' ').contains(QString(term + o.description()).remove(u' ')),
                 qPrintable(term));
    }
}

void TestManPages::rendersWithoutWarnings_data()
{
    QTest::addColumn<QString>("name");
#ifdef TOKENTALLY_TEST_APP_PAGE
    QTest::addRow("tokentally") << u"tokentally"_s;
#endif
#ifdef TOKENTALLY_TEST_SERVER_PAGE
    QTest::addRow("tokentally-server") << u"tokentally-server"_s;
#endif
}

void TestManPages::rendersWithoutWarnings()
{
    QFETCH(QString, name);
    const QByteArray roff = page(name);
    const QByteArray th = ".TH \"" + name.toUpper().replace(u"-"_s, u"\\-"_s).toUtf8();
    QVERIFY2(roff.startsWith(th), roff.left(80).constData());
    const auto r = renderManPage(roff);
    QVERIFY2(r.started, r.err.constData());
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(QString::fromUtf8(r.err), QString());
    const QString text = flattened(r.out);
    QVERIFY2(text.contains(u"NAME "_s + name + u" - "_s), qPrintable(text.left(200)));
    QVERIFY(text.contains(u"SYNOPSIS "_s));
    QVERIFY(text.contains(u"TokenTally "_s + QStringLiteral(TOKENTALLY_VERSION)));
    // Defaults are written for any user ("~/..."), never with the builder's home.
    const passwd *user = getpwuid(getuid());
    QVERIFY(user);
    const QString home = QString::fromLocal8Bit(user->pw_dir);
    if (home != u"/")
        QVERIFY2(!text.contains(home + u'/'), qPrintable(text));
    QVERIFY(QString(text).remove(u' ').contains(u"~/.local/share/"_s));
}

void TestManPages::tokentallyListsTheCommandTable()
{
#ifndef TOKENTALLY_TEST_APP_PAGE
    QSKIP("TOKENTALLY_BUILD_APP is off");
#else
    const QString text = flattened(renderManPage(page(u"tokentally"_s)).out);
    QVERIFY(CliRegistry::commands().size() >= 2);
    for (const auto &command : CliRegistry::commands()) {
        QString head = u"tokentally "_s + command->name();
        if (!command->arguments().isEmpty())
            head += u' ' + command->arguments();
        QVERIFY2(text.contains(u"SYNOPSIS"_s) && text.contains(head + u" [OPTIONS]"_s),
                 qPrintable(head));
        QString summary = command->summary();
        summary[0] = summary.at(0).toUpper();
        QVERIFY2(text.contains(head + u' ' + summary), qPrintable(head));
        checkOptions(text, command->options());
    }
    QVERIFY(!CliRegistry::globalOptions().isEmpty());
    checkOptions(text, CliRegistry::globalOptions());
    // The tray app's own options.
    for (const QString &name : {u"windowed"_s, u"show-dashboard"_s}) {
        const auto options = guiOptions();
        const auto it = std::find_if(options.cbegin(), options.cend(),
                                     [&](const auto &o) { return o.names().contains(name); });
        QVERIFY(it != options.cend());
        checkOptions(text, {*it});
    }
#endif
}

void TestManPages::serverListsItsOptionTable()
{
#ifndef TOKENTALLY_TEST_SERVER_PAGE
    QSKIP("TOKENTALLY_BUILD_SERVER is off");
#else
    const QString text = flattened(renderManPage(page(u"tokentally-server"_s)).out);
    checkOptions(text, ServerOptions::commandLineOptions());
    QVERIFY(text.contains(u"users list"_s));
    QVERIFY(text.contains(u"migrate --from sqlite:PATH --to URI"_s));
#endif
}

QTEST_GUILESS_MAIN(TestManPages)
#include "test_manpages.moc"
