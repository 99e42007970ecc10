#include "sqliteserverstore.h"
#include "sqlitestatements.h"

using namespace SqliteStatements;

namespace {

const char *const Migrations[] = {
    // Version 1.
    R"sql(
CREATE TABLE users(
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    token_hash TEXT NOT NULL UNIQUE,
    visibility INTEGER NOT NULL DEFAULT 0,
    hidden INTEGER NOT NULL DEFAULT 0,
    reviewed INTEGER NOT NULL DEFAULT 0,
    flag_reason TEXT NOT NULL DEFAULT '',
    created INTEGER NOT NULL);
CREATE TABLE devices(
    device_id TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    public_key BLOB NOT NULL,
    label TEXT NOT NULL,
    seq INTEGER NOT NULL DEFAULT 0,
    last_hash TEXT NOT NULL,
    created INTEGER NOT NULL);
CREATE INDEX devices_user ON devices(user_id);
CREATE TABLE buckets(
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    device_id TEXT NOT NULL,
    hour INTEGER NOT NULL,
    agent TEXT NOT NULL,
    model TEXT NOT NULL,
    input INTEGER NOT NULL,
    cache_write INTEGER NOT NULL,
    cache_read INTEGER NOT NULL,
    output INTEGER NOT NULL,
    reasoning INTEGER NOT NULL,
    messages INTEGER NOT NULL,
    sessions INTEGER NOT NULL,
    cost REAL,
    price_version TEXT NOT NULL,
    PRIMARY KEY(user_id, device_id, hour, agent, model)) WITHOUT ROWID;
CREATE INDEX buckets_hour ON buckets(hour, user_id);
CREATE INDEX buckets_device ON buckets(device_id, hour);
CREATE TABLE submissions(
    device_id TEXT NOT NULL REFERENCES devices(device_id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    body_hash TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    received INTEGER NOT NULL,
    buckets INTEGER NOT NULL,
    replaced INTEGER NOT NULL,
    price_version TEXT NOT NULL,
    PRIMARY KEY(device_id, seq));
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
)sql",
    // Version 2: checksums read a device's rows through the primary key (the
    // device's user first), so every ingested row no longer updates a third
    // b-tree.
    R"sql(
DROP INDEX buckets_device;
)sql",
    // Version 3: admin commands (another process) log what they changed, so
    // running servers drop the affected cached boards within a second.
    R"sql(
CREATE TABLE changes(id INTEGER PRIMARY KEY, payload TEXT NOT NULL, at INTEGER NOT NULL);
)sql",
};
static_assert(std::size(Migrations) == SqliteServerStore::SchemaVersion);

} // namespace

void SqliteSchema::migrate(Database &db)
{
    const int version = db.userVersion();
    if (version < 0)
        fail(db, "user_version");
    const int latest = int(std::size(Migrations));
    if (version > latest)
        throw StoreError("database schema " + std::to_string(version) +
                         " is newer than this server");
    for (int v = version; v < latest; ++v) {
        WriteTransaction tx(db);
        exec(db, Migrations[v]);
        exec(db, "PRAGMA user_version=" + std::to_string(v + 1));
        tx.commit();
    }
}
