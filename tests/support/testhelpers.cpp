#include "testhelpers.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>

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

namespace {

bool runGenerator(const QString &outDir, const QStringList &args, QString *error)
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

bool copyTree(const QString &from, const QString &to)
{
    return QProcess::execute(u"cp"_s, {u"-a"_s, from, to}) == 0;
}

} // namespace

bool generateHome(const QString &outDir, const QStringList &args, QString *error)
{
    // The generator is deterministic (same arguments and script, same bytes), so
    // each home is generated once per build tree and copied from there: test
    // functions run alone (tests/run-functions-alone.sh) each start from their
    // own initTestCase. A copy, never the cached tree: tests change their homes.
    const QByteArray script = readFile(sourceDir() + u"/tests/fixtures/generate_home.py"_s);
    QCryptographicHash key(QCryptographicHash::Sha256);
    key.addData(script);
    key.addData(args.join(u'\n').toUtf8());
    const QString cacheRoot = binaryDir() + u"/tests/fixture-cache"_s;
    const QString cached = cacheRoot + u'/' + QString::fromLatin1(key.result().toHex().left(24));
    // Benchmark-sized homes are generated where they are used, never twice on disk.
    const qsizetype bytesArg = args.indexOf(u"--target-bytes"_s);
    const bool big = bytesArg >= 0 && args.value(bytesArg + 1).toLongLong() > 50'000'000;
    if (big || script.isEmpty() || !QDir().mkpath(cacheRoot))
        return runGenerator(outDir, args, error);
    if (!QFileInfo::exists(cached + u"/expected.json"_s)) {
        // Generated aside and renamed into place: concurrent tests never see half a tree.
        QTemporaryDir staging(cacheRoot + u"/staging-XXXXXX"_s);
        if (!staging.isValid() || !runGenerator(staging.filePath(u"g"_s), args, error))
            return false;
        if (!QDir().rename(staging.filePath(u"g"_s), cached) &&
            !QFileInfo::exists(cached + u"/expected.json"_s))
            return runGenerator(outDir, args, error);
    }
    if (QFileInfo::exists(outDir) && !QDir(outDir).isEmpty()) {
        if (error)
            *error = outDir + u" is not empty"_s;
        return false;
    }
    QDir().rmdir(outDir);
    QDir().mkpath(QFileInfo(outDir).absolutePath());
    if (!copyTree(cached, outDir)) {
        if (error)
            *error = u"cannot copy the cached home into "_s + outDir;
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

Run run(const QString &program, const QStringList &args, const QProcessEnvironment &env,
        const QByteArray &stdinData)
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(program, args);
    if (!stdinData.isEmpty())
        p.write(stdinData);
    p.closeWriteChannel();
    const bool finished = p.waitForFinished(300000);
    return {finished && p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            p.readAllStandardOutput(), p.readAllStandardError()};
}

} // namespace TestHelpers
