-- The record fills itself: emails captured where they are read, and meeting
-- notes tied to the calendar event they came from.

-- A captured email's own message id. One message is one interaction per
-- workspace, whoever captured it and however often its thread is opened.
ALTER TABLE interactions ADD COLUMN external_id TEXT;
-- The capture (batch) that created the row, so undo removes exactly those.
ALTER TABLE interactions ADD COLUMN capture_id TEXT;
CREATE UNIQUE INDEX interactions_external ON interactions (workspace_id, external_id)
  WHERE external_id IS NOT NULL;
CREATE INDEX interactions_capture ON interactions (workspace_id, capture_id)
  WHERE capture_id IS NOT NULL;

-- One row per batch a member captured; undone_at is set when it is undone
-- (its interactions are deleted, the audit log keeps what they were).
CREATE TABLE captures (
  id           TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL REFERENCES workspaces(id),
  partner_id   TEXT NOT NULL REFERENCES partners(id),
  member_id    TEXT NOT NULL REFERENCES members(id),
  created_at   TEXT NOT NULL,
  undone_at    TEXT
);
CREATE INDEX captures_workspace ON captures (workspace_id, id);

-- Opening the same calendar event again continues its notes: one meeting per
-- event per partner.
ALTER TABLE meetings ADD COLUMN calendar_event_id TEXT;
CREATE UNIQUE INDEX meetings_calendar_event ON meetings (workspace_id, partner_id, calendar_event_id)
  WHERE calendar_event_id IS NOT NULL;

-- Nudges count the promises we owe by due date; commitments_by_status leads
-- with status, this one with who owes, so the count reads only our side.
CREATE INDEX commitments_owed_due ON commitments (workspace_id, owed_by, status, due_on);
