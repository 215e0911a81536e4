-- Two workspaces on this deployment, each a partner of the other, connected
-- by an invitation one accepts. A shared record stays ONE row in the
-- workspace that wrote it; the other workspace reads it only through its own
-- live connection row, never through a copy that could drift.

-- Single use, expires, revocable. Only the SHA-256 of the code is kept, so a
-- copy of the database cannot be used to connect to anyone.
CREATE TABLE invitations (
  id                   TEXT PRIMARY KEY,
  code_hash            TEXT NOT NULL UNIQUE,
  workspace_id         TEXT NOT NULL REFERENCES workspaces(id),
  partner_id           TEXT NOT NULL REFERENCES partners(id),
  created_by_member_id TEXT NOT NULL,
  created_at           TEXT NOT NULL,
  expires_at           TEXT NOT NULL,
  revoked_at           TEXT,
  accepted_at          TEXT,
  connection_id        TEXT
);
CREATE INDEX invitations_partner ON invitations (workspace_id, partner_id, created_at, id);

-- One row per side of a connection, both with the same id: each workspace's
-- queries lead with its own workspace_id and find the other side's
-- workspace and partner in its own row. Ending a connection stamps both rows
-- in one batch; an ended connection is kept (who ended it, when) and carries
-- nothing across.
CREATE TABLE connections (
  id                    TEXT NOT NULL,
  role                  TEXT NOT NULL CHECK (role IN ('inviter', 'acceptor')),
  workspace_id          TEXT NOT NULL REFERENCES workspaces(id),
  partner_id            TEXT NOT NULL REFERENCES partners(id),
  other_workspace_id    TEXT NOT NULL REFERENCES workspaces(id),
  other_partner_id      TEXT NOT NULL,
  invitation_id         TEXT NOT NULL,
  created_by_member_id  TEXT NOT NULL,
  created_at            TEXT NOT NULL,
  -- This side's last lookup of the partner: the other side's shared records
  -- created after it are "new" on the next one.
  seen_at               TEXT,
  ended_at              TEXT,
  ended_by_workspace_id TEXT,
  PRIMARY KEY (workspace_id, id)
);
-- A partner is connected to at most one workspace, and two workspaces at most once.
CREATE UNIQUE INDEX connections_live_partner ON connections (workspace_id, partner_id) WHERE ended_at IS NULL;
CREATE UNIQUE INDEX connections_live_pair ON connections (workspace_id, other_workspace_id) WHERE ended_at IS NULL;

-- Who wrote a record and who changed it last, so each side sees which person
-- at which company did (a member id names its workspace). NULL for rows
-- written before this migration and for captured emails.
ALTER TABLE interactions ADD COLUMN created_by_member_id TEXT;
ALTER TABLE interactions ADD COLUMN updated_by_member_id TEXT;
ALTER TABLE commitments ADD COLUMN created_by_member_id TEXT;
ALTER TABLE commitments ADD COLUMN updated_by_member_id TEXT;
ALTER TABLE referrals ADD COLUMN created_by_member_id TEXT;
ALTER TABLE referrals ADD COLUMN updated_by_member_id TEXT;
ALTER TABLE goals ADD COLUMN created_by_member_id TEXT;
ALTER TABLE goals ADD COLUMN updated_by_member_id TEXT;
ALTER TABLE meetings ADD COLUMN created_by_member_id TEXT;
ALTER TABLE meetings ADD COLUMN updated_by_member_id TEXT;

-- The partnership plan crosses only once its owner shares it ("Share the
-- plan"), apart from the partner record's own visibility.
ALTER TABLE partners ADD COLUMN plan_visibility TEXT NOT NULL DEFAULT 'private' CHECK (plan_visibility IN ('private', 'shared'));
