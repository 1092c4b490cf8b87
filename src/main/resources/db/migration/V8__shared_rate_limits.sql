-- Rate limits shared by every instance (issue 17): one token bucket per key, written by
-- storage/PostgresRateLimitBuckets (Bucket4j's PostgreSQL proxy manager) when the instances
-- share PostgreSQL. Portable SQL: on H2 (one instance) the buckets stay in memory and this
-- table stays empty.
--
-- id: 'c:' and a conversation id, 's:' and a messaging sender's keyed hash, or 'a:' and a
-- keyed hash of a web client address (never the address itself). state: Bucket4j's
-- serialised bucket. expires_at: when the bucket is full again, in milliseconds since the
-- epoch; the sweep deletes rows past it, so the table holds only the keys seen lately.
-- lock_id: the key's advisory lock (pg_advisory_xact_lock), so that the sweep skips a bucket
-- that a message is using.
--
-- No index on expires_at: it changes with every message, and an index on it would make every
-- update write the index too (no heap-only update); the table holds about one period's keys,
-- which the sweep reads once a minute.
CREATE TABLE rate_limit_bucket (
  id         VARCHAR(110) PRIMARY KEY,
  state      BYTEA,
  expires_at BIGINT,
  lock_id    BIGINT
);
