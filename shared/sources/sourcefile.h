#pragma once

#include "core/agent.h"

#include <QString>

#include <cstdint>

//! \brief How a source file is written, which decides how it is re-read.
enum class SourceKind : std::uint8_t {
    AppendLog = 0, //!< JSONL appended to: read from the cursor on (Claude, Codex)
    WholeJson = 1, //!< rewritten in place: re-read whole on change (OpenCode legacy message)
    SqliteDb = 2, //!< a database another program writes: re-read on change (opencode.db)
};

//! \brief A file a source found on disk.
struct SourceFile
{
    QString path;
    Agent agent = Agent::ClaudeCode;
    SourceKind kind = SourceKind::AppendLog;
    //! Session id implied by the location (Claude sub-agent files count toward
    //! the parent session; OpenCode legacy files sit in a session folder).
    QString sessionHint;
    //! Discovery order; with paths it keeps "first seen" deterministic.
    int rootIndex = 0;
    //! What discovery's stat saw (a database's size and time include its -wal).
    std::int64_t size = -1;
    std::int64_t mtimeNs = 0;
    std::int64_t dev = 0;
    std::int64_t ino = 0;
    //! Scanner::pathHash() of the path, filled by discovery (0: not yet).
    std::uint64_t pathHash = 0;
};
