#include "packagingtools.h"

#include <QProcess>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace PackagingTools {

Result run(const QString &program, const QStringList &args, const QByteArray &input)
{
    Result r;
    QProcess p;
    p.start(program, args);
    if (!p.waitForStarted(10000)) {
        r.err = "cannot start " + program.toUtf8() + " (scripts/deps.sh installs it)";
        return r;
    }
    r.started = true;
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    p.waitForFinished(60000);
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

Result renderManPage(const QByteArray &roff)
{
    // -P-cbou: no bold, underline or overstrike sequences in the text.
    return run(u"groff"_s, {u"-man"_s, u"-Tutf8"_s, u"-ww"_s, u"-P-cbou"_s}, roff);
}

QString flattened(const QByteArray &text)
{
    static const QRegularExpression space(u"\\s+"_s);
    return QString::fromUtf8(text).replace(space, u" "_s).trimmed();
}

} // namespace PackagingTools
