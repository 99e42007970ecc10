#include "codexsource.h"

#include "sources/codexparser.h"
#include "sources/sourcepaths.h"

using namespace Qt::StringLiterals;

QStringList CodexSource::environmentVariables() const
{
    return {u"CODEX_HOME"_s};
}

QStringList CodexSource::defaultRoots(const SourceEnvironment &env) const
{
    QStringList out;
    for (const QString &dir : env.codexHome.isEmpty() ? QStringList {env.home + u"/.codex"_s}
                                                      : SourcePaths::splitList(env.codexHome))
        out << dir + u"/sessions"_s << dir + u"/archived_sessions"_s;
    return out;
}

bool CodexSource::acceptsName(std::string_view name) const
{
    return name.size() > 6 && name.ends_with(".jsonl");
}

bool CodexSource::classify(const std::vector<std::string> &, SourceFile &file) const
{
    file.kind = SourceKind::AppendLog;
    return true;
}

void CodexSource::parse(const SourceFile &file, const char *data, std::int64_t size,
                        std::int64_t baseOffset, const QByteArray &state, ParseResult &out) const
{
    CodexParser::parse(file, data, size, baseOffset, state, out);
}

DropReason CodexSource::lossReason(const StoredRecord &, const StoredRecord &) const
{
    return DropReason::CodexCopied;
}
