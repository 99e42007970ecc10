#pragma once

#include "sources/parseresult.h"
#include "sources/sourcefile.h"

//! \brief Reads OpenCode usage (spec/usage-formats.md §4): the SQLite
//! `opencode.db` (opened read-only while OpenCode may be writing it; rows still
//! in its WAL are visible) and legacy `storage/message/<session>/<msg>.json`
//! files. Both are rewritten in place, so each read replaces the file's earlier
//! contribution. Records are keyed by message id; db rows win over JSON copies.
class OpenCodeReader
{
public:
    //! Parses one legacy message file; \a data padded by JsonAccess::Padding.
    static void parseMessageFile(const SourceFile &file, const char *data, std::int64_t size,
                                 ParseResult &out);
    //! Reads every message row of a database; false with \a error if unreadable.
    static bool readDatabase(const SourceFile &file, ParseResult &out, QString *error);
};
