-- A guest page for a partner company that is not on Mutual: a signed,
-- expiring, revocable link to a read-mostly page of the partnership's shared
-- records. Only the SHA-256 of the link's token is kept, so a copy of the
-- database opens no guest page; the token's HMAC (a Worker secret) lets a
-- forged or tampered link be refused before any query.
CREATE TABLE guest_links (
  id                   TEXT PRIMARY KEY,
  token_hash           TEXT NOT NULL UNIQUE,
  -- Set once; the link never opens again.
  revoked_at           TEXT,
  -- The link opens this partner's shared records and nothing else.
  workspace_id         TEXT NOT NULL REFERENCES workspaces(id),
  partner_id           TEXT NOT NULL REFERENCES partners(id),
  created_at           TEXT NOT NULL,
  expires_at           TEXT NOT NULL,
  created_by_member_id TEXT NOT NULL
);
CREATE INDEX guest_links_partner ON guest_links (workspace_id, partner_id, created_at, id);

-- What the sidebar's "Share with <partner>" toggle starts from. Private
-- unless an owner or admin changes it; the API itself still stores a record
-- without a visibility as private, so nothing is shared by omission.
ALTER TABLE workspaces ADD COLUMN default_visibility TEXT NOT NULL DEFAULT 'private' CHECK (default_visibility IN ('private', 'shared'));
