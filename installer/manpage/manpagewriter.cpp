#include "manpagewriter.h"

#include <QRegularExpression>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace {

//! Escapes inside a line; line-start controls are handled by the callers.
QString escapeInline(const QString &text)
{
    QString out;
    out.reserve(text.size() + text.size() / 8);
    const QList<uint> chars = text.toUcs4();
    for (qsizetype i = 0; i < chars.size(); ++i) {
        const char32_t c = chars.at(i);
        if (c == U'\\')
            out += u"\\e"_s;
        else if (c == U'-')
            out += u"\\-"_s; // a real hyphen-minus, so options can be copied
        else if (c == U'\t')
            out += u' ';
        else if (c < 0x20 || c == 0x7f)
            continue;
        else if (c < 0x80)
            out += QChar(c);
        else
            out +=
                u"\\[u"_s + QString::number(uint(c), 16).toUpper().rightJustified(4, u'0') + u']';
        // Inside a long word (JSON, lists, paths) the line may break after these.
        const bool inWord = i + 1 < chars.size() && chars.at(i + 1) != U' ';
        if (inWord && (c == U',' || c == U'|' || c == U'/'))
            out += u"\\:"_s;
    }
    return out;
}

} // namespace

ManPageWriter::ManPageWriter(const QString &name, const QString &summary, const QString &date,
                             const QString &source, int section, const QString &manual)
{
    m_roff = u".TH "_s + quotedArgument(name.toUpper()) + u' ' + QString::number(section) + u' ' +
        quotedArgument(date) + u' ' + quotedArgument(source) + u' ' + quotedArgument(manual) +
        u'\n';
    // No hyphenation (paths and option names must not be split) and a ragged
    // right margin (a line holding one long word cannot be justified).
    m_roff += u".nh\n.ad l\n"_s;
    m_roff += u".SH NAME\n"_s + escape(name) + u" \\- "_s + escape(summary) + u'\n';
}

QString ManPageWriter::escape(const QString &text)
{
    QStringList lines;
    for (const QString &line : text.split(u'\n')) {
        QString l = escapeInline(line.trimmed());
        // A period or an apostrophe at a line start would be read as a request.
        if (l.startsWith(u'.') || l.startsWith(u'\''))
            l.prepend(u"\\&"_s);
        lines << l;
    }
    return lines.join(u'\n');
}

QString ManPageWriter::quotedArgument(const QString &text)
{
    QString escaped = escapeInline(text);
    escaped.replace(u'"', u"\\(dq"_s);
    return u'"' + escaped + u'"';
}

void ManPageWriter::textLines(const QString &text)
{
    const QStringList paragraphs = text.trimmed().split(u"\n\n"_s, Qt::SkipEmptyParts);
    for (qsizetype p = 0; p < paragraphs.size(); ++p) {
        if (p > 0)
            m_roff += u".sp\n"_s;
        const QStringList lines = paragraphs.at(p).trimmed().split(u'\n');
        for (qsizetype i = 0; i < lines.size(); ++i) {
            if (i > 0)
                m_roff += u".br\n"_s;
            const QString line = escape(lines.at(i));
            if (!line.isEmpty())
                m_roff += line + u'\n';
        }
    }
}

void ManPageWriter::section(const QString &heading)
{
    m_roff += u".SH "_s + quotedArgument(heading.toUpper()) + u'\n';
}

void ManPageWriter::subsection(const QString &heading)
{
    m_roff += u".SS "_s + quotedArgument(heading) + u'\n';
}

void ManPageWriter::paragraph(const QString &text)
{
    m_roff += u".PP\n"_s;
    textLines(text);
}

void ManPageWriter::synopsis(const QString &command, const QString &arguments)
{
    // Upper-case words and <words> are placeholders (italic); the rest is typed as is.
    QString args;
    QString word;
    auto flush = [&] {
        if (word.isEmpty())
            return;
        const bool placeholder = word == word.toUpper() && word != word.toLower();
        args += placeholder ? u"\\fI"_s + escapeInline(word) + u"\\fR"_s : escapeInline(word);
        word.clear();
    };
    for (const QChar c : arguments) {
        if (c == u'[' || c == u']' || c == u'|' || c == u' ' || c == u'.') {
            flush();
            args += escapeInline(QString(c));
        } else {
            word += c;
        }
    }
    flush();
    m_roff += u".PP\n\\fB"_s + escapeInline(command) + u"\\fR "_s + args + u'\n';
}

void ManPageWriter::item(const QString &term, const QString &text)
{
    m_roff += u".TP\n\\fB"_s + escapeInline(term) + u"\\fR\n"_s;
    textLines(text);
}

QString ManPageWriter::optionTerm(const QCommandLineOption &option)
{
    QStringList names;
    for (const QString &n : option.names())
        names << (n.size() == 1 ? u"-"_s : u"--"_s) + n;
    QString term = names.join(u", "_s);
    if (!option.valueName().isEmpty())
        term += u" <"_s + option.valueName() + u'>';
    return term;
}

void ManPageWriter::options(const QList<QCommandLineOption> &options)
{
    for (const QCommandLineOption &o : options) {
        if (o.flags() & QCommandLineOption::HiddenFromHelp)
            continue;
        QStringList names;
        for (const QString &n : o.names())
            names << u"\\fB"_s + escapeInline((n.size() == 1 ? u"-"_s : u"--"_s) + n) + u"\\fR"_s;
        QString term = names.join(u", "_s);
        if (!o.valueName().isEmpty())
            term += u" \\fI"_s + escapeInline(o.valueName()) + u"\\fR"_s;
        m_roff += u".TP\n"_s + term + u'\n';
        QString text = o.description();
        const QStringList defaults = o.defaultValues();
        // Unless the description already says it ("(default 32)", "(default: on)").
        const QString value = defaults.join(u", "_s);
        const QRegularExpression said(u"\\bdefault:? "_s + QRegularExpression::escape(value),
                                      QRegularExpression::CaseInsensitiveOption);
        if (!defaults.isEmpty() && !said.match(text).hasMatch())
            text += u" Default: "_s + value + u'.';
        textLines(text);
    }
}
