import { describe, expect, it } from "vitest";
import { mapColumns } from "../../shared/import/columns.ts";
import { exportRecords } from "../../shared/import/export-csv.ts";
import { toImportRow } from "../../shared/import/to-rows.ts";
import { exportPage } from "../../shared/schemas/export.ts";
import { acmePartner, api, newWorkspace } from "./api-client.ts";
import { expectError, expectInvalidField } from "./fixtures.ts";

// A partner's LinkedIn company page (migrations/0012): given as the page's
// address or its slug, stored as the lower-case slug, matched by
// GET /v1/lookup?linkedin=<slug> in the caller's workspace only.

describe("a partner's LinkedIn company page", () => {
  it("is stored as the slug of the address given, and patched or cleared like a CRM id", async () => {
    const caller = await newWorkspace();
    const created = await api(caller, "POST", "/v1/partners", { body: { ...acmePartner, linkedin_slug: "https://www.linkedin.com/company/Acme-Cloud/about/" } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.linkedin_slug).toBe("acme-cloud");
    const id = created.body.id as string;
    const patched = await api(caller, "PATCH", `/v1/partners/${id}`, { body: { linkedin_slug: "acme_cloud_uk" }, headers: { "If-Match": `"${created.body.version}"` } });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect((await api(caller, "GET", `/v1/partners/${id}`)).body.linkedin_slug).toBe("acme_cloud_uk");
    const cleared = await api(caller, "PATCH", `/v1/partners/${id}`, { body: { linkedin_slug: null }, headers: { "If-Match": `"${patched.body.version}"` } });
    expect(cleared.body.linkedin_slug).toBeNull();
  });

  it("refuses what is not a company page, naming the field, and writes nothing", async () => {
    const caller = await newWorkspace();
    for (const bad of ["https://www.linkedin.com/in/sam-lee/", "acme cloud", "https://example.com/company/acme", "a"]) {
      expectInvalidField(await api(caller, "POST", "/v1/partners", { body: { ...acmePartner, linkedin_slug: bad } }), "linkedin_slug");
    }
    expect((await api(caller, "GET", "/v1/partners")).body.items).toEqual([]);
  });

  it("belongs to one live partner of a workspace: a second is a 409 naming the field", async () => {
    const caller = await newWorkspace();
    await api(caller, "POST", "/v1/partners", { body: { ...acmePartner, linkedin_slug: "acme-cloud" } });
    const second = await api(caller, "POST", "/v1/partners", { body: { ...acmePartner, name: "Other", domains: ["other.co.uk"], linkedin_slug: "ACME-CLOUD" } });
    expect(expectError(second, 409, "conflict").issues?.[0]?.path).toBe("linkedin_slug");
  });

  it("matches the partner by its slug in any case, in the caller's workspace only", async () => {
    const caller = await newWorkspace();
    const stranger = await newWorkspace();
    const id = (await api(caller, "POST", "/v1/partners", { body: { ...acmePartner, linkedin_slug: "acme-cloud" } })).body.id as string;
    const found = await api(caller, "GET", "/v1/lookup?linkedin=Acme-Cloud");
    expect(found.status, JSON.stringify(found.body)).toBe(200);
    expect(found.body.matches.map((m: { partner: { id: string } }) => m.partner.id)).toEqual([id]);
    expect(found.body.matches[0].matched_by).toEqual([{ type: "linkedin", value: "acme-cloud" }]);
    expect((await api(stranger, "GET", "/v1/lookup?linkedin=acme-cloud")).body).toEqual({ matches: [] });
    // Both signs of the page: the slug and the website it shows, one match with both reasons.
    const both = await api(caller, "GET", "/v1/lookup?linkedin=acme-cloud&domain=acme.co.uk");
    expect(both.body.matches[0].matched_by, JSON.stringify(both.body.matches[0]?.matched_by)).toEqual([{ type: "domain", value: "acme.co.uk" }, { type: "linkedin", value: "acme-cloud" }]);
  });

  it("names a lookup value that is no slug", async () => {
    const caller = await newWorkspace();
    expectInvalidField(await api(caller, "GET", "/v1/lookup?linkedin=acme-cloud&linkedin=acme%20cloud"), "linkedin.1");
  });

  it("is exported and imported from a CSV column holding the page's address", async () => {
    const caller = await newWorkspace();
    const headers = ["Company Name", "Website", "LinkedIn Company Page"];
    const mapping = mapColumns("partners", headers);
    expect(mapping["LinkedIn Company Page"]).toBe("linkedin_slug");
    const row = toImportRow("partners", { "Company Name": "Brightpath", Website: "brightpath.io", "LinkedIn Company Page": "https://www.linkedin.com/company/brightpath-msp/" }, mapping, 2);
    const imported = await api(caller, "POST", "/v1/imports", { body: { kind: "partners", rows: [row] } });
    expect(imported.status, JSON.stringify(imported.body)).toBe(200);
    expect(imported.body.created).toBe(1);
    const exported = exportPage.parse((await api(caller, "GET", "/v1/export")).body);
    expect(exported.items.map((p) => p.linkedin_slug)).toEqual(["brightpath-msp"]);
    expect(exportRecords("partners", exported.items)[0]!["LinkedIn Company Page"]).toBe("brightpath-msp");
  });
});
