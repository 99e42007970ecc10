// ManPageWriter: whatever text goes in comes out of groff as that text, with
// no warnings, and option tables come out as `--help` shows them.
#include "manpagewriter.h"
#include "packagingtools.h"

#include <QTest>

using namespace Qt::StringLiterals;
using PackagingTools::flattened;
using PackagingTools::renderManPage;

class TestManPageWriter : public QObject
{
    Q_OBJECT

private slots:
    void plainTextSurvives_data();
    void plainTextSurvives();
    void paragraphsAndLineBreaks();
    void optionsAsHelpShowsThem();
    void titleAndNameForWhatis();
    void synopsisMarksPlaceholders();
};

void TestManPageWriter::plainTextSurvives_data()
{
    QTest::addColumn<QString>("text");
    QTest::addRow("leading period") << u".TH EVIL 1 and more"_s;
    QTest::addRow("leading apostrophe") << u"'br no break here"_s;
    QTest::addRow("roff escapes") << u"\\fBnot bold\\fR and \\n(.l and \\\\"_s;
    QTest::addRow("options and hyphens") << u"--db, -h and a well-known word"_s;
    QTest::addRow("non-ASCII") << u"5\u00d7 faster, caf\u00e9, \u65e5\u672c\u8a9e, \U0001F600"_s;
    QTest::addRow("quotes") << u"\"quoted\" and 'single'"_s;
    // Break points after commas and bars: a long word must not overflow the line.
    QTest::addRow("long JSON")
        << u"{\"bodiesSent\",\"bucketsSent\",\"daysSent\",\"rejected\":[{\"hour\",\"agent\","
           "\"model\",\"reason\"},{\"hour\",\"agent\",\"model\",\"reason\"}]}"_s;
    QTest::addRow("long path") << u"/usr/share/doc/tokentally-server/examples/and/a/very/long/"
                                  "path/that/does/not/fit/on/one/line/of/a/terminal.conf"_s;
}

void TestManPageWriter::plainTextSurvives()
{
    QFETCH(QString, text);
    ManPageWriter man(u"demo"_s, u"a demo"_s, u"2026-01-02"_s, u"Demo 1.0"_s);
    man.section(u"Description"_s);
    man.paragraph(text);
    man.subsection(text);
    man.item(text, text);
    const auto r = renderManPage(man.text().toUtf8());
    QVERIFY2(r.started, r.err.constData());
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(QString::fromUtf8(r.err), QString());
    // Four times: the paragraph, the subsection heading, the item's term and
    // its text. Spaces do not count: long words may break across lines.
    QCOMPARE(flattened(r.out).remove(u' ').count(QString(text).remove(u' ')), 4);
}

void TestManPageWriter::paragraphsAndLineBreaks()
{
    ManPageWriter man(u"demo"_s, u"a demo"_s, u"2026-01-02"_s, u"Demo 1.0"_s);
    man.section(u"Description"_s);
    man.paragraph(u"first line\nsecond line\n\nnew paragraph"_s);
    const auto r = renderManPage(man.text().toUtf8());
    QCOMPARE(QString::fromUtf8(r.err), QString());
    const QStringList lines = QString::fromUtf8(r.out).split(u'\n');
    const qsizetype first = lines.indexOf(u"       first line"_s);
    QVERIFY2(first >= 0, r.out.constData());
    QCOMPARE(lines.value(first + 1), u"       second line"_s);
    QCOMPARE(lines.value(first + 2), QString());
    QCOMPARE(lines.value(first + 3), u"       new paragraph"_s);
}

void TestManPageWriter::optionsAsHelpShowsThem()
{
    QCommandLineOption hidden(u"secret"_s, u"Not for users."_s);
    hidden.setFlags(QCommandLineOption::HiddenFromHelp);
    ManPageWriter man(u"demo"_s, u"a demo"_s, u"2026-01-02"_s, u"Demo 1.0"_s);
    man.section(u"Options"_s);
    man.options({
        QCommandLineOption({u"x"_s, u"example"_s}, u"An example."_s, u"value"_s, u"42"_s),
        QCommandLineOption(u"limit"_s, u"A limit (default 5)."_s, u"N"_s, u"5"_s),
        QCommandLineOption(u"flag"_s, u"A switch."_s),
        QCommandLineOption(u"file"_s, u"The default file."_s, u"PATH"_s, u"~/f"_s),
        hidden,
    });
    const auto r = renderManPage(man.text().toUtf8());
    QCOMPARE(QString::fromUtf8(r.err), QString());
    const QString text = flattened(r.out);
    QVERIFY2(text.contains(u"-x, --example value An example. Default: 42."_s), qPrintable(text));
    // The description already names its default: it is not repeated.
    QVERIFY2(text.contains(u"--limit N A limit (default 5). --flag"_s), qPrintable(text));
    QVERIFY(text.contains(u"--flag A switch."_s));
    // "default" in other words does not hide the value.
    QVERIFY2(text.contains(u"--file PATH The default file. Default: ~/f."_s), qPrintable(text));
    QVERIFY(!text.contains(u"secret"_s));
    QVERIFY(!text.contains(u"Not for users"_s));
    QCOMPARE(ManPageWriter::optionTerm(QCommandLineOption({u"x"_s, u"example"_s}, {}, u"v"_s)),
             u"-x, --example <v>"_s);
}

void TestManPageWriter::titleAndNameForWhatis()
{
    ManPageWriter man(u"demo-tool"_s, u"does demo things, quickly"_s, u"2026-01-02"_s,
                      u"Demo 1.0"_s, 8, u"Demo Manual"_s);
    // mandb and lexgrog read "name \- summary" on the line after .SH NAME.
    const QStringList lines = man.text().split(u'\n');
    const qsizetype name = lines.indexOf(u".SH NAME"_s);
    QVERIFY(name > 0);
    QCOMPARE(lines.value(name + 1), u"demo\\-tool \\- does demo things, quickly"_s);
    QCOMPARE(lines.first(),
             u".TH \"DEMO\\-TOOL\" 8 \"2026\\-01\\-02\" \"Demo 1.0\" \"Demo Manual\""_s);
}

void TestManPageWriter::synopsisMarksPlaceholders()
{
    ManPageWriter man(u"demo"_s, u"a demo"_s, u"2026-01-02"_s, u"Demo 1.0"_s);
    man.synopsis(u"demo"_s, u"report daily|weekly [--db PATH] [OPTIONS]"_s);
    QVERIFY2(man.text().contains(u"\\fBdemo\\fR report daily|weekly [\\-\\-db \\fIPATH\\fR] "
                                 "[\\fIOPTIONS\\fR]"_s),
             qPrintable(man.text()));
}

QTEST_APPLESS_MAIN(TestManPageWriter)
#include "test_manpagewriter.moc"
