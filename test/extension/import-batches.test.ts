import { describe, expect, it } from "vitest";
import type { ImportRow } from "../../shared/import/to-rows.ts";
import { batchesOf } from "../../extension/entrypoints/dashboard/import/run-import.ts";

// The dashboard's import sends rows in batches the API accepts: at most 200
// rows, and a body under its 256 KB limit however long the rows' notes are.

const row = (line: number, summary = ""): ImportRow => ({ row: line, partner: { name: "Acme" }, fields: { kind: "note", direction: "both", occurred_at: "2026-01-01T00:00:00.000Z", summary } });

describe("import batches", () => {
  it("cuts at 200 rows", () => {
    const batches = batchesOf(Array.from({ length: 450 }, (_, i) => row(i + 2)));
    expect(batches.map((batch) => batch.length)).toEqual([200, 200, 50]);
  });

  it("cuts earlier when long rows would pass the API's body limit, keeping every row once and in order", () => {
    const rows = Array.from({ length: 120 }, (_, i) => row(i + 2, "x".repeat(4_900)));
    const batches = batchesOf(rows);
    expect(batches.length).toBeGreaterThan(1);
    for (const batch of batches) expect(new TextEncoder().encode(JSON.stringify({ kind: "interactions", dry_run: false, rows: batch })).length).toBeLessThan(256 * 1024);
    expect(batches.flat().map((r) => r.row)).toEqual(rows.map((r) => r.row));
  });
});
