#pragma once

#include <QCommandLineOption>
#include <QList>
#include <QString>

//! \brief Writes a man page (roff, man macros) from plain text and Qt option
//! tables, so `--help` and the man page come from the same QCommandLineOptions.
//!
//! Every text argument is plain text: it is escaped here (backslashes, hyphens,
//! control characters at a line start, non-ASCII), so no input can inject roff
//! requests. Blank lines in a text start a new paragraph, single newlines break
//! the line.
class ManPageWriter
{
public:
    //! Starts the page of \a name(\a section) with its title line and its NAME
    //! section as whatis/apropos read it ("\a name - \a summary"). \a source is
    //! the program and version, \a date the page's date (YYYY-MM-DD).
    ManPageWriter(const QString &name, const QString &summary, const QString &date,
                  const QString &source, int section = 1,
                  const QString &manual = QStringLiteral("User Commands"));

    //! `.SH`: SYNOPSIS, DESCRIPTION, ...
    void section(const QString &heading);
    //! `.SS`
    void subsection(const QString &heading);
    void paragraph(const QString &text);
    //! One synopsis line: \a command in bold, then \a arguments ("[OPTIONS]" style
    //! words in italics, brackets and bars upright).
    void synopsis(const QString &command, const QString &arguments);
    //! A tagged paragraph: \a term in bold, \a text indented below.
    void item(const QString &term, const QString &text);
    //! One tagged paragraph per option that is not hidden from help: its
    //! names, its value name and its description (with its default value, when
    //! the description does not already say "default VALUE").
    void options(const QList<QCommandLineOption> &options);

    QString text() const { return m_roff; }

    //! \a text as roff text lines.
    static QString escape(const QString &text);
    //! "-h, --help" / "--db <path>", as the option is typed.
    static QString optionTerm(const QCommandLineOption &option);

private:
    void textLines(const QString &text);
    static QString quotedArgument(const QString &text);

    QString m_roff;
};
