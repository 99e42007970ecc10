#include "claudesource.h"

#include "core/usagerecord.h"
#include "sources/claudeparser.h"
#include "sources/sourcepaths.h"

#include <algorithm>

using namespace Qt::StringLiterals;

QStringList ClaudeSource::environmentVariables() const
{
    return {u"CLAUDE_CONFIG_DIR"_s};
}

QStringList ClaudeSource::defaultRoots(const SourceEnvironment &env) const
{
    QStringList out;
    if (!env.claudeConfigDir.isEmpty()) {
        for (const QString &dir : SourcePaths::splitList(env.claudeConfigDir))
            out << (dir.endsWith(u"/projects"_s) ? dir : dir + u"/projects"_s);
    } else {
        const QString configHome =
            SourcePaths::orDefault(env.xdgConfigHome, env.home + u"/.config"_s);
        out << env.home + u"/.claude/projects"_s << configHome + u"/claude/projects"_s;
    }
    return out;
}

bool ClaudeSource::acceptsName(std::string_view name) const
{
    return name.size() > 6 && name.ends_with(".jsonl");
}

bool ClaudeSource::classify(const std::vector<std::string> &rel, SourceFile &file) const
{
    file.kind = SourceKind::AppendLog;
    // <project>/<session>/subagents/.../agent-x.jsonl counts toward <session>;
    // the nested legacy form <project>/<session>/<file>.jsonl too.
    const auto sub = std::find(rel.begin(), rel.end(), std::string("subagents"));
    if (sub != rel.end() && sub != rel.begin())
        file.sessionHint = QString::fromStdString(*(sub - 1));
    else if (rel.size() >= 3)
        file.sessionHint = QString::fromStdString(rel[rel.size() - 2]);
    return true;
}

void ClaudeSource::parse(const SourceFile &file, const char *data, std::int64_t size,
                         std::int64_t baseOffset, const QByteArray &, ParseResult &out) const
{
    ClaudeParser::parse(file, data, size, baseOffset, out);
}

int ClaudeSource::rankCopies(const StoredRecord &a, const StoredRecord &b) const
{
    const bool aMirror = a.flags & RecordMirror, bMirror = b.flags & RecordMirror;
    if (aMirror != bMirror)
        return aMirror ? -1 : 1;
    const bool aSide = a.flags & RecordSidechain, bSide = b.flags & RecordSidechain;
    if (aSide != bSide)
        return aSide ? -1 : 1;
    const std::int64_t ta = a.input + a.cacheWrite + a.cacheRead + a.output;
    const std::int64_t tb = b.input + b.cacheWrite + b.cacheRead + b.output;
    if (ta != tb)
        return ta > tb ? 1 : -1;
    const bool aSpeed = a.flags & RecordHasSpeed, bSpeed = b.flags & RecordHasSpeed;
    if (aSpeed != bSpeed)
        return aSpeed ? 1 : -1;
    return 0;
}

DropReason ClaudeSource::lossReason(const StoredRecord &loser, const StoredRecord &winner) const
{
    if (loser.flags & RecordMirror)
        return DropReason::ClaudeProgressMirror;
    if (((loser.flags | winner.flags) & RecordSidechain) && loser.subKey != winner.subKey)
        return DropReason::ClaudeSidechainReplay;
    return DropReason::ClaudeDuplicate;
}
