-- Bringing partnerships in from a CRM or PRM export (POST /v1/imports) and
-- the trend they already had.

-- A snapshot computed afterwards from the history as it stood on that day
-- (after an import, or for the demo seed), not by the score running on the
-- day itself. A day's real snapshot always replaces a backfilled one; a
-- backfill never replaces a real one.
ALTER TABLE health_snapshots ADD COLUMN backfilled INTEGER NOT NULL DEFAULT 0 CHECK (backfilled IN (0, 1));

-- Where an imported history row came from: "src:<id in the source system>",
-- or "sha:<hash of its content>" when the file has no id column. Importing the
-- same file again finds these and changes nothing. NULL for rows made any
-- other way.
ALTER TABLE interactions ADD COLUMN import_key TEXT;
ALTER TABLE commitments ADD COLUMN import_key TEXT;
ALTER TABLE referrals ADD COLUMN import_key TEXT;
ALTER TABLE goals ADD COLUMN import_key TEXT;
CREATE UNIQUE INDEX interactions_import ON interactions (workspace_id, import_key) WHERE import_key IS NOT NULL;
CREATE UNIQUE INDEX commitments_import ON commitments (workspace_id, import_key) WHERE import_key IS NOT NULL;
CREATE UNIQUE INDEX referrals_import ON referrals (workspace_id, import_key) WHERE import_key IS NOT NULL;
CREATE UNIQUE INDEX goals_import ON goals (workspace_id, import_key) WHERE import_key IS NOT NULL;
