#include "testhelpers.h"

#include <QFile>
#include <QProcess>

using namespace Qt::StringLiterals;

namespace TestHelpers {

QString sourceDir()
{
    return QStringLiteral(TOKENTALLY_SOURCE_DIR);
}

QString binaryDir()
{
    return QStringLiteral(TOKENTALLY_BINARY_DIR);
}

QString programPath(const QString &name)
{
    const QByteArray var = "TOKENTALLY_BIN_" + name.toUpper().replace(u'-', u'_').toUtf8();
    const QString env = qEnvironmentVariable(var.constData());
    if (!env.isEmpty())
        return env;
    for (const QString &sub : {u"app"_s, u"server"_s}) {
        const QString p = binaryDir() + u'/' + sub + u'/' + name;
        if (QFile::exists(p))
            return p;
    }
    return binaryDir() + u'/' + name;
}

bool generateHome(const QString &outDir, const QStringList &args, QString *error)
{
    QProcess p;
    QString python = QStringLiteral(TOKENTALLY_PYTHON);
    if (python.isEmpty())
        python = u"python3"_s;
    p.start(python,
            QStringList {sourceDir() + u"/tests/fixtures/generate_home.py"_s, u"--out"_s, outDir} +
                args);
    if (!p.waitForFinished(600000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        if (error)
            *error = QString::fromUtf8(p.readAllStandardError());
        return false;
    }
    return true;
}

QByteArray claudeAssistantLine(const QString &session, const QString &id, const QString &timestamp,
                               qint64 inputTokens, qint64 outputTokens)
{
    return u"{\"parentUuid\":null,\"isSidechain\":false,\"type\":\"assistant\","
           "\"sessionId\":\"%1\",\"requestId\":\"req_%2\",\"uuid\":\"u-%2\","
           "\"timestamp\":\"%3\",\"message\":{\"model\":\"claude-sonnet-4-5-20250929\","
           "\"id\":\"msg_%2\",\"type\":\"message\",\"role\":\"assistant\",\"usage\":{"
           "\"input_tokens\":%4,\"cache_creation_input_tokens\":0,\"cache_read_input_tokens\":0,"
           "\"output_tokens\":%5}}}\n"_s.arg(session, id, timestamp)
               .arg(inputTokens)
               .arg(outputTokens)
               .toUtf8();
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

} // namespace TestHelpers
