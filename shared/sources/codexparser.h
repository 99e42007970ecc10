#pragma once

#include "sources/parseresult.h"
#include "sources/sourcefile.h"

#include <QByteArray>

//! \brief Reads Codex rollout files (JSONL, appended; spec/usage-formats.md §3).
//!
//! Turns cumulative `token_count` events into per-call deltas with the rule of
//! spec §3.3.6: re-emits (unchanged total) and stale snapshots are dropped here,
//! counter resets are counted, a sub-agent's leading replay burst is skipped but
//! becomes the baseline. Copies across files (forks, archives) share a group key
//! of (timestamp, model, delta) and are dropped by the ledger. The per-file state
//! (last total, model, session) is returned in ParseResult::state so that an
//! append resumes where the last read stopped.
class CodexParser
{
public:
    //! \a data must stay readable for JsonAccess::Padding bytes past \a size.
    static void parse(const SourceFile &file, const char *data, std::int64_t size,
                      std::int64_t baseOffset, const QByteArray &state, ParseResult &out);
};
