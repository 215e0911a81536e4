-- A partner's LinkedIn company page, by the name in its address
-- (linkedin.com/company/<slug>), stored lower-case: the sidebar on that page
-- matches the partner by it (GET /v1/lookup?linkedin=<slug>), as a CRM record
-- matches by its id. One live partner per page in a workspace, like the CRM ids.
ALTER TABLE partners ADD COLUMN linkedin_slug TEXT;
CREATE UNIQUE INDEX partners_linkedin ON partners (workspace_id, linkedin_slug)
  WHERE linkedin_slug IS NOT NULL AND archived_at IS NULL;
