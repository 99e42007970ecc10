#pragma once

#include "sources/parseresult.h"
#include "sources/sourcefile.h"

#include <cstdint>
#include <unordered_map>

//! \brief Reads OpenCode usage (spec/usage-formats.md §4): the SQLite
//! `opencode.db` that OpenCode keeps in WAL mode and writes while it runs, and
//! legacy `storage/message/<session>/<msg>.json` files. Records are keyed by
//! message id; db rows win over JSON copies.
//!
//! A database is read row by row: the caller passes the `time_updated` of every
//! row it already has, and only new or changed rows are parsed (each one's
//! outcome lands in ParseResult::rows), so an OpenCode write costs the rows it
//! wrote, never a re-read of the whole history.
//!
//! The database is never written and no file is left in OpenCode's directory
//! that was not there: without a `-wal` file nobody is writing, and the file is
//! read as immutable (no `-wal`/`-shm` created); the read is redone in normal
//! read-only mode when a writer appeared meanwhile. With a `-wal` (OpenCode
//! running, or it crashed) SQLite's normal read-only mode sees rows that are
//! still only in the WAL.
class OpenCodeReader
{
public:
    //! rowKey -> time_updated of the rows already read from one database.
    using KnownRows = std::unordered_map<std::uint64_t, std::int64_t>;

    //! Parses one legacy message file; \a data padded by JsonAccess::Padding.
    static void parseMessageFile(const SourceFile &file, const char *data, std::int64_t size,
                                 ParseResult &out);
    //! Reads the rows of a database that are not in \a known with the same
    //! time_updated; false with \a error if unreadable. \a bytesRead: message
    //! JSON parsed.
    static bool readDatabase(const SourceFile &file, const KnownRows &known, ParseResult &out,
                             std::int64_t *bytesRead, QString *error);
    //! The key of a message id in RowOutcome::rowKey (and the record's group key).
    static std::uint64_t rowKey(std::string_view messageId);
};
