#pragma once

#include "sources/parseresult.h"
#include "sources/sourcefile.h"

//! \brief Reads Claude Code transcripts (JSONL, appended; spec/usage-formats.md §2).
//!
//! Only lines holding `"usage"` are parsed in full (with simdjson); the rest get a
//! cheap structural check. Dedup across files is the ledger's job: each usage
//! line becomes a record keyed by message.id, flagged sidechain or mirror.
class ClaudeParser
{
public:
    //! \a data must stay readable for JsonAccess::Padding bytes past \a size.
    static void parse(const SourceFile &file, const char *data, std::int64_t size,
                      std::int64_t baseOffset, ParseResult &out);
};
