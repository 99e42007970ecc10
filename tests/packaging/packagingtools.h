#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

//! Runs the Debian tools the packaging tests check with (groff,
//! desktop-file-validate, appstreamcli). A missing tool is a failure, never a
//! skip: scripts/deps.sh installs them.
namespace PackagingTools {

struct Result
{
    bool started = false;
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Result run(const QString &program, const QStringList &args, const QByteArray &input = {});
//! groff's plain-text rendering of a man page (roff text or a file), with
//! -ww: every warning on stderr.
Result renderManPage(const QByteArray &roff);
//! Whitespace runs collapsed to one space, for "contains" checks across line wraps.
QString flattened(const QByteArray &text);

} // namespace PackagingTools
