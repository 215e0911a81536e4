-- The quarterly pulse: each side of a partnership rates the five health traits
-- 1–5 once per calendar quarter (a "round", '2026-Q4'). Each workspace keeps
-- its own answer, under its own partner record for the other company; the
-- other side reads it only through its live connection and only once it has
-- answered the same round itself. A comment crosses only if marked shared.
CREATE TABLE pulse_answers (
  workspace_id          TEXT NOT NULL REFERENCES workspaces(id),
  partner_id            TEXT NOT NULL REFERENCES partners(id),
  round                 TEXT NOT NULL CHECK (round GLOB '[0-9][0-9][0-9][0-9]-Q[1-4]'),
  trust                 INTEGER NOT NULL CHECK (trust BETWEEN 1 AND 5),
  respect               INTEGER NOT NULL CHECK (respect BETWEEN 1 AND 5),
  collaboration         INTEGER NOT NULL CHECK (collaboration BETWEEN 1 AND 5),
  success               INTEGER NOT NULL CHECK (success BETWEEN 1 AND 5),
  goals                 INTEGER NOT NULL CHECK (goals BETWEEN 1 AND 5),
  comment               TEXT,
  comment_shared        INTEGER NOT NULL DEFAULT 0 CHECK (comment_shared IN (0, 1)),
  answered_by_member_id TEXT NOT NULL,
  answered_at           TEXT NOT NULL,
  version               INTEGER NOT NULL DEFAULT 1,
  -- One answer per side per round.
  PRIMARY KEY (workspace_id, partner_id, round)
);

-- A connected partner company's shared promises and referrals count in our
-- health score, and a stored score is reused for hours: when a connection
-- starts or ends, each side's stored score is dropped and its next read
-- recomputes it (a write to a shared record does the same for the other side
-- in code: worker/db/health-store.ts, rescoreAfterWrite).
CREATE TRIGGER connections_start_rescores AFTER INSERT ON connections BEGIN
  UPDATE partners SET health_json = NULL WHERE id = NEW.partner_id AND workspace_id = NEW.workspace_id;
END;
CREATE TRIGGER connections_end_rescores AFTER UPDATE OF ended_at ON connections WHEN NEW.ended_at IS NOT NULL BEGIN
  UPDATE partners SET health_json = NULL WHERE id = NEW.partner_id AND workspace_id = NEW.workspace_id;
END;
