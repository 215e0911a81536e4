import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { describe, expect, it } from "vitest";
import { demoHealthSnapshots } from "../../demo/demo-backfill.ts";
import { buildDemoWorkspace, toInsertStatements } from "../../demo/demo-data.ts";
import { insertStatements } from "../../demo/sql-literal.ts";

// The demo seed's trends: 180 days before today for every partner that
// existed then, from the seeded history as it stood each day.

const now = new Date("2026-11-23T12:00:00Z");
const workspace = buildDemoWorkspace({ now });
const snapshots = demoHealthSnapshots(workspace, now);

describe("the demo seed's backfilled trends", () => {
  it("covers every partner from its first recorded day (at most 180 days back) to yesterday", () => {
    for (const partner of workspace.partners) {
      const days = snapshots.filter((row) => row.partner_id === partner.id).map((row) => row.day);
      const earliest = workspace.interactions.filter((i) => i.partner_id === partner.id).map((i) => i.occurred_at)
        .reduce((min, at) => (at < min ? at : min), partner.created_at);
      const start = [earliest.slice(0, 10), "2026-05-27"].sort()[1]!;
      expect(days[0], partner.name).toBe(start);
      expect(days[days.length - 1], partner.name).toBe("2026-11-22");
      expect(days.length, partner.name).toBe(Math.round((Date.parse("2026-11-22") - Date.parse(start)) / 86_400_000) + 1);
    }
    expect(snapshots.every((row) => row.backfilled === 1)).toBe(true);
  });

  it("moves with the history: a trend is not one score repeated", () => {
    const moving = workspace.partners.filter((partner) => new Set(snapshots.filter((row) => row.partner_id === partner.id).map((row) => row.score)).size > 5);
    expect(moving.length).toBeGreaterThan(workspace.partners.length / 2);
  });

  it("fits the database as the migrations make it", () => {
    const db = new DatabaseSync(":memory:");
    const folder = join(import.meta.dirname, "../../migrations");
    for (const file of readdirSync(folder).filter((name) => name.endsWith(".sql")).sort()) db.exec(readFileSync(join(folder, file), "utf8"));
    db.exec(toInsertStatements(workspace).join("\n"));
    db.exec(insertStatements("health_snapshots", snapshots).join("\n"));
    expect(db.prepare("SELECT COUNT(*) AS n FROM health_snapshots WHERE backfilled = 1").get()).toEqual({ n: snapshots.length });
  });
});
