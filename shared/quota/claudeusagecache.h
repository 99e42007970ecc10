#pragma once

#include "quota/quotaobservation.h"

#include <QByteArray>
#include <QStringList>

#include <vector>

struct SourceEnvironment;

//! \brief Claude Code's own cached copy of its usage windows:
//! `cachedUsageUtilization` in its global config `.claude.json`
//! (docs/agents/quota.md §2.2). A snapshot from whenever Claude Code last
//! fetched it, so every window is observed at `fetchedAtMs` and marked
//! SourceClaudeCache. Only this key is read: the file also holds account and
//! project details that never leave this class.
class ClaudeUsageCache
{
public:
    //! \brief `$CLAUDE_CONFIG_DIR/.claude.json` for each entry of that list,
    //! else `~/.claude.json`.
    static QStringList files(const SourceEnvironment &env);
    //! \brief The windows of one file's JSON; nothing when it holds none.
    static std::vector<QuotaObservation> parse(const QByteArray &json);
    //! \brief The windows of every file of files(); per window the newest.
    static std::vector<QuotaObservation> read(const SourceEnvironment &env);
};
