#pragma once

#include "sources/parseresult.h"
#include "sources/sourcefile.h"

#include <QByteArray>

#include <cstdint>

//! \brief What one scan learned about one file: its new cursor and the records
//! of the bytes it read.
struct FileUpdate
{
    std::uint64_t pathHash = 0;
    //! The file's name without its folders: the tie-break between identical
    //! copies ("the file whose path sorts first"); folders may name projects,
    //! so they are never stored.
    QByteArray name;
    Agent agent = Agent::ClaudeCode;
    SourceKind kind = SourceKind::AppendLog;
    bool replace = false; //!< the file was truncated or rewritten: drop its earlier records
    bool deleted = false; //!< the file is gone: keep its history, remember it is gone
    std::int64_t dev = 0;
    std::int64_t ino = 0;
    std::int64_t size = 0;
    std::int64_t mtimeNs = 0;
    std::int64_t readOffset = 0; //!< bytes consumed, the next read starts here
    std::uint64_t tailHash = 0; //!< hash of the bytes just before readOffset
    ParseResult result;
};
