#include "localschema.h"

#include <array>

namespace {

// 1: usage engine (files, chunks, dedup groups, hourly usage, drops, prices).
constexpr std::string_view Step1 = R"sql(
CREATE TABLE files(
  id INTEGER PRIMARY KEY,
  path_hash INTEGER NOT NULL UNIQUE,
  agent INTEGER NOT NULL,
  kind INTEGER NOT NULL,
  dev INTEGER NOT NULL DEFAULT 0,
  ino INTEGER NOT NULL DEFAULT 0,
  size INTEGER NOT NULL DEFAULT 0,
  mtime_ns INTEGER NOT NULL DEFAULT 0,
  read_offset INTEGER NOT NULL DEFAULT 0,
  tail_hash INTEGER NOT NULL DEFAULT 0,
  name TEXT NOT NULL DEFAULT '',
  state BLOB,
  lines INTEGER NOT NULL DEFAULT 0,
  malformed INTEGER NOT NULL DEFAULT 0,
  pending INTEGER NOT NULL DEFAULT 0,
  records INTEGER NOT NULL DEFAULT 0,
  drops BLOB,
  deleted INTEGER NOT NULL DEFAULT 0);
CREATE TABLE chunks(
  id INTEGER PRIMARY KEY,
  file_id INTEGER NOT NULL,
  records BLOB NOT NULL);
CREATE INDEX chunks_file ON chunks(file_id);
CREATE TABLE groups(
  gkey INTEGER PRIMARY KEY,
  ref INTEGER NOT NULL);
CREATE TABLE models(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
CREATE TABLE sessions(id INTEGER PRIMARY KEY, agent INTEGER NOT NULL, name TEXT NOT NULL,
  UNIQUE(agent, name));
CREATE TABLE usage(
  hour INTEGER NOT NULL,
  agent INTEGER NOT NULL,
  model_id INTEGER NOT NULL,
  session_id INTEGER NOT NULL,
  input INTEGER NOT NULL DEFAULT 0,
  cache_write INTEGER NOT NULL DEFAULT 0,
  cache_read INTEGER NOT NULL DEFAULT 0,
  output INTEGER NOT NULL DEFAULT 0,
  reasoning INTEGER NOT NULL DEFAULT 0,
  messages INTEGER NOT NULL DEFAULT 0,
  cost INTEGER NOT NULL DEFAULT 0,
  unpriced INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY(hour, agent, model_id, session_id)) WITHOUT ROWID;
CREATE TABLE drops(reason INTEGER PRIMARY KEY, n INTEGER NOT NULL);
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE price_cache(
  fingerprint TEXT NOT NULL,
  model TEXT NOT NULL,
  price BLOB,
  PRIMARY KEY(fingerprint, model)) WITHOUT ROWID;
)sql";

// 2: sync (DESIGN.md §4). One account per store; the chain (seq, last_hash)
// moves in the same transaction that records the server's accepted answer.
// outbox keeps every body that left the machine, byte for byte. sync_sent
// holds every (hour, agent, model) ever sent for this device, so a row that
// vanished locally is sent as zeros instead of lingering on the server.
// sync_days is the server's checksum per UTC day as last known, so status can
// count pending days offline. sync_rejected holds rows the server refused, so
// they are never retried.
constexpr std::string_view Step2 = R"sql(
CREATE TABLE sync_account(
  id INTEGER PRIMARY KEY CHECK (id = 1),
  server TEXT NOT NULL,
  username TEXT NOT NULL,
  device_id TEXT NOT NULL,
  visibility TEXT NOT NULL DEFAULT 'private',
  seq INTEGER NOT NULL DEFAULT 0,
  last_hash TEXT NOT NULL,
  created_ms INTEGER NOT NULL,
  signed_out INTEGER NOT NULL DEFAULT 0,
  last_attempt_ms INTEGER NOT NULL DEFAULT 0,
  last_success_ms INTEGER NOT NULL DEFAULT 0,
  last_result TEXT NOT NULL DEFAULT '',
  last_error TEXT NOT NULL DEFAULT '');
CREATE TABLE outbox(
  id INTEGER PRIMARY KEY,
  created_ms INTEGER NOT NULL,
  answered_ms INTEGER,
  server TEXT NOT NULL,
  device_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  body BLOB NOT NULL,
  body_hash TEXT NOT NULL,
  buckets INTEGER NOT NULL,
  days TEXT NOT NULL,
  state TEXT NOT NULL,
  http_status INTEGER NOT NULL DEFAULT 0,
  answer TEXT NOT NULL DEFAULT '');
CREATE TABLE sync_sent(
  hour INTEGER NOT NULL,
  agent TEXT NOT NULL,
  model TEXT NOT NULL,
  PRIMARY KEY(hour, agent, model)) WITHOUT ROWID;
CREATE TABLE sync_days(
  day TEXT PRIMARY KEY,
  checksum TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE sync_rejected(
  hour INTEGER NOT NULL,
  agent TEXT NOT NULL,
  model TEXT NOT NULL,
  reason TEXT NOT NULL,
  at_ms INTEGER NOT NULL,
  PRIMARY KEY(hour, agent, model)) WITHOUT ROWID;
)sql";

// 3: the engine under real conditions.
// - files.malformed_by: malformed lines by reason (MalformedCounts blob; the
//   files.malformed column stays their total). Filled for older rows by
//   LocalStore after this step. files.skipped: malformed lines plus
//   future-dated records, so that reports find the few files that have any.
// - chunks.gkey: OpenCode keeps one record per chunk, found by its group key,
//   so that a changed message replaces exactly its own record.
// - db_rows: what each row of an agent's database produced (by a hash of its
//   id), with its time_updated, so that a rescan parses only changed rows.
// - quota: the rate limits an agent reported (Claude Code's statusline input;
//   docs/agents/quota.md), the latest per window ("5h", "7d"), with the time
//   observed and where it came from ("statusline").
// - usage_session: the statusline's "this session" total.
constexpr std::string_view Step3 = R"sql(
ALTER TABLE files ADD COLUMN malformed_by BLOB;
ALTER TABLE files ADD COLUMN skipped INTEGER NOT NULL DEFAULT 0;
CREATE INDEX files_skipped ON files(skipped) WHERE skipped > 0;
ALTER TABLE chunks ADD COLUMN gkey INTEGER;
CREATE INDEX chunks_gkey ON chunks(gkey) WHERE gkey IS NOT NULL;
CREATE TABLE db_rows(
  file_id INTEGER NOT NULL,
  row_key INTEGER NOT NULL,
  updated INTEGER NOT NULL,
  outcome INTEGER NOT NULL,
  chunk_id INTEGER,
  PRIMARY KEY(file_id, row_key)) WITHOUT ROWID;
CREATE TABLE quota(
  agent INTEGER NOT NULL,
  window_name TEXT NOT NULL,
  used_percent REAL NOT NULL,
  resets_at INTEGER,
  observed_ms INTEGER NOT NULL,
  source TEXT NOT NULL,
  PRIMARY KEY(agent, window_name)) WITHOUT ROWID;
CREATE INDEX usage_session ON usage(session_id);
)sql";

// 4: quota from every source (docs/agents/quota.md).
// - quota_history: observed percentages for the dashboard, one point per
//   window and 15-minute slot (the newest observed in it).
// - quota_skipped: rate-limit windows skipped per file (absurd values).
// - quota.source names the source as `tokentally quota` prints it; the
//   statusline's rows were "statusline".
// LocalStore reads Codex logs again once after this step, so that their
// rate limits (never stored before) are found.
constexpr std::string_view Step4 = R"sql(
CREATE TABLE quota_history(
  agent INTEGER NOT NULL,
  window_name TEXT NOT NULL,
  slot INTEGER NOT NULL,
  used_percent REAL NOT NULL,
  resets_at INTEGER,
  observed_ms INTEGER NOT NULL,
  source TEXT NOT NULL,
  PRIMARY KEY(agent, window_name, slot)) WITHOUT ROWID;
CREATE TABLE quota_skipped(
  file_id INTEGER PRIMARY KEY,
  n INTEGER NOT NULL);
UPDATE quota SET source = 'claude-statusline' WHERE source = 'statusline';
INSERT INTO quota_history(agent, window_name, slot, used_percent, resets_at, observed_ms, source)
  SELECT agent, window_name, observed_ms / 900000, used_percent, resets_at, observed_ms, source
  FROM quota;
)sql";

constexpr std::array<std::string_view, LocalSchema::Version> Steps = {Step1, Step2, Step3, Step4};

} // namespace

std::string_view LocalSchema::migration(int step)
{
    return step >= 1 && step <= Version ? Steps[size_t(step - 1)] : std::string_view();
}
