#include "postgresserverstore.h"

#include <libpq-fe.h>

namespace {

const char *const Migrations[] = {
    // Version 1: the SQLite schema in PostgreSQL types. Names are unique
    // case-insensitively (SQLite's NOCASE); a submission is one function call.
    R"sql(
CREATE TABLE users(
    id BIGSERIAL PRIMARY KEY,
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    visibility SMALLINT NOT NULL DEFAULT 0,
    hidden BOOLEAN NOT NULL DEFAULT false,
    reviewed BOOLEAN NOT NULL DEFAULT false,
    flag_reason TEXT NOT NULL DEFAULT '',
    created BIGINT NOT NULL);
CREATE UNIQUE INDEX users_name ON users(lower(name));
CREATE TABLE devices(
    device_id TEXT PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    public_key BYTEA NOT NULL,
    label TEXT NOT NULL,
    seq BIGINT NOT NULL DEFAULT 0,
    last_hash TEXT NOT NULL,
    created BIGINT NOT NULL);
CREATE INDEX devices_user ON devices(user_id);
-- No foreign key to users: a trigger per inserted row slowed ingest down;
-- deleting a user deletes its buckets explicitly.
CREATE TABLE buckets(
    user_id BIGINT NOT NULL,
    device_id TEXT NOT NULL,
    hour BIGINT NOT NULL,
    agent TEXT NOT NULL,
    model TEXT NOT NULL,
    input BIGINT NOT NULL,
    cache_write BIGINT NOT NULL,
    cache_read BIGINT NOT NULL,
    output BIGINT NOT NULL,
    reasoning BIGINT NOT NULL,
    messages BIGINT NOT NULL,
    sessions BIGINT NOT NULL,
    cost DOUBLE PRECISION,
    price_version TEXT NOT NULL,
    PRIMARY KEY(user_id, device_id, hour, agent, model));
CREATE INDEX buckets_hour ON buckets(hour, user_id);
CREATE TABLE submissions(
    device_id TEXT NOT NULL REFERENCES devices(device_id) ON DELETE CASCADE,
    seq BIGINT NOT NULL,
    body_hash TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    received BIGINT NOT NULL,
    buckets INTEGER NOT NULL,
    replaced INTEGER NOT NULL,
    price_version TEXT NOT NULL,
    PRIMARY KEY(device_id, seq));
-- One submission: advance the chain only from (seq - 1, prev) (the row lock
-- makes a concurrent submission of the same seq wait, then find it moved on),
-- count rows whose numbers change, upsert, log, notify. All or nothing.
CREATE FUNCTION tt_apply_submission(p_user BIGINT, p_device TEXT, p_seq BIGINT, p_prev TEXT,
    p_hash TEXT, p_hours BIGINT[], p_agents TEXT[], p_models TEXT[], p_input BIGINT[],
    p_cache_write BIGINT[], p_cache_read BIGINT[], p_output BIGINT[], p_reasoning BIGINT[],
    p_messages BIGINT[], p_sessions BIGINT[], p_costs DOUBLE PRECISION[], p_version TEXT,
    p_received BIGINT, p_channel TEXT, p_origin TEXT)
RETURNS TABLE(applied BOOLEAN, replaced INTEGER, on_boards BOOLEAN)
LANGUAGE plpgsql
-- Plans for this device and these hours: PL/pgSQL's generic plan (from the
-- sixth call on) joined the incoming rows five times slower.
SET plan_cache_mode = force_custom_plan
AS $fn$
DECLARE
    v_replaced INTEGER := 0;
    v_board BOOLEAN;
    v_min BIGINT;
    v_max BIGINT;
BEGIN
    -- Like SQLite's synchronous=NORMAL: the commit is atomic and crash-safe,
    -- only a crash of the database host may drop the last ~0.6 s of
    -- submissions, which clients resend (their chain head tells them). It
    -- lets one WAL flush serve many submissions instead of one each.
    SET LOCAL synchronous_commit TO off;
    UPDATE devices SET seq = p_seq, last_hash = p_hash
     WHERE device_id = p_device AND user_id = p_user AND seq = p_seq - 1 AND last_hash = p_prev;
    IF NOT FOUND THEN
        RETURN QUERY SELECT false, 0, false;
        RETURN;
    END IF;
    -- One statement: the incoming rows are unnested once; "old" sees the
    -- rows as they were before the upsert in the same snapshot.
    WITH i AS MATERIALIZED (
        SELECT * FROM unnest(p_hours, p_agents, p_models, p_input, p_cache_write, p_cache_read,
                             p_output, p_reasoning, p_messages, p_sessions, p_costs)
               AS t(hour, agent, model, input, cache_write, cache_read, output, reasoning,
                    messages, sessions, cost)),
    old AS (
        SELECT (b.input, b.cache_write, b.cache_read, b.output, b.reasoning, b.messages,
                b.sessions)
               IS DISTINCT FROM (i.input, i.cache_write, i.cache_read, i.output, i.reasoning,
                                 i.messages, i.sessions) AS changed
          FROM i JOIN buckets b ON b.user_id = p_user AND b.device_id = p_device
                               AND b.hour = i.hour AND b.agent = i.agent AND b.model = i.model
         -- The submission's hour range bounds the primary-key scan: without
         -- it the device's whole history was read for every submission.
         WHERE b.hour BETWEEN (SELECT min(hour) FROM i) AND (SELECT max(hour) FROM i)),
    up AS (
        INSERT INTO buckets AS b(user_id, device_id, hour, agent, model, input, cache_write,
                                 cache_read, output, reasoning, messages, sessions, cost,
                                 price_version)
        SELECT p_user, p_device, i.hour, i.agent, i.model, i.input, i.cache_write, i.cache_read,
               i.output, i.reasoning, i.messages, i.sessions, i.cost, p_version
          FROM i
        ON CONFLICT (user_id, device_id, hour, agent, model) DO UPDATE
           SET input = excluded.input, cache_write = excluded.cache_write,
               cache_read = excluded.cache_read, output = excluded.output,
               reasoning = excluded.reasoning, messages = excluded.messages,
               sessions = excluded.sessions, cost = excluded.cost,
               price_version = excluded.price_version
         WHERE (b.input, b.cache_write, b.cache_read, b.output, b.reasoning, b.messages,
                b.sessions, b.cost, b.price_version)
               IS DISTINCT FROM (excluded.input, excluded.cache_write, excluded.cache_read,
                                 excluded.output, excluded.reasoning, excluded.messages,
                                 excluded.sessions, excluded.cost, excluded.price_version)
        RETURNING 1)
    SELECT count(*) FILTER (WHERE changed), (SELECT min(hour) FROM i), (SELECT max(hour) FROM i)
      INTO v_replaced, v_min, v_max
      FROM old;
    INSERT INTO submissions(device_id, seq, body_hash, prev_hash, received, buckets, replaced,
                            price_version)
    VALUES(p_device, p_seq, p_hash, p_prev, p_received, cardinality(p_hours), v_replaced,
           p_version);
    SELECT visibility = 2 AND NOT hidden INTO v_board FROM users WHERE id = p_user;
    IF v_min IS NOT NULL THEN
        PERFORM pg_notify(p_channel, p_origin || ' b|' || p_user || '|' || v_min || '|' || v_max
                          || '|' || CASE WHEN v_board THEN '1' ELSE '0' END);
    END IF;
    RETURN QUERY SELECT true, v_replaced, coalesce(v_board, false);
END
$fn$;
)sql",
    // Version 2: tt_apply_submission with generic plans, synchronous commit
    // and without NOTIFY (see inside). The arguments stay (p_channel and
    // p_origin unused) so that CREATE OR REPLACE swaps it in place.
    R"sql(
CREATE OR REPLACE FUNCTION tt_apply_submission(p_user BIGINT, p_device TEXT, p_seq BIGINT, p_prev TEXT,
    p_hash TEXT, p_hours BIGINT[], p_agents TEXT[], p_models TEXT[], p_input BIGINT[],
    p_cache_write BIGINT[], p_cache_read BIGINT[], p_output BIGINT[], p_reasoning BIGINT[],
    p_messages BIGINT[], p_sessions BIGINT[], p_costs DOUBLE PRECISION[], p_version TEXT,
    p_received BIGINT, p_channel TEXT, p_origin TEXT)
RETURNS TABLE(applied BOOLEAN, replaced INTEGER, on_boards BOOLEAN)
LANGUAGE plpgsql
-- One plan per connection: re-planning every call (force_custom_plan) was a
-- third of the backend's time. Every statement here is a key lookup, and the
-- old rows are read one primary-key probe per incoming row (LATERAL ... LIMIT
-- 1 is never flattened into a join), so the generic plan cannot go wrong.
SET plan_cache_mode = force_generic_plan
AS $fn$
DECLARE
    v_replaced INTEGER := 0;
    v_board BOOLEAN;
    v_min BIGINT;
    v_max BIGINT;
BEGIN
    -- Commits synchronously (the cluster's setting): an accepted submission
    -- survives a crash of the database host. The NOTIFY is not sent here:
    -- NOTIFY serialises committing transactions (PostgreSQL holds a global
    -- lock from before the commit to after its WAL flush), which kept
    -- concurrent submissions from sharing a flush; the caller notifies in a
    -- second transaction of the same round trip.
    UPDATE devices SET seq = p_seq, last_hash = p_hash
     WHERE device_id = p_device AND user_id = p_user AND seq = p_seq - 1 AND last_hash = p_prev;
    IF NOT FOUND THEN
        RETURN QUERY SELECT false, 0, false;
        RETURN;
    END IF;
    -- "old" sees the rows as they were before the upsert (same snapshot).
    WITH i AS MATERIALIZED (
        SELECT * FROM unnest(p_hours, p_agents, p_models, p_input, p_cache_write, p_cache_read,
                             p_output, p_reasoning, p_messages, p_sessions, p_costs)
               AS t(hour, agent, model, input, cache_write, cache_read, output, reasoning,
                    messages, sessions, cost)),
    old AS (
        SELECT (o.input, o.cache_write, o.cache_read, o.output, o.reasoning, o.messages,
                o.sessions)
               IS DISTINCT FROM (i.input, i.cache_write, i.cache_read, i.output, i.reasoning,
                                 i.messages, i.sessions) AS changed
          FROM i CROSS JOIN LATERAL (
               SELECT b.input, b.cache_write, b.cache_read, b.output, b.reasoning, b.messages,
                      b.sessions
                 FROM buckets b
                WHERE b.user_id = p_user AND b.device_id = p_device AND b.hour = i.hour
                  AND b.agent = i.agent AND b.model = i.model
                LIMIT 1) o),
    up AS (
        INSERT INTO buckets AS b(user_id, device_id, hour, agent, model, input, cache_write,
                                 cache_read, output, reasoning, messages, sessions, cost,
                                 price_version)
        SELECT p_user, p_device, i.hour, i.agent, i.model, i.input, i.cache_write, i.cache_read,
               i.output, i.reasoning, i.messages, i.sessions, i.cost, p_version
          FROM i
        ON CONFLICT (user_id, device_id, hour, agent, model) DO UPDATE
           SET input = excluded.input, cache_write = excluded.cache_write,
               cache_read = excluded.cache_read, output = excluded.output,
               reasoning = excluded.reasoning, messages = excluded.messages,
               sessions = excluded.sessions, cost = excluded.cost,
               price_version = excluded.price_version
         WHERE (b.input, b.cache_write, b.cache_read, b.output, b.reasoning, b.messages,
                b.sessions, b.cost, b.price_version)
               IS DISTINCT FROM (excluded.input, excluded.cache_write, excluded.cache_read,
                                 excluded.output, excluded.reasoning, excluded.messages,
                                 excluded.sessions, excluded.cost, excluded.price_version)
        RETURNING 1)
    SELECT (SELECT count(*) FILTER (WHERE changed) FROM old), min(hour), max(hour)
      INTO v_replaced, v_min, v_max
      FROM i;
    INSERT INTO submissions(device_id, seq, body_hash, prev_hash, received, buckets, replaced,
                            price_version)
    VALUES(p_device, p_seq, p_hash, p_prev, p_received, cardinality(p_hours), v_replaced,
           p_version);
    SELECT visibility = 2 AND NOT hidden INTO v_board FROM users WHERE id = p_user;
    RETURN QUERY SELECT true, v_replaced, coalesce(v_board, false);
END
$fn$;
)sql",
};
static_assert(std::size(Migrations) == PostgresServerStore::SchemaVersion);

} // namespace

void PostgresServerStore::migrate()
{
    auto db = m_pool.acquire();
    db->exec("BEGIN");
    try {
        // Several processes may start at once: one migrates, the others wait.
        db->exec("SELECT pg_advisory_xact_lock(7707001)");
        db->exec("CREATE TABLE IF NOT EXISTS tokentally_schema(version INTEGER NOT NULL)");
        const PgResult r = db->query("SELECT COALESCE(MAX(version), 0) FROM tokentally_schema");
        const int version = int(r.int64(0, 0));
        const int latest = int(std::size(Migrations));
        if (version > latest)
            throw StoreError("database schema " + std::to_string(version) +
                             " is newer than this server");
        for (int v = version; v < latest; ++v) {
            db->exec(Migrations[v]);
            db->query("INSERT INTO tokentally_schema(version) VALUES($1)", {std::to_string(v + 1)});
        }
        db->exec("COMMIT");
    } catch (...) {
        if (db->isHealthy() || PQstatus(db->handle()) == CONNECTION_OK)
            PQclear(PQexec(db->handle(), "ROLLBACK"));
        throw;
    }
}
