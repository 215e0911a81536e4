-- Tokens that end and tokens that only read; audit rows that say which token
-- and which request made them; idempotency keys that belong to one member.

-- NULL: the token lasts until revoked. Auth refuses a token past this time.
ALTER TABLE api_tokens ADD COLUMN expires_at TEXT;
-- 'read' tokens may only read (GET/HEAD); every write with one is 403.
ALTER TABLE api_tokens ADD COLUMN scope TEXT NOT NULL DEFAULT 'write' CHECK (scope IN ('read', 'write'));

-- NULL for rows written before this migration and for the nightly job's rows.
ALTER TABLE audit_log ADD COLUMN token_id TEXT;
ALTER TABLE audit_log ADD COLUMN request_id TEXT;

-- A key is the sender's own: a member reusing another member's key must get
-- their own answer, not the other's. SQLite cannot change a primary key in
-- place, so the table is rebuilt. Stored answers only matter for a client's
-- retries (the nightly job drops them after 7 days); the old rows are kept
-- under an empty member id, which no caller has, so none of them can be
-- replayed to the wrong member.
CREATE TABLE idempotency_keys_by_member (
  workspace_id  TEXT NOT NULL,
  member_id     TEXT NOT NULL,
  key           TEXT NOT NULL,
  request_hash  TEXT NOT NULL,
  status        INTEGER NOT NULL,
  response_json TEXT NOT NULL,
  created_at    TEXT NOT NULL,
  PRIMARY KEY (workspace_id, member_id, key)
);
INSERT INTO idempotency_keys_by_member (workspace_id, member_id, key, request_hash, status, response_json, created_at)
  SELECT workspace_id, '', key, request_hash, status, response_json, created_at FROM idempotency_keys;
DROP TABLE idempotency_keys;
ALTER TABLE idempotency_keys_by_member RENAME TO idempotency_keys;
