-- The health score. partners.health_json is the latest full explanation
-- (traits, signals, next actions) so the sidebar reads one row; snapshots keep
-- one row per partner per day for the trend, with the formula version that
-- made each, so a trend never silently compares two formulas.

ALTER TABLE partners ADD COLUMN health_json TEXT;

CREATE TABLE health_snapshots (
  workspace_id    TEXT NOT NULL,
  partner_id      TEXT NOT NULL REFERENCES partners(id),
  day             TEXT NOT NULL,
  score           REAL,
  band            TEXT NOT NULL,
  confidence      REAL NOT NULL,
  formula_version TEXT NOT NULL,
  traits_json     TEXT NOT NULL,
  computed_at     TEXT NOT NULL,
  PRIMARY KEY (workspace_id, partner_id, day)
);
