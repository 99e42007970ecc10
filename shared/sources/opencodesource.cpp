#include "opencodesource.h"

#include "core/usagerecord.h"
#include "sources/opencodereader.h"
#include "sources/sourcepaths.h"

using namespace Qt::StringLiterals;

QStringList OpenCodeSource::environmentVariables() const
{
    return {u"XDG_DATA_HOME"_s};
}

QStringList OpenCodeSource::defaultRoots(const SourceEnvironment &env) const
{
    return {SourcePaths::orDefault(env.xdgDataHome, env.home + u"/.local/share"_s) +
            u"/opencode"_s};
}

bool OpenCodeSource::acceptsName(std::string_view name) const
{
    return name.size() > 5 && name.ends_with(".json");
}

bool OpenCodeSource::classify(const std::vector<std::string> &rel, SourceFile &file) const
{
    file.kind = SourceKind::WholeJson;
    if (rel.size() >= 2)
        file.sessionHint = QString::fromStdString(rel[rel.size() - 2]);
    return true;
}

void OpenCodeSource::parse(const SourceFile &file, const char *data, std::int64_t size,
                           std::int64_t, const QByteArray &, ParseResult &out) const
{
    OpenCodeReader::parseMessageFile(file, data, size, out);
}

int OpenCodeSource::rankCopies(const StoredRecord &a, const StoredRecord &b) const
{
    const bool aDb = a.flags & RecordFromDatabase, bDb = b.flags & RecordFromDatabase;
    if (aDb != bDb)
        return aDb ? 1 : -1;
    return 0;
}

DropReason OpenCodeSource::lossReason(const StoredRecord &, const StoredRecord &) const
{
    return DropReason::OpenCodeDuplicate;
}
