import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { mapColumns, type ImportKind } from "../../shared/import/columns.ts";
import { toImportRow } from "../../shared/import/to-rows.ts";
import { addMember, api, newWorkspace, type TestCaller } from "./api-client.ts";
import { countRows, expectError, expectInvalidField, rowCounts } from "./fixtures.ts";

// Importing partners and their history from CRM exports: a dry run that
// writes nothing, bad rows named by row and field, duplicates found by domain
// or CRM id, a second import of the same file that changes nothing, and no
// reach into another workspace.

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

/** Rows of a CSV as a Salesforce report or HubSpot export would have them, mapped as the dashboard maps them. */
function rowsOf(kind: ImportKind, headers: string[], records: string[][]) {
  const mapping = mapColumns(kind, headers);
  return records.map((cells, index) => toImportRow(kind, Object.fromEntries(headers.map((header, column) => [header, cells[column]])), mapping, index + 2));
}

const accountHeaders = ["Account Name", "Account ID", "Website", "Type", "Partner Tier", "Account Owner Email"];
const accounts = [
  ["Acme Cloud Partners", "001Aa00000XyZ12", "https://www.acme.co.uk/", "Reseller", "Gold", "dana.reyes@northwind.example"],
  ["Brightpath MSP", "001Aa00000XyZ13", "brightpath.io", "Managed Service Provider", "Silver", ""],
  ["Cobalt Integrators", "", "cobalt-si.com", "System Integrator", "", ""],
];

const importRows = (caller: TestCaller, kind: ImportKind, rows: unknown[], dryRun = false) =>
  api(caller, "POST", "/v1/imports", { body: { kind, dry_run: dryRun, rows } });

let owner: TestCaller;

beforeAll(async () => {
  owner = await newWorkspace("owner");
});

describe("importing partners", () => {
  it("previews in a dry run without writing, then creates exactly what it previewed", async () => {
    const rows = rowsOf("partners", accountHeaders, accounts);
    const before = await rowCounts(owner.workspaceId);
    const preview = await importRows(owner, "partners", rows, true);
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body).toMatchObject({ dry_run: true, created: 3, updated: 0, unchanged: 0, errors: 0 });
    expect(await rowCounts(owner.workspaceId)).toEqual(before);

    const done = await importRows(owner, "partners", rows);
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({ dry_run: false, created: 3, errors: 0 });
    const acme = await api(owner, "GET", `/v1/partners/${done.body.rows[0].id}`);
    expect(acme.body).toMatchObject({ name: "Acme Cloud Partners", domains: ["acme.co.uk"], kind: "reseller", tier: "Gold", salesforce_account_id: "001Aa00000XyZ12" });
    expect((await api(owner, "GET", `/v1/partners/${done.body.rows[1].id}`)).body.kind).toBe("msp");
    expect(await countRows(owner.workspaceId, "audit_log")).toBe(before.audit_log + 3);
  });

  it("changes nothing when the same file is imported again", async () => {
    const before = await rowCounts(owner.workspaceId);
    const again = await importRows(owner, "partners", rowsOf("partners", accountHeaders, accounts));
    expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 3, errors: 0 });
    expect(await rowCounts(owner.workspaceId)).toEqual(before);
  });

  it("matches by CRM id or domain and updates only the fields the file has", async () => {
    const hubspot = rowsOf("partners", ["Company name", "Company Domain Name", "Record ID", "Type"], [
      ["Acme Cloud (renamed)", "", "", "Reseller"],
      ["Cobalt SI", "cobalt-si.com", "48151623", "System Integrator"],
    ]);
    // The first row has neither domain nor id, so it is a new partner by a new name.
    const byDomain = await importRows(owner, "partners", [hubspot[1]]);
    expect(byDomain.body).toMatchObject({ created: 0, updated: 1 });
    const cobalt = (await api(owner, "GET", `/v1/partners/${byDomain.body.rows[0].id}`)).body;
    expect(cobalt).toMatchObject({ name: "Cobalt SI", hubspot_company_id: "48151623", domains: ["cobalt-si.com"], kind: "si" });

    const byId = await importRows(owner, "partners", rowsOf("partners", ["Account Name", "Account ID", "Tier"], [["Acme Renamed", "001Aa00000XyZ12", "Platinum"]]));
    expect(byId.body).toMatchObject({ updated: 1, created: 0 });
    expect((await api(owner, "GET", `/v1/partners/${byId.body.rows[0].id}`)).body).toMatchObject({ name: "Acme Renamed", tier: "Platinum", domains: ["acme.co.uk"] });
  });

  it("names each bad row by its line and field, and a real run with one writes nothing", async () => {
    const rows = rowsOf("partners", accountHeaders, [
      ["Delta Partners", "", "delta-partners.com", "Reseller", "", ""],
      ["Gmail Person", "", "gmail.com", "Reseller", "", ""],
      ["Echo", "", "echo-partners.com", "Wizard", "", ""],
      ["Delta Again", "", "delta-partners.com", "Reseller", "", ""],
    ]);
    const preview = await importRows(owner, "partners", rows, true);
    expect(preview.body).toMatchObject({ created: 1, errors: 3 });
    const errors = preview.body.rows.filter((row: { action: string }) => row.action === "error");
    expect(errors.map((row: { row: number; field: string }) => [row.row, row.field])).toEqual([
      [3, "fields.domains.0"], [4, "fields.kind"], [5, "fields.domains.0"],
    ]);
    expect(errors[2].message).toContain("row 2");
    const before = await rowCounts(owner.workspaceId);
    const refused = await importRows(owner, "partners", rows);
    const error = expectInvalidField(refused, "rows.1.fields.domains.0");
    expect(error.issues!.map((issue) => issue.message)[1]).toMatch(/^row 4: /);
    expect(await rowCounts(owner.workspaceId)).toEqual(before);
  });

  it("refuses a row whose identifiers belong to two different partners", async () => {
    const rows = rowsOf("partners", ["Name", "Website", "Account ID"], [["Mixed", "brightpath.io", "001Aa00000XyZ12"]]);
    const preview = await importRows(owner, "partners", rows, true);
    expect(preview.body.rows[0]).toMatchObject({ action: "error", field: "fields" });
    expect(preview.body.rows[0].message).toContain("more than one partner");
  });

  it("is for owners and admins", async () => {
    const member = await addMember(owner.workspaceId, "member");
    expectError(await importRows(member, "partners", rowsOf("partners", accountHeaders, accounts), true), 403, "forbidden");
    const admin = await addMember(owner.workspaceId, "admin");
    expect((await importRows(admin, "partners", rowsOf("partners", accountHeaders, accounts), true)).status).toBe(200);
  });

  it("never matches or touches another workspace's partners", async () => {
    const stranger = await newWorkspace("owner");
    const theirs = await importRows(stranger, "partners", rowsOf("partners", accountHeaders, accounts.slice(0, 1)));
    expect(theirs.body).toMatchObject({ created: 1, updated: 0 });
    const history = rowsOf("interactions", ["Company Domain Name", "Subject", "Date"], [["brightpath.io", "QBR", "2026-02-12"]]);
    const refused = await importRows(stranger, "interactions", history, true);
    expect(refused.body.rows[0]).toMatchObject({ action: "error", field: "partner" });
    expect(await countRows(owner.workspaceId, "interactions")).toBe(0);
  });
});

describe("importing history", () => {
  it("adds activities to the partner they name, backfills 180 days of trend, and a re-import changes nothing", async () => {
    const headers = ["Account Name", "Activity Type", "Subject", "Date", "Activity ID"];
    const records = [
      ["Brightpath MSP", "Call", "Kick-off call", daysAgo(120).slice(0, 10), "00T1"],
      ["Brightpath MSP", "Email", "Sent the enablement plan", daysAgo(40).slice(0, 10), "00T2"],
      ["Brightpath MSP", "Meeting", "Quarterly review", daysAgo(5).slice(0, 10), "00T3"],
    ];
    const done = await importRows(owner, "interactions", rowsOf("interactions", headers, records));
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({ created: 3, errors: 0, backfilled_partners: 1 });
    const partnerId = (await api(owner, "GET", "/v1/partners?q=brightpath")).body.items[0].id;
    const trend = (await api(owner, "GET", `/v1/partners/${partnerId}/health/history?days=180`)).body.items;
    expect(trend.length).toBeGreaterThanOrEqual(120);
    expect(trend[0].backfilled).toBe(true);
    expect(trend[trend.length - 1]).toMatchObject({ day: new Date().toISOString().slice(0, 10), backfilled: false });

    const before = await rowCounts(owner.workspaceId);
    const again = await importRows(owner, "interactions", rowsOf("interactions", headers, records));
    expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    expect(await rowCounts(owner.workspaceId)).toEqual(before);
  });

  it("recognises rows without an id column by their content", async () => {
    const rows = rowsOf("commitments", ["Company", "Subject", "Due Date", "Status"], [
      ["Brightpath MSP", "Send the MDF proposal", "2026-03-01", "Completed"],
      ["Brightpath MSP", "Send the MDF proposal", "2026-03-01", "Completed"],
    ]);
    const first = await importRows(owner, "commitments", rows);
    expect(first.body).toMatchObject({ created: 1, unchanged: 1 });
    expect((await importRows(owner, "commitments", rows)).body).toMatchObject({ created: 0, unchanged: 2 });
  });

  it("matches contacts by email and fills their partner from the address when the file has no company", async () => {
    const rows = rowsOf("contacts", ["First Name", "Last Name", "Email", "Job Title"], [
      ["Priya", "Shah", "Priya.Shah@acme.co.uk", "Head of Alliances"],
    ]);
    expect((await importRows(owner, "contacts", rows)).body).toMatchObject({ created: 1 });
    const retitled = rowsOf("contacts", ["Email", "Job Title"], [["priya.shah@acme.co.uk", "VP Alliances"]]);
    expect((await importRows(owner, "contacts", retitled)).body).toMatchObject({ updated: 1, created: 0 });
    const stored = await env.DB.prepare("SELECT name, title FROM contacts WHERE workspace_id = ? AND email = ?").bind(owner.workspaceId, "priya.shah@acme.co.uk").first();
    expect(stored).toEqual({ name: "Priya Shah", title: "VP Alliances" });
  });
});
