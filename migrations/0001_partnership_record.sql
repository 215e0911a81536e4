-- The partnership record. Every row carries workspace_id and every index
-- leads with it: no query may reach across workspaces, and none needs to.
-- Timestamps are ISO 8601 UTC text ("2026-11-23T15:16:31.000Z"); dates
-- are "YYYY-MM-DD". Lists and objects that are only ever read whole are JSON
-- text. visibility ('private' | 'shared') is stored now so that sharing the
-- record with the partner company later needs no migration.

CREATE TABLE workspaces (
  id            TEXT PRIMARY KEY,
  slug          TEXT NOT NULL UNIQUE,
  name          TEXT NOT NULL,
  settings_json TEXT NOT NULL DEFAULT '{}',
  created_at    TEXT NOT NULL
);

CREATE TABLE members (
  id           TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL REFERENCES workspaces(id),
  email        TEXT NOT NULL,
  role         TEXT NOT NULL CHECK (role IN ('owner', 'admin', 'member', 'viewer')),
  created_at   TEXT NOT NULL,
  UNIQUE (workspace_id, email)
);

-- Only the SHA-256 of a token is kept; prefix is what a person sees in lists.
CREATE TABLE api_tokens (
  id           TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL REFERENCES workspaces(id),
  member_id    TEXT NOT NULL REFERENCES members(id),
  token_hash   TEXT NOT NULL UNIQUE,
  prefix       TEXT NOT NULL,
  label        TEXT,
  created_at   TEXT NOT NULL,
  last_used_at TEXT,
  revoked_at   TEXT
);
CREATE INDEX api_tokens_workspace ON api_tokens (workspace_id, member_id);

CREATE TABLE partners (
  id                     TEXT PRIMARY KEY,
  workspace_id           TEXT NOT NULL REFERENCES workspaces(id),
  name                   TEXT NOT NULL,
  kind                   TEXT NOT NULL CHECK (kind IN ('reseller', 'msp', 'si', 'isv', 'referral', 'distributor')),
  tier                   TEXT,
  status                 TEXT NOT NULL CHECK (status IN ('prospect', 'onboarding', 'active', 'dormant', 'ended')),
  cadence_days           INTEGER,
  owner_email            TEXT,
  business_model         TEXT,
  objectives             TEXT,
  plan_json              TEXT NOT NULL DEFAULT '{}',
  salesforce_account_id  TEXT,
  -- The case-sensitive 15-character form: an 18-character id and its
  -- 15-character prefix name the same record.
  salesforce_key         TEXT,
  hubspot_company_id     TEXT,
  visibility             TEXT NOT NULL DEFAULT 'private' CHECK (visibility IN ('private', 'shared')),
  version                INTEGER NOT NULL DEFAULT 1,
  created_at             TEXT NOT NULL,
  updated_at             TEXT NOT NULL,
  archived_at            TEXT,
  -- Derived, kept current by every interaction write, so that lists sort by
  -- it without scanning history.
  last_contact_at        TEXT,
  -- Derived by the health score; NULL until scored.
  health_score           REAL
);
CREATE INDEX partners_by_name ON partners (workspace_id, name COLLATE NOCASE, id);
-- Lists sort never-contacted and unscored partners first in ascending order;
-- the indexes hold the same expressions the queries sort by.
CREATE INDEX partners_by_last_contact ON partners (workspace_id, COALESCE(last_contact_at, ''), id);
CREATE INDEX partners_by_health ON partners (workspace_id, COALESCE(health_score, -1), id);
CREATE INDEX partners_by_status ON partners (workspace_id, status);
-- An archived partner lets go of its CRM ids (and its domains, below), so a
-- new partner can take them; the audit log keeps what it had.
CREATE UNIQUE INDEX partners_salesforce ON partners (workspace_id, salesforce_key)
  WHERE salesforce_key IS NOT NULL AND archived_at IS NULL;
CREATE UNIQUE INDEX partners_hubspot ON partners (workspace_id, hubspot_company_id)
  WHERE hubspot_company_id IS NOT NULL AND archived_at IS NULL;

-- One partner may own several domains; a domain belongs to one partner.
CREATE TABLE partner_domains (
  workspace_id TEXT NOT NULL,
  domain       TEXT NOT NULL,
  partner_id   TEXT NOT NULL REFERENCES partners(id),
  PRIMARY KEY (workspace_id, domain)
);
CREATE INDEX partner_domains_partner ON partner_domains (workspace_id, partner_id);

CREATE TABLE contacts (
  id           TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL,
  partner_id   TEXT NOT NULL REFERENCES partners(id),
  email        TEXT NOT NULL,
  name         TEXT,
  title        TEXT,
  phone        TEXT,
  visibility   TEXT NOT NULL DEFAULT 'private' CHECK (visibility IN ('private', 'shared')),
  version      INTEGER NOT NULL DEFAULT 1,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  UNIQUE (workspace_id, email)
);
CREATE INDEX contacts_partner ON contacts (workspace_id, partner_id);

CREATE TABLE interactions (
  id                TEXT PRIMARY KEY,
  workspace_id      TEXT NOT NULL,
  partner_id        TEXT NOT NULL REFERENCES partners(id),
  kind              TEXT NOT NULL CHECK (kind IN ('email', 'meeting', 'call', 'event', 'note')),
  direction         TEXT NOT NULL CHECK (direction IN ('inbound', 'outbound', 'both')),
  occurred_at       TEXT NOT NULL,
  summary           TEXT NOT NULL DEFAULT '',
  participants_json TEXT NOT NULL DEFAULT '[]',
  source_url        TEXT,
  meeting_id        TEXT,
  visibility        TEXT NOT NULL DEFAULT 'private' CHECK (visibility IN ('private', 'shared')),
  version           INTEGER NOT NULL DEFAULT 1,
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL
);
CREATE INDEX interactions_partner_time ON interactions (workspace_id, partner_id, occurred_at DESC);

CREATE TABLE commitments (
  id           TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL,
  partner_id   TEXT NOT NULL REFERENCES partners(id),
  title        TEXT NOT NULL,
  owed_by      TEXT NOT NULL CHECK (owed_by IN ('us', 'partner')),
  owner_email  TEXT,
  due_on       TEXT,
  status       TEXT NOT NULL CHECK (status IN ('open', 'done', 'cancelled')),
  completed_at TEXT,
  source_url   TEXT,
  meeting_id   TEXT,
  visibility   TEXT NOT NULL DEFAULT 'private' CHECK (visibility IN ('private', 'shared')),
  version      INTEGER NOT NULL DEFAULT 1,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL
);
CREATE INDEX commitments_partner ON commitments (workspace_id, partner_id, status, due_on);
CREATE INDEX commitments_by_status ON commitments (workspace_id, status, due_on, id);

CREATE TABLE referrals (
  id                 TEXT PRIMARY KEY,
  workspace_id       TEXT NOT NULL,
  partner_id         TEXT NOT NULL REFERENCES partners(id),
  direction          TEXT NOT NULL CHECK (direction IN ('to_us', 'to_partner')),
  account_name       TEXT NOT NULL,
  amount_minor       INTEGER,
  currency           TEXT,
  stage              TEXT NOT NULL CHECK (stage IN ('submitted', 'accepted', 'won', 'lost', 'rejected')),
  submitted_at       TEXT NOT NULL,
  stage_history_json TEXT NOT NULL DEFAULT '[]',
  notes              TEXT,
  visibility         TEXT NOT NULL DEFAULT 'private' CHECK (visibility IN ('private', 'shared')),
  version            INTEGER NOT NULL DEFAULT 1,
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL
);
CREATE INDEX referrals_partner ON referrals (workspace_id, partner_id, submitted_at DESC);

CREATE TABLE goals (
  id               TEXT PRIMARY KEY,
  workspace_id     TEXT NOT NULL,
  partner_id       TEXT NOT NULL REFERENCES partners(id),
  title            TEXT NOT NULL,
  metric           TEXT,
  target           REAL,
  current          REAL,
  due_on           TEXT,
  milestones_json  TEXT NOT NULL DEFAULT '[]',
  last_reviewed_at TEXT,
  visibility       TEXT NOT NULL DEFAULT 'private' CHECK (visibility IN ('private', 'shared')),
  version          INTEGER NOT NULL DEFAULT 1,
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL
);
CREATE INDEX goals_partner ON goals (workspace_id, partner_id);

CREATE TABLE meetings (
  id                TEXT PRIMARY KEY,
  workspace_id      TEXT NOT NULL,
  partner_id        TEXT NOT NULL REFERENCES partners(id),
  title             TEXT NOT NULL,
  occurred_at       TEXT NOT NULL,
  attendees_json    TEXT NOT NULL DEFAULT '[]',
  agenda            TEXT NOT NULL DEFAULT '',
  notes             TEXT NOT NULL DEFAULT '',
  decisions_json    TEXT NOT NULL DEFAULT '[]',
  source_url        TEXT,
  interaction_id    TEXT NOT NULL,
  visibility        TEXT NOT NULL DEFAULT 'private' CHECK (visibility IN ('private', 'shared')),
  version           INTEGER NOT NULL DEFAULT 1,
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL
);
CREATE INDEX meetings_partner ON meetings (workspace_id, partner_id, occurred_at DESC);

-- Who changed what, when, before and after. actor_member_id is NULL for
-- changes the nightly job makes.
CREATE TABLE audit_log (
  id              TEXT PRIMARY KEY,
  workspace_id    TEXT NOT NULL,
  actor_member_id TEXT,
  entity          TEXT NOT NULL,
  entity_id       TEXT NOT NULL,
  action          TEXT NOT NULL CHECK (action IN ('create', 'update', 'archive', 'system')),
  before_json     TEXT,
  after_json      TEXT,
  at              TEXT NOT NULL
);
CREATE INDEX audit_log_entity ON audit_log (workspace_id, entity, entity_id, at);

-- The first successful response to each Idempotency-Key, written in the same
-- batch as the records it created, so a retry can never write twice.
CREATE TABLE idempotency_keys (
  workspace_id  TEXT NOT NULL,
  key           TEXT NOT NULL,
  request_hash  TEXT NOT NULL,
  status        INTEGER NOT NULL,
  response_json TEXT NOT NULL,
  created_at    TEXT NOT NULL,
  PRIMARY KEY (workspace_id, key)
);

-- Always empty. D1 has no interactive transactions, so a batch that must not
-- go ahead when an optimistic-concurrency UPDATE matched no row inserts here
-- (see worker/db/stale-write-guard.ts); the CHECK fails and the whole batch
-- rolls back.
CREATE TABLE stale_write_guard (
  ok INTEGER NOT NULL CONSTRAINT stale_write CHECK (ok = 0)
);
