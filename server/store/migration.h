#pragma once

#include <QString>

#include <string>

//! \brief `tokentally-server migrate --from sqlite:PATH --to postgresql://...`:
//! copies users (ids, token hashes, review state), devices (keys, chain
//! heads), buckets and the chain log into an empty PostgreSQL database in one
//! transaction, then verifies row counts, chain heads and every device's
//! per-day checksums against the source. Refuses a target that holds data.
namespace Migration {
//! 0 on success (a summary on stdout); else 1 with the reason on stderr.
int run(const QString &sqlitePath, const std::string &postgresUri);
} // namespace Migration
