-- The partnership plan as its own versioned resource (GET/PATCH
-- /v1/partners/:id/plan): plan_version is its ETag, apart from the partner's
-- own version, and every version is kept whole with who changed which fields,
-- so any two can be compared. A version written by a plan review names its
-- meeting.
ALTER TABLE partners ADD COLUMN plan_version INTEGER NOT NULL DEFAULT 1;

CREATE TABLE plan_versions (
  workspace_id          TEXT NOT NULL,
  partner_id            TEXT NOT NULL REFERENCES partners(id),
  version               INTEGER NOT NULL,
  plan_json             TEXT NOT NULL,
  changes_json          TEXT NOT NULL DEFAULT '[]',
  changed_by_member_id  TEXT,
  meeting_id            TEXT,
  changed_at            TEXT NOT NULL,
  PRIMARY KEY (workspace_id, partner_id, version)
);

-- Plans written before this migration become their version 1, by nobody known.
INSERT INTO plan_versions (workspace_id, partner_id, version, plan_json, changes_json, changed_by_member_id, meeting_id, changed_at)
  SELECT workspace_id, id, 1, plan_json, '[]', NULL, NULL, created_at FROM partners;

-- When a referral fee owed under the plan was paid; null while unpaid.
ALTER TABLE referrals ADD COLUMN fee_paid_at TEXT;
