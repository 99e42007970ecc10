#pragma once

#include "ledger/dropreason.h"
#include "sources/parseresult.h"
#include "sources/sourceenvironment.h"
#include "sources/sourcefile.h"
#include "store/storedrecord.h"

#include <QByteArray>
#include <QStringList>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

//! \brief One agent's way of finding and reading its usage files. Adding an
//! agent means one subclass, registered in SourceRegistry's table: discovery,
//! the scanner and the ledger's dedup only talk to this interface.
class UsageSource
{
public:
    virtual ~UsageSource() = default;

    virtual Agent agent() const = 0;
    //! The environment variables roots() follows, read by SourceEnvironment::fromProcess().
    virtual QStringList environmentVariables() const { return {}; }
    //! Root directories by the agent's own conventions (existing or not), in
    //! discovery order; --data-dir and settings extras are added by the registry.
    virtual QStringList defaultRoots(const SourceEnvironment &env) const = 0;
    //! The folder below each root whose tree holds the usage files ("" : the root).
    virtual std::string treeBelow() const { return {}; }
    //! Whether each root also holds databases to read (OpenCode's opencode.db).
    virtual bool hasDatabases() const { return false; }
    //! A file name that may be a usage file; called for every file walked, so cheap.
    virtual bool acceptsName(std::string_view name) const = 0;
    //! Fills the kind and session hint of a file at \a rel (its path below the
    //! tree, name last); false when that place holds no usage file.
    virtual bool classify(const std::vector<std::string> &rel, SourceFile &file) const = 0;
    //! Parses [data, data + size), read from \a baseOffset on; \a data stays
    //! readable for JsonAccess::Padding bytes past \a size. \a state is what the
    //! last read of the file left in ParseResult::state (append logs and whole
    //! files alike; empty after a rewrite of an append log).
    virtual void parse(const SourceFile &file, const char *data, std::int64_t size,
                       std::int64_t baseOffset, const QByteArray &state,
                       ParseResult &out) const = 0;

    //! Dedup between copies of one call (same group key): > 0 when \a a is the
    //! counted copy, < 0 when \a b is, 0 to fall back on the common order
    //! (earliest timestamp, then the file that sorts first, then the earlier line).
    virtual int rankCopies(const StoredRecord &a, const StoredRecord &b) const
    {
        Q_UNUSED(a);
        Q_UNUSED(b);
        return 0;
    }
    //! Why \a loser was not counted next to \a winner.
    virtual DropReason lossReason(const StoredRecord &loser, const StoredRecord &winner) const = 0;
    //! Whole files rewritten in place keep one record per chunk, found by its
    //! group key, so that a rewrite replaces only that file's records instead
    //! of recomputing the store. Only for agents whose loss reason does not
    //! depend on the winner and whose copies all live in such chunks.
    virtual bool singleRecordChunks() const { return false; }
};
