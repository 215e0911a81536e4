import { describe, expect, it } from "vitest";
import {
  buildDemoWorkspace, demoPartners, demoStatements, demoTableColumns, demoTableOrder, toInsertStatements,
} from "../../demo/demo-data.ts";
import { isSalesforceId } from "../../shared/salesforce-id.ts";
import { utf8Length } from "../../demo/sql-literal.ts";

const now = new Date("2026-11-23T15:16:31.000Z");
const demo = buildDemoWorkspace({ now });
const large = buildDemoWorkspace({ now, partnerCount: 400 });
const partnerNamed = (name: string) => demo.partners.find((partner) => partner.name === name)!;

describe("buildDemoWorkspace", () => {
  it("gives the same rows, ids included, for the same seed and now", () => {
    expect(buildDemoWorkspace({ now })).toEqual(demo);
    expect(buildDemoWorkspace({ now, seed: 7 }).partners[0]!.id).not.toBe(demo.partners[0]!.id);
  });

  it("keeps a partner the same whatever the partner count", () => {
    expect(large.partners.slice(0, demoPartners.length)).toEqual(demo.partners);
  });

  it("fills every column of the migration and nothing else", () => {
    for (const table of demoTableOrder) {
      expect(demo[table].length, table).toBeGreaterThan(0);
      for (const row of [...demo[table], ...large[table]]) {
        expect(Object.keys(row).sort(), table).toEqual([...demoTableColumns[table]].sort());
      }
    }
  });

  it("has a dozen partners of every kind and lifecycle status", () => {
    expect(demo.partners).toHaveLength(12);
    expect(new Set(demo.partners.map((partner) => partner.kind)).size).toBe(6);
    expect(new Set(demo.partners.map((partner) => partner.status)))
      .toEqual(new Set(["prospect", "onboarding", "active", "dormant", "ended"]));
    expect(demo.partner_domains.some((row) => row.domain.endsWith(".co.uk"))).toBe(true);
    expect(demo.partner_domains.filter((row) => row.partner_id === partnerNamed("Orbital Systems Integration").id))
      .toHaveLength(2);
  });

  it("keeps domains, contact emails and ids unique in the workspace", () => {
    for (const tables of [demo, large]) {
      const domains = tables.partner_domains.map((row) => row.domain);
      expect(new Set(domains).size).toBe(domains.length);
      const emails = tables.contacts.map((row) => row.email);
      expect(new Set(emails).size).toBe(emails.length);
      const ids = demoTableOrder.flatMap((table) => tables[table].map((row) => ("id" in row ? row.id : row.domain)));
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of ids) expect(id).toMatch(/^([a-z]{3}_[0-9a-z]{24}|[a-z0-9.-]+)$/);
    }
  });

  it("sets last_contact_at to the latest interaction", () => {
    for (const partner of [...demo.partners, ...large.partners]) {
      const times = large.interactions.concat(demo.interactions)
        .filter((row) => row.partner_id === partner.id).map((row) => row.occurred_at).sort();
      expect(partner.last_contact_at).toBe(times.at(-1) ?? null);
      expect(partner.health_score).toBeNull();
    }
  });

  it("puts nothing but due dates and renewals after now", () => {
    const iso = now.toISOString();
    for (const row of demo.interactions) expect(row.occurred_at < iso).toBe(true);
    for (const row of demo.commitments) expect((row.completed_at ?? "") < iso && row.created_at < iso).toBe(true);
    for (const row of demo.referrals) expect(row.updated_at < iso).toBe(true);
    for (const row of demo.goals) expect((row.last_reviewed_at ?? "") < iso).toBe(true);
  });

  it("writes each referral's stage history in time order, ending at its stage", () => {
    for (const referral of [...demo.referrals, ...large.referrals]) {
      const history = JSON.parse(referral.stage_history_json) as { stage: string; at: string }[];
      expect(history[0]).toEqual({ stage: "submitted", at: referral.submitted_at });
      expect(history.at(-1)!.stage).toBe(referral.stage);
      const times = history.map((change) => change.at);
      expect([...times].sort()).toEqual(times);
      expect(new Set(times).size).toBe(times.length);
      expect(referral.amount_minor === null).toBe(referral.currency === null);
    }
  });

  it("uses valid 18-character Salesforce Account ids keyed by their first 15", () => {
    const withIds = [...demo.partners, ...large.partners].filter((partner) => partner.salesforce_account_id);
    expect(withIds.length).toBeGreaterThan(100);
    for (const partner of withIds) {
      const id = partner.salesforce_account_id!;
      expect(id).toHaveLength(18);
      expect(id.startsWith("001")).toBe(true);
      expect(isSalesforceId(id)).toBe(true);
      expect(partner.salesforce_key).toBe(id.slice(0, 15));
    }
    const keys = large.partners.flatMap((partner) => partner.salesforce_key ?? []);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("links each meeting to a meeting interaction that links back", () => {
    for (const meeting of demo.meetings) {
      const interaction = demo.interactions.find((row) => row.id === meeting.interaction_id)!;
      expect(interaction.kind).toBe("meeting");
      expect(interaction.meeting_id).toBe(meeting.id);
      expect(interaction.occurred_at).toBe(meeting.occurred_at);
    }
    expect(demo.interactions.filter((row) => row.kind === "meeting")).toHaveLength(demo.meetings.length);
  });

  it("has promises kept on time, kept late, overdue and coming due, on both sides", () => {
    const today = now.toISOString().slice(0, 10);
    const classes = new Set(demo.commitments.map((row) => {
      if (row.status === "done") {
        expect(row.completed_at).not.toBeNull();
        return `${row.owed_by}:${row.completed_at!.slice(0, 10) <= row.due_on! ? "on time" : "late"}`;
      }
      expect(row.completed_at).toBeNull();
      return row.status === "open" ? `${row.owed_by}:${row.due_on! < today ? "overdue" : "due soon"}` : "cancelled";
    }));
    for (const side of ["us", "partner"]) {
      for (const kind of ["on time", "late", "overdue", "due soon"]) expect(classes).toContain(`${side}:${kind}`);
    }
  });

  it("makes partners differ in health on purpose", () => {
    const oneSided = partnerNamed("O'Brien & Daughters Consulting");
    const referrals = demo.referrals.filter((row) => row.partner_id === oneSided.id);
    expect(referrals.every((row) => row.direction === "to_us")).toBe(true);
    const ours = demo.commitments.filter((row) => row.partner_id === oneSided.id && row.owed_by === "us");
    expect(ours.some((row) => row.status === "open" && row.due_on! < "2026-11-01")).toBe(true);

    const dormant = partnerNamed("Greyfield Networks");
    expect(dormant.status).toBe("dormant");
    expect(dormant.last_contact_at! < "2026-08-01").toBe(true);

    const prospect = partnerNamed("Nimbus Ridge Managed Services");
    expect(demo.interactions.filter((row) => row.partner_id === prospect.id)).toHaveLength(1);
    expect(demo.commitments.some((row) => row.partner_id === prospect.id)).toBe(false);
  });
});

describe("toInsertStatements", () => {
  it("escapes quotes in names", () => {
    const sql = toInsertStatements({ partners: demo.partners }).join("\n");
    expect(sql).toContain("'O''Brien & Daughters Consulting'");
    expect(sql).not.toContain("'O'Brien");
  });

  it("splits rows into statements under the size limit", () => {
    const statements = toInsertStatements(demo, 4_000);
    expect(statements.length).toBeGreaterThan(20);
    for (const statement of statements) {
      expect(utf8Length(statement)).toBeLessThanOrEqual(4_000);
      expect(statement).toMatch(/^INSERT INTO [a-z_]+ \(/);
    }
  });

  it("streams a large workspace in statements under 90 KB", () => {
    let partners = 0;
    for (const statement of demoStatements({ now, partnerCount: 2_000 })) {
      expect(utf8Length(statement)).toBeLessThan(90_000);
      if (statement.startsWith("INSERT INTO partners ")) partners += statement.split("\n('ptr_").length - 1;
    }
    expect(partners).toBe(2_000);
    // 2,000 partners with 180 days of backfilled trend each: seconds of work, more on a busy machine.
  }, 60_000);
});
