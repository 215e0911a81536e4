-- Reading the audit log and the token list through the API (GET /v1/audit,
-- GET /v1/tokens): newest first, keyset-paged on (time, id), by workspace and
-- by member. Lookups by record use audit_log_entity from 0001.
CREATE INDEX audit_log_by_time ON audit_log (workspace_id, at, id);
CREATE INDEX audit_log_by_member ON audit_log (workspace_id, actor_member_id, at, id);
CREATE INDEX api_tokens_by_time ON api_tokens (workspace_id, created_at, id);
