import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { partner as partnerSchema } from "../../shared/schemas/partner.ts";
import { acmePartner, api, newWorkspace } from "./api-client.ts";

describe("partners", () => {
  it("creates a partner with every field, normalising domains, and audits it", async () => {
    const caller = await newWorkspace();
    const created = await api(caller, "POST", "/v1/partners", {
      body: {
        ...acmePartner,
        domains: ["https://www.ACME.co.uk/", "acme-partners.com", "acme.co.uk"],
        salesforce_account_id: "001i0000007BlV0AAK",
        hubspot_company_id: "123456",
        owner_email: "alex@northwind.example",
        business_model: "Resells and runs managed cloud for mid-market UK retailers",
        objectives: "Grow managed-services revenue 30% this year",
        plan: {
          our_roles: ["Technical enablement"], partner_roles: ["Lead generation"],
          terms: { margin_percent: 20, referral_fee_percent: 10 },
          documents: [{ title: "Partner agreement", url: "https://docs.example/acme-agreement.pdf" }],
          renewal_on: "2027-03-31",
        },
        visibility: "shared",
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const partner = partnerSchema.parse(created.body);
    expect(partner.domains).toEqual(["acme-partners.com", "acme.co.uk"]);
    expect(partner.version).toBe(1);
    expect(created.headers.get("ETag")).toBe('"1"');
    expect(created.headers.get("Location")).toBe(`/v1/partners/${partner.id}`);
    const audit = await env.DB.prepare("SELECT action, after_json FROM audit_log WHERE workspace_id = ? AND entity_id = ?")
      .bind(caller.workspaceId, partner.id).all<{ action: string; after_json: string }>();
    expect(audit.results).toHaveLength(1);
    expect(audit.results[0]!.action).toBe("create");
    expect(JSON.parse(audit.results[0]!.after_json).name).toBe("Acme Cloud Partners");
  });

  it("keeps the real creation time of imported history", async () => {
    const caller = await newWorkspace();
    const created = await api(caller, "POST", "/v1/partners", { body: { ...acmePartner, created_at: "2024-02-01T09:30:00+01:00" } });
    expect(created.body.created_at).toBe("2024-02-01T08:30:00.000Z");
  });

  it("refuses a domain, Salesforce or HubSpot id another partner holds, naming the field", async () => {
    const caller = await newWorkspace();
    await api(caller, "POST", "/v1/partners", { body: { ...acmePartner, salesforce_account_id: "001i0000007BlV0", hubspot_company_id: "77" } });
    const domain = await api(caller, "POST", "/v1/partners", { body: { name: "Other", kind: "si", domains: ["other.com", "acme.co.uk"] } });
    expect(domain.status).toBe(409);
    expect(domain.body.error.issues).toEqual([{ path: "domains.1", message: "acme.co.uk already belongs to Acme Cloud Partners" }]);
    // The 18-character form of the same record is the same account.
    const salesforce = await api(caller, "POST", "/v1/partners", { body: { name: "Other", kind: "si", salesforce_account_id: "001i0000007BlV0AAK" } });
    expect(salesforce.status).toBe(409);
    expect(salesforce.body.error.issues[0].path).toBe("salesforce_account_id");
    const hubspot = await api(caller, "POST", "/v1/partners", { body: { name: "Other", kind: "si", hubspot_company_id: "77" } });
    expect(hubspot.body.error.issues[0].path).toBe("hubspot_company_id");
    const count = await env.DB.prepare("SELECT COUNT(*) AS n FROM partners WHERE workspace_id = ?").bind(caller.workspaceId).first<{ n: number }>();
    expect(count!.n).toBe(1);
  });

  it("rejects free-mail domains and bad fields with a 400 naming each field", async () => {
    const caller = await newWorkspace();
    const response = await api(caller, "POST", "/v1/partners", {
      body: { name: "", kind: "vendor", domains: ["gmail.com"], cadence_days: 0, colour: "red" },
    });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe("invalid_request");
    const paths = response.body.error.issues.map((issue: { path: string }) => issue.path).sort();
    expect(paths).toEqual(["cadence_days", "colour", "domains.0", "kind", "name"]);
    const domainIssue = response.body.error.issues.find((issue: { path: string }) => issue.path === "domains.0");
    expect(domainIssue.message).toMatch(/free-mail/);
  });

  it("patches only what is sent, replaces domains, bumps the version and audits before/after", async () => {
    const caller = await newWorkspace();
    const created = await api(caller, "POST", "/v1/partners", { body: acmePartner });
    const id = created.body.id;
    const patched = await api(caller, "PATCH", `/v1/partners/${id}`, {
      body: { tier: "Platinum", domains: ["acme.co.uk", "acme.io"] },
      headers: { "If-Match": '"1"' },
    });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect(patched.body).toMatchObject({ tier: "Platinum", domains: ["acme.co.uk", "acme.io"], version: 2, name: "Acme Cloud Partners" });
    expect(patched.headers.get("ETag")).toBe('"2"');
    const fetched = await api(caller, "GET", `/v1/partners/${id}`);
    expect(fetched.body).toEqual(patched.body);
    const audit = await env.DB.prepare("SELECT before_json, after_json FROM audit_log WHERE entity_id = ? AND action = 'update'").bind(id).first<{ before_json: string; after_json: string }>();
    expect(JSON.parse(audit!.before_json).tier).toBe("Gold");
    expect(JSON.parse(audit!.after_json).tier).toBe("Platinum");
    const lookupOld = await api(caller, "GET", "/v1/lookup?domain=acme-partners.com");
    expect(lookupOld.body.matches).toEqual([]);
  });

  it("rejects an empty patch and a stale If-Match", async () => {
    const caller = await newWorkspace();
    const { body } = await api(caller, "POST", "/v1/partners", { body: acmePartner });
    const empty = await api(caller, "PATCH", `/v1/partners/${body.id}`, { body: {} });
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toMatch(/at least one field/);
    const stale = await api(caller, "PATCH", `/v1/partners/${body.id}`, { body: { tier: "Silver" }, headers: { "If-Match": '"9"' } });
    expect(stale.status).toBe(412);
    expect(stale.body.error.code).toBe("precondition_failed");
  });

  it("archives on delete: gone from reads, lists and lookups, its domains free for a new partner", async () => {
    const caller = await newWorkspace();
    const { body } = await api(caller, "POST", "/v1/partners", { body: acmePartner });
    const deleted = await api(caller, "DELETE", `/v1/partners/${body.id}`);
    expect(deleted.status).toBe(204);
    expect((await api(caller, "GET", `/v1/partners/${body.id}`)).status).toBe(404);
    expect((await api(caller, "GET", "/v1/partners")).body.items).toEqual([]);
    expect((await api(caller, "GET", "/v1/lookup?domain=acme.co.uk")).body.matches).toEqual([]);
    expect((await api(caller, "POST", "/v1/partners", { body: { ...acmePartner, name: "Acme (new entity)" } })).status).toBe(201);
    const row = await env.DB.prepare("SELECT archived_at FROM partners WHERE id = ?").bind(body.id).first<{ archived_at: string }>();
    expect(row!.archived_at).toBeTruthy();
  });

  it("lists with search, status filter, sorting and cursor pagination", async () => {
    const caller = await newWorkspace();
    const names = ["Delta Systems", "alpha networks", "Bravo & Co", "Charlie_IT", "Echo MSP"];
    for (const [index, name] of names.entries()) {
      await api(caller, "POST", "/v1/partners", {
        body: { name, kind: "msp", status: index % 2 === 0 ? "active" : "prospect", domains: [`p${index}.example.com`] },
      });
    }
    const page1 = await api(caller, "GET", "/v1/partners?limit=2");
    expect(page1.body.items.map((p: { name: string }) => p.name)).toEqual(["alpha networks", "Bravo & Co"]);
    const page2 = await api(caller, "GET", `/v1/partners?limit=2&cursor=${page1.body.next_cursor}`);
    expect(page2.body.items.map((p: { name: string }) => p.name)).toEqual(["Charlie_IT", "Delta Systems"]);
    const page3 = await api(caller, "GET", `/v1/partners?limit=2&cursor=${page2.body.next_cursor}`);
    expect(page3.body.items.map((p: { name: string }) => p.name)).toEqual(["Echo MSP"]);
    expect(page3.body.next_cursor).toBeNull();

    const descending = await api(caller, "GET", "/v1/partners?sort=-name&limit=1");
    expect(descending.body.items[0].name).toBe("Echo MSP");
    const active = await api(caller, "GET", "/v1/partners?status=active");
    expect(active.body.items.map((p: { name: string }) => p.name)).toEqual(["Bravo & Co", "Delta Systems", "Echo MSP"]);
    // LIKE wildcards in a search are literal characters.
    const underscore = await api(caller, "GET", "/v1/partners?q=_");
    expect(underscore.body.items.map((p: { name: string }) => p.name)).toEqual(["Charlie_IT"]);
    const byDomain = await api(caller, "GET", "/v1/partners?q=p3.example");
    expect(byDomain.body.items.map((p: { name: string }) => p.name)).toEqual(["Charlie_IT"]);
    const badCursor = await api(caller, "GET", "/v1/partners?cursor=nonsense");
    expect(badCursor.status).toBe(400);
    expect(badCursor.body.error.issues[0].path).toBe("cursor");
  });

  it("pages past names outside Latin-1 (Polish, Chinese, emoji) with cursors that carry them", async () => {
    const caller = await newWorkspace();
    const names = ["Škoda Partners", "Zeta", "东方伙伴", "Łódź Systems", "Rocket 🚀 Labs"];
    for (const name of names) {
      const created = await api(caller, "POST", "/v1/partners", { body: { name, kind: "isv" } });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
    }
    const first = await api(caller, "GET", "/v1/partners?sort=-name&limit=1");
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    const seen: string[] = first.body.items.map((p: { name: string }) => p.name);
    let cursor: string | null = first.body.next_cursor;
    while (cursor) {
      const page = await api(caller, "GET", `/v1/partners?sort=-name&limit=1&cursor=${encodeURIComponent(cursor)}`);
      expect(page.status, JSON.stringify(page.body)).toBe(200);
      seen.push(...page.body.items.map((p: { name: string }) => p.name));
      cursor = page.body.next_cursor;
    }
    expect([...seen].sort()).toEqual([...names].sort());
    expect(new Set(seen).size).toBe(names.length);
  });

  it("sorts by last contact, never-contacted first, and pages through it", async () => {
    const caller = await newWorkspace();
    const ids: Record<string, string> = {};
    for (const name of ["Quiet", "Recent", "Never"]) {
      ids[name] = (await api(caller, "POST", "/v1/partners", { body: { name, kind: "isv" } })).body.id;
    }
    await api(caller, "POST", `/v1/partners/${ids.Quiet}/interactions`, { body: { kind: "call", direction: "outbound", occurred_at: "2026-06-01T10:00:00Z" } });
    await api(caller, "POST", `/v1/partners/${ids.Recent}/interactions`, { body: { kind: "email", direction: "inbound", occurred_at: "2026-11-20T10:00:00Z" } });
    const ascending = await api(caller, "GET", "/v1/partners?sort=last_contact&limit=2");
    expect(ascending.body.items.map((p: { name: string }) => p.name)).toEqual(["Never", "Quiet"]);
    const rest = await api(caller, "GET", `/v1/partners?sort=last_contact&limit=2&cursor=${ascending.body.next_cursor}`);
    expect(rest.body.items.map((p: { name: string }) => p.name)).toEqual(["Recent"]);
    const descending = await api(caller, "GET", "/v1/partners?sort=-last_contact");
    expect(descending.body.items.map((p: { name: string }) => p.name)).toEqual(["Recent", "Quiet", "Never"]);
    expect(descending.body.items[0].last_contact_at).toBe("2026-11-20T10:00:00.000Z");
  });
});
