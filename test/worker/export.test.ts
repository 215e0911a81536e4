import { beforeAll, describe, expect, it } from "vitest";
import { importKinds, mapColumns } from "../../shared/import/columns.ts";
import { exportRecords } from "../../shared/import/export-csv.ts";
import { toImportRow } from "../../shared/import/to-rows.ts";
import { exportPage, type ExportedPartner } from "../../shared/schemas/export.ts";
import { addMember, api, newWorkspace, type TestCaller } from "./api-client.ts";
import { acmePartnerBody, expectError, seedAcme, type AcmeRecords } from "./fixtures.ts";

// The whole workspace out (GET /v1/export, page by page), and back in: the
// per-type CSVs the dashboard makes from it, imported into an empty
// workspace, bring back the same partners and history.

async function exportAll(caller: TestCaller, limit = 1): Promise<ExportedPartner[]> {
  const partners: ExportedPartner[] = [];
  let cursor: string | null = null;
  do {
    const response = await api(caller, "GET", `/v1/export?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    const page = exportPage.parse(response.body);
    partners.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor);
  return partners;
}

/** Records made in the same millisecond list in id order, and ids differ between the workspaces: compare as sets. */
const sorted = <T>(items: T[]) => items.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

/** What must survive the trip, without ids and the times of the writes themselves. */
function essence(partners: ExportedPartner[]) {
  return partners.map((p) => ({
    name: p.name, domains: p.domains, kind: p.kind, tier: p.tier, status: p.status, owner_email: p.owner_email,
    salesforce_account_id: p.salesforce_account_id, hubspot_company_id: p.hubspot_company_id, cadence_days: p.cadence_days,
    business_model: p.business_model, objectives: p.objectives, created_at: p.created_at,
    contacts: sorted(p.contacts.map(({ email, name, title, phone }) => ({ email, name, title, phone }))),
    interactions: sorted(p.interactions.map(({ kind, direction, occurred_at, summary }) => ({ kind, direction, occurred_at, summary }))),
    commitments: sorted(p.commitments.map(({ title, owed_by, owner_email, due_on, status, completed_at }) => ({ title, owed_by, owner_email, due_on, status, completed_at }))),
    referrals: sorted(p.referrals.map(({ direction, account_name, amount_minor, currency, stage, submitted_at, notes }) => ({ direction, account_name, amount_minor, currency, stage, submitted_at, notes }))),
    goals: sorted(p.goals.map(({ title, metric, target, current, due_on, last_reviewed_at }) => ({ title, metric, target, current, due_on, last_reviewed_at }))),
  })).sort((a, b) => a.name.localeCompare(b.name));
}

let owner: TestCaller;
let acme: AcmeRecords;

beforeAll(async () => {
  owner = await newWorkspace("owner");
  acme = await seedAcme(owner);
  const brightpath = await api(owner, "POST", "/v1/partners", {
    body: acmePartnerBody({ name: "Brightpath MSP", kind: "msp", domains: ["brightpath.io"], salesforce_account_id: null, hubspot_company_id: null }),
  });
  const under = `/v1/partners/${brightpath.body.id}`;
  for (const [path, body] of [
    ["contacts", { email: "sam@brightpath.io", name: "Sam Lee" }],
    ["interactions", { kind: "call", direction: "outbound", occurred_at: "2026-01-05T16:00:00Z", summary: "Intro call" }],
    ["referrals", { direction: "to_partner", account_name: "Initech", stage_history: [{ stage: "submitted", at: "2026-01-06T09:00:00Z" }, { stage: "lost", at: "2026-02-01T09:00:00Z" }] }],
    ["commitments", { title: "Send pricing", owed_by: "partner", due_on: "2026-01-20", status: "done", completed_at: "2026-01-19T10:00:00Z" }],
    ["goals", { title: "Certify two engineers", target: 2, current: 1 }],
  ] as const) {
    const response = await api(owner, "POST", `${under}/${path}`, { body });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
  }
});

describe("exporting the workspace", () => {
  it("pages through every partner with all its records", async () => {
    const partners = await exportAll(owner, 1);
    expect(partners.map((p) => p.name).sort()).toEqual(["Acme Cloud Partners", "Brightpath MSP"]);
    const exported = partners.find((p) => p.id === acme.partner.id)!;
    expect(exported.contacts.map((c) => c.id)).toEqual([acme.contact.id]);
    expect(exported.commitments.map((c) => c.id)).toContain(acme.commitment.id);
    expect(exported.commitments.length).toBe(2); // the meeting's action item too
    expect(exported.interactions.map((i) => i.id)).toContain(acme.interaction.id);
    expect(exported.referrals.map((r) => r.id)).toEqual([acme.referral.id]);
    expect(exported.goals.map((g) => g.id)).toEqual([acme.goal.id]);
    expect(exported.meetings.map((m) => m.id)).toEqual([acme.meeting.meeting.id]);
    expect("health" in exported).toBe(false);
  });

  it("is for owners and admins only, and holds only the caller's workspace", async () => {
    expectError(await api(await addMember(owner.workspaceId, "member"), "GET", "/v1/export"), 403, "forbidden");
    expectError(await api(await addMember(owner.workspaceId, "viewer"), "GET", "/v1/export"), 403, "forbidden");
    const admin = await addMember(owner.workspaceId, "admin");
    expect((await exportAll(admin, 50)).length).toBe(2);
    const stranger = await newWorkspace("owner");
    const theirs = await api(stranger, "GET", "/v1/export");
    expect(theirs.body.items).toEqual([]);
    expect(JSON.stringify(theirs.body)).not.toContain("Acme");
  });

  it("comes back whole when its CSVs are imported into an empty workspace, and a second import changes nothing", async () => {
    const original = await exportAll(owner, 50);
    const empty = await newWorkspace("owner");
    const importEach = async () => {
      const counts: Record<string, number> = {};
      for (const kind of importKinds) {
        const records = exportRecords(kind, original);
        if (records.length === 0) continue;
        const mapping = mapColumns(kind, Object.keys(records[0]!));
        const rows = records.map((record, index) => toImportRow(kind, record, mapping, index + 2));
        const response = await api(empty, "POST", "/v1/imports", { body: { kind, rows } });
        expect(response.status, `${kind}: ${JSON.stringify(response.body)}`).toBe(200);
        counts[kind] = response.body.created + response.body.updated;
      }
      return counts;
    };
    expect(await importEach()).toEqual({ partners: 2, contacts: 2, interactions: 3, commitments: 3, referrals: 2, goals: 2 });
    const copy = await exportAll(empty, 50);
    expect(essence(copy)).toEqual(essence(original).map((p) => ({ ...p })));
    expect(await importEach()).toEqual({ partners: 0, contacts: 0, interactions: 0, commitments: 0, referrals: 0, goals: 0 });
  });
});
