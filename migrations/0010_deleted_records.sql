-- Deleting a partner's record (contact, interaction, commitment, referral,
-- goal, meeting) moves its row here whole, so it can be restored, and the
-- live tables hold only live rows: every read, lookup, count and health score
-- leaves deleted records out without a filter of its own to forget.
-- The audit log keeps who deleted what (action 'archive') and who restored it.
CREATE TABLE deleted_records (
  workspace_id         TEXT NOT NULL,
  id                   TEXT NOT NULL,
  record_type          TEXT NOT NULL,
  partner_id           TEXT NOT NULL,
  row_json             TEXT NOT NULL,
  -- The record whose delete took this one along (a meeting's interaction);
  -- restoring that record brings this one back too.
  deleted_with         TEXT,
  deleted_by_member_id TEXT,
  deleted_at           TEXT NOT NULL,
  PRIMARY KEY (workspace_id, id)
);
CREATE INDEX deleted_records_with ON deleted_records (workspace_id, deleted_with) WHERE deleted_with IS NOT NULL;

-- GET /v1/partners?status=archived lists the archived ones by name.
CREATE INDEX partners_archived_by_name ON partners (workspace_id, name COLLATE NOCASE, id) WHERE archived_at IS NOT NULL;
