import { describe, expect, it } from "vitest";
import { choicesOf, filterPartners } from "../../shared/partner-filters.ts";

const now = new Date("2026-12-01T00:00:00Z");
const partner = (id: string, overrides: Record<string, unknown> = {}) => ({
  id, kind: "isv" as const, tier: "Gold", owner_email: "dana@northwind.example", status: "active" as const, cadence_days: 14,
  last_contact_at: "2026-11-28T00:00:00Z", created_at: "2026-01-01T00:00:00Z", health: { band: "healthy" as const }, ...overrides,
});
const all = [
  partner("a"), partner("b", { kind: "msp", tier: null, health: null }), partner("c", { owner_email: "sam@northwind.example", last_contact_at: "2026-10-01T00:00:00Z" }),
];
const ids = (filters: Parameters<typeof filterPartners>[1], overdue: string[] = []) =>
  filterPartners(all, filters, { overduePartnerIds: new Set(overdue), now }).map((p) => p.id);

describe("the dashboard's partner filters", () => {
  it("lets everyone through with no filter, and narrows by each", () => {
    expect(ids({})).toEqual(["a", "b", "c"]);
    expect(ids({ kind: "msp" })).toEqual(["b"]);
    expect(ids({ tier: "Gold" })).toEqual(["a", "c"]);
    expect(ids({ band: "insufficient_data" })).toEqual(["b"]);
    expect(ids({ owner: "sam@northwind.example" })).toEqual(["c"]);
    expect(ids({ overdue: true }, ["b"])).toEqual(["b"]);
    expect(ids({ quiet: true })).toEqual(["c"]);
    expect(ids({ quiet: true, owner: "dana@northwind.example" })).toEqual([]);
  });

  it("offers each distinct value once, sorted", () => {
    expect(choicesOf(all, (p) => p.tier)).toEqual(["Gold"]);
    expect(choicesOf(all, (p) => p.owner_email)).toEqual(["dana@northwind.example", "sam@northwind.example"]);
  });
});
