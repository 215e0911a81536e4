import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { newApiToken } from "../../shared/api-token.ts";
import { toEighteenCharacterId } from "../../shared/salesforce-id.ts";
import { listEnvelope } from "../../shared/schemas/common.ts";
import { lookupResult } from "../../shared/schemas/lookup.ts";
import { partner as partnerSchema } from "../../shared/schemas/partner.ts";
import { addMember, api, newWorkspace, type ApiResponse, type TestCaller } from "./api-client.ts";
import {
  acmeContactEmail, acmeDomains, acmeHubspotId, acmeSalesforceId, childCollections, expectError, recordOf, rowCounts,
  seedAcme, uniqueCreateBody, validPatch, type AcmeRecords, type ChildCollection,
} from "./fixtures.ts";

// Workspace A holds Acme and one record of each kind. Workspace B is another
// company using Mutual: every way B can name one of A's records must answer as
// if it did not exist, and nothing B does may change or reveal A's data.

let A: TestCaller;
let B: TestCaller;
let acme: AcmeRecords;
/** A's records as A reads them before anyone else touches anything. */
let before: Record<string, unknown>;
let countsBefore: { a: Awaited<ReturnType<typeof rowCounts>>; b: Awaited<ReturnType<typeof rowCounts>> };
let borealisId: string;

/** Every id and distinctive value of A's; none may appear in a response to B. */
function secretsOfA(): string[] {
  return [
    acme.partner.id, acme.contact.id, acme.interaction.id, acme.commitment.id, acme.referral.id, acme.goal.id,
    acme.meeting.meeting.id, acme.meeting.interaction.id, ...acme.meeting.commitments.map((c) => c.id),
    "Acme Cloud Partners", ...acmeDomains, acmeContactEmail, "Priya Shah", acmeSalesforceId, acmeHubspotId,
    "Globex Retail Group", "Q1 joint pipeline review", "Send Acme the co-marketing MDF proposal", "Ten sourced deals in 2026",
    "Send the EMEA target account list", A.workspaceId, A.memberId,
  ];
}

function expectNoDataOfA(response: ApiResponse) {
  let text = JSON.stringify(response.body);
  response.headers.forEach((value, name) => {
    text += `\n${name}: ${value}`;
  });
  for (const secret of secretsOfA()) expect(text, `response leaks ${secret}`).not.toContain(secret);
}

/** A's records as A sees them, for the before/after comparison. */
async function readAsA(): Promise<Record<string, unknown>> {
  const paths: Record<string, string> = {
    partner: `/v1/partners/${acme.partner.id}`,
    contact: `/v1/contacts/${acme.contact.id}`,
    interaction: `/v1/interactions/${acme.interaction.id}`,
    commitment: `/v1/commitments/${acme.commitment.id}`,
    referral: `/v1/referrals/${acme.referral.id}`,
    goal: `/v1/goals/${acme.goal.id}`,
    meeting: `/v1/meetings/${acme.meeting.meeting.id}`,
    meetingInteraction: `/v1/interactions/${acme.meeting.interaction.id}`,
    actionItem: `/v1/commitments/${acme.meeting.commitments[0]!.id}`,
  };
  const entries = await Promise.all(
    Object.entries(paths).map(async ([name, path]) => {
      const response = await api(A, "GET", path);
      expect(response.status, `${path}: ${JSON.stringify(response.body)}`).toBe(200);
      return [name, response.body] as const;
    }),
  );
  return Object.fromEntries(entries);
}

beforeAll(async () => {
  A = await newWorkspace("owner");
  B = await newWorkspace("owner");
  acme = await seedAcme(A);
  const borealis = await api(B, "POST", "/v1/partners", {
    body: { name: "Borealis Systems", domains: ["borealis.io"], kind: "si", status: "active" },
  });
  expect(borealis.status).toBe(201);
  borealisId = borealis.body.id;
  before = await readAsA();
  countsBefore = { a: await rowCounts(A.workspaceId), b: await rowCounts(B.workspaceId) };
});

interface Case {
  label: string;
  method: "GET" | "POST" | "PATCH" | "DELETE";
  path: () => string;
  body?: () => unknown;
}

const singular: Record<ChildCollection, string> = {
  contacts: "contact", interactions: "interaction", commitments: "commitment", referrals: "referral", goals: "goal", meetings: "meeting",
};

/** Every endpoint that takes the id of one of A's records, with a body that would be valid for A. */
const idCases: Case[] = [
  { label: "GET /v1/partners/:id", method: "GET", path: () => `/v1/partners/${acme.partner.id}` },
  { label: "PATCH /v1/partners/:id", method: "PATCH", path: () => `/v1/partners/${acme.partner.id}`, body: () => validPatch.partners },
  { label: "DELETE /v1/partners/:id", method: "DELETE", path: () => `/v1/partners/${acme.partner.id}` },
  ...childCollections.flatMap((collection): Case[] => [
    {
      label: `POST /v1/partners/:id/${collection}`, method: "POST",
      path: () => `/v1/partners/${acme.partner.id}/${collection}`, body: () => uniqueCreateBody(collection, 901),
    },
    { label: `GET /v1/partners/:id/${collection}`, method: "GET", path: () => `/v1/partners/${acme.partner.id}/${collection}` },
    {
      label: `GET /v1/${collection}/:id (A's ${singular[collection]})`, method: "GET",
      path: () => `/v1/${collection}/${recordOf(acme, collection).id}`,
    },
    {
      label: `PATCH /v1/${collection}/:id (A's ${singular[collection]})`, method: "PATCH",
      path: () => `/v1/${collection}/${recordOf(acme, collection).id}`, body: () => validPatch[collection],
    },
  ]),
  // The records the meeting wrote are records of their own kinds.
  { label: "GET /v1/interactions/:id (meeting's interaction)", method: "GET", path: () => `/v1/interactions/${acme.meeting.interaction.id}` },
  {
    label: "PATCH /v1/commitments/:id (meeting's action item)", method: "PATCH",
    path: () => `/v1/commitments/${acme.meeting.commitments[0]!.id}`, body: () => ({ status: "cancelled" }),
  },
];

describe("workspace B naming A's records", () => {
  it.each(idCases)("$label → 404 not_found, nothing of A's in the answer", async ({ method, path, body }) => {
    const response = await api(B, method, path(), body ? { body: body() } : {});
    expectError(response, 404, "not_found");
    expect(response.headers.get("ETag")).toBeNull();
    expect(response.headers.get("Location")).toBeNull();
    expectNoDataOfA(response);
  });

  it.each(idCases.filter((c) => c.method === "PATCH" || c.method === "DELETE"))(
    "$label with If-Match of A's version → still 404, not 412 or 200",
    async ({ method, path, body }) => {
      for (const version of ['"1"', '"2"']) {
        const response = await api(B, method, path(), { ...(body ? { body: body() } : {}), headers: { "If-Match": version } });
        expectError(response, 404, "not_found");
        expectNoDataOfA(response);
      }
    },
  );

  it.each(childCollections.filter((c) => c !== "meetings"))(
    "POST /v1/partners/:id/%s with an Idempotency-Key → 404 and no key recorded",
    async (collection) => {
      const response = await api(B, "POST", `/v1/partners/${acme.partner.id}/${collection}`, {
        body: uniqueCreateBody(collection, 902),
        headers: { "Idempotency-Key": `b-${collection}-probe` },
      });
      expectError(response, 404, "not_found");
      const keys = await env.DB.prepare("SELECT COUNT(*) AS n FROM idempotency_keys WHERE workspace_id = ?").bind(B.workspaceId).first<{ n: number }>();
      expect(keys!.n).toBe(0);
    },
  );
});

describe("workspace B's lists and searches", () => {
  it("GET /v1/partners lists only B's own partner", async () => {
    const response = await api(B, "GET", "/v1/partners");
    expect(response.status).toBe(200);
    expect(listEnvelope(partnerSchema).safeParse(response.body).success).toBe(true);
    expect(response.body.items.map((p: { id: string }) => p.id)).toEqual([borealisId]);
    expect(response.body.next_cursor).toBeNull();
    expectNoDataOfA(response);
  });

  it("GET /v1/commitments?partner_id=<A's partner> is an empty page", async () => {
    const response = await api(B, "GET", `/v1/commitments?partner_id=${acme.partner.id}`);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body).toEqual({ items: [], next_cursor: null });
    expectNoDataOfA(response);
  });

  it.each([
    ["A's name", "Acme Cloud Partners"],
    ["part of A's name", "acme"],
    ["A's domain", "acme.co.uk"],
    ["A's second domain", "acme-partners"],
    ["a LIKE wildcard", "%"],
    ["a single-character wildcard", "_"],
  ])("GET /v1/partners?q=<%s> finds nothing of A's", async (_label, q) => {
    const response = await api(B, "GET", `/v1/partners?q=${encodeURIComponent(q)}`);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body.items).toEqual([]);
    expectNoDataOfA(response);
  });

  it.each(["", "?status=open", "?owed_by=partner", "?overdue=true", "?overdue=false"])(
    "GET /v1/commitments%s shows none of A's commitments",
    async (query) => {
      const response = await api(B, "GET", `/v1/commitments${query}`);
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      expect(response.body).toEqual({ items: [], next_cursor: null });
      expectNoDataOfA(response);
    },
  );

  it.each([
    ["domain, email and salesforce together", () => `domain=${acmeDomains[0]}&email=${acmeContactEmail}&salesforce=${acmeSalesforceId}`],
    ["A's domain", () => `domain=${acmeDomains[1]}`],
    ["a subdomain address of A's", () => "email=jo@sales.acme.co.uk"],
    ["A's contact's email", () => `email=${acmeContactEmail}`],
    ["A's 18-character salesforce id", () => `salesforce=${toEighteenCharacterId(acmeSalesforceId)}`],
    ["A's hubspot id", () => `hubspot=${acmeHubspotId}`],
    ["a website URL of A's", () => `domain=${encodeURIComponent("https://www.acme.co.uk/about")}`],
  ])("GET /v1/lookup by %s matches nothing", async (_label, query) => {
    const response = await api(B, "GET", `/v1/lookup?${query()}`);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(lookupResult.safeParse(response.body).success).toBe(true);
    expect(response.body.matches).toEqual([]);
    expectNoDataOfA(response);
  });

  it("GET /v1/me names B's workspace, not A's", async () => {
    const response = await api(B, "GET", "/v1/me");
    expect(response.status).toBe(200);
    expect(response.body.workspace.id).toBe(B.workspaceId);
    expect(response.body.member.id).toBe(B.memberId);
    expectNoDataOfA(response);
  });
});

describe("identifiers are per workspace", () => {
  it("a third workspace may register A's domains, CRM ids and contact email without a conflict that names A", async () => {
    const C = await newWorkspace("member");
    const ownAcme = await api(C, "POST", "/v1/partners", {
      body: {
        name: "Acme (our record)", domains: acmeDomains, salesforce_account_id: acmeSalesforceId, hubspot_company_id: acmeHubspotId,
        kind: "msp",
      },
    });
    expect(ownAcme.status, JSON.stringify(ownAcme.body)).toBe(201);
    expect(ownAcme.body.domains).toEqual([...acmeDomains].sort());
    const contact = await api(C, "POST", `/v1/partners/${ownAcme.body.id}/contacts`, { body: { email: acmeContactEmail } });
    expect(contact.status, JSON.stringify(contact.body)).toBe(201);
    const lookup = await api(C, "GET", `/v1/lookup?email=${acmeContactEmail}`);
    expect(lookup.status).toBe(200);
    expect(lookup.body.matches.map((m: { partner: { id: string } }) => m.partner.id)).toEqual([ownAcme.body.id]);
    expect(JSON.stringify(lookup.body)).not.toContain(acme.partner.id);
    expect(JSON.stringify(lookup.body)).not.toContain("Acme Cloud Partners");
  });
});

describe("a viewer of A", () => {
  let viewer: TestCaller;
  beforeAll(async () => {
    viewer = await addMember(A.workspaceId, "viewer");
  });

  const writeCases: Case[] = [
    { label: "POST /v1/partners", method: "POST", path: () => "/v1/partners", body: () => uniqueCreateBody("partners", 903) },
    ...idCases.filter((c) => c.method !== "GET"),
  ];

  it.each(writeCases)("$label → 403 forbidden", async ({ method, path, body }) => {
    const response = await api(viewer, method, path(), body ? { body: body() } : {});
    expectError(response, 403, "forbidden");
  });

  it("is refused before validation: an invalid body is still 403", async () => {
    const response = await api(viewer, "PATCH", `/v1/partners/${acme.partner.id}`, { body: { tier: 42 } });
    expectError(response, 403, "forbidden");
  });

  const readCases: { label: string; path: () => string; holds: () => string }[] = [
    ...idCases
      .filter((c) => c.method === "GET")
      .map((c) => ({ label: c.label, path: c.path, holds: () => acme.partner.id })),
    { label: "GET /v1/partners", path: () => "/v1/partners", holds: () => acme.partner.id },
    { label: "GET /v1/partners?q=acme", path: () => "/v1/partners?q=acme", holds: () => acme.partner.id },
    { label: "GET /v1/commitments", path: () => "/v1/commitments", holds: () => acme.commitment.id },
    { label: "GET /v1/commitments?partner_id=", path: () => `/v1/commitments?partner_id=${acme.partner.id}`, holds: () => acme.commitment.id },
    { label: "GET /v1/lookup", path: () => `/v1/lookup?email=${acmeContactEmail}`, holds: () => acme.partner.id },
    { label: "GET /v1/me", path: () => "/v1/me", holds: () => A.workspaceId },
  ];

  it.each(readCases)("$label → 200 with A's data", async ({ path, holds }) => {
    const response = await api(viewer, "GET", path());
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(JSON.stringify(response.body)).toContain(holds());
  });
});

describe("tokens", () => {
  it("a revoked token gets 401 on reads and writes", async () => {
    const member = await addMember(A.workspaceId, "member");
    expect((await api(member, "GET", "/v1/me")).status).toBe(200);
    await env.DB.prepare("UPDATE api_tokens SET revoked_at = ? WHERE id = ?").bind(new Date().toISOString(), member.tokenId).run();
    for (const [method, path, body] of [
      ["GET", "/v1/me", undefined],
      ["GET", `/v1/partners/${acme.partner.id}`, undefined],
      ["GET", `/v1/lookup?email=${acmeContactEmail}`, undefined],
      ["PATCH", `/v1/partners/${acme.partner.id}`, validPatch.partners],
      ["POST", `/v1/partners/${acme.partner.id}/commitments`, uniqueCreateBody("commitments", 904)],
    ] as const) {
      const response = await api(member, method, path, body ? { body } : {});
      const error = expectError(response, 401, "unauthorized");
      expect(error.message).toMatch(/revoked/);
      expectNoDataOfA(response);
    }
  });

  it("a missing Authorization header gets 401 saying how to send one", async () => {
    const response = await api(null, "GET", `/v1/partners/${acme.partner.id}`);
    const error = expectError(response, 401, "unauthorized");
    expect(error.message).toMatch(/Authorization: Bearer/);
  });

  it("a write without Authorization gets 401 (A's row counts are checked at the end)", async () => {
    const response = await api(null, "POST", `/v1/partners/${acme.partner.id}/contacts`, { body: uniqueCreateBody("contacts", 905) });
    expectError(response, 401, "unauthorized");
  });

  it.each([
    ["Basic credentials", () => "Basic ZGFuYTpodW50ZXIy"],
    ["Bearer with nothing after it", () => "Bearer"],
    ["Bearer and a space", () => "Bearer "],
    ["the token without Bearer", () => A.token],
    ["Token scheme", () => `Token ${A.token}`],
    ["a token with the wrong prefix", () => `Bearer ${A.token.replace("mutual_", "mutua1_")}`],
    ["a truncated token", () => `Bearer ${A.token.slice(0, -1)}`],
    ["a token with a character too many", () => `Bearer ${A.token}x`],
    ["an upper-cased token", () => `Bearer ${A.token.toUpperCase()}`],
    ["two tokens", () => `Bearer ${A.token} ${B.token}`],
    ["a well-formed token nobody was given", () => `Bearer ${newApiToken().token}`],
  ])("Authorization: %s → 401 with a message", async (_label, header) => {
    const response = await api(null, "GET", `/v1/partners/${acme.partner.id}`, { headers: { Authorization: header() } });
    const error = expectError(response, 401, "unauthorized");
    expect(error.message).toMatch(/token/i);
    expectNoDataOfA(response);
  });

  it("the scheme is case-insensitive", async () => {
    const response = await api(null, "GET", `/v1/partners/${acme.partner.id}`, { headers: { Authorization: `bearer ${A.token}` } });
    expect(response.status).toBe(200);
    expect(response.body.id).toBe(acme.partner.id);
  });
});

// Declared last: vitest runs a file's tests in order, so this sees every attempt above.
describe("after everything B, the viewer and the bad tokens tried", () => {
  it("A's records are exactly as they were, all at version 1", async () => {
    const after = await readAsA();
    expect(after).toEqual(before);
    for (const [name, record] of Object.entries(after)) {
      if ("version" in (record as object)) expect((record as { version: number }).version, name).toBe(1);
    }
  });

  it("no rows were added to A's or B's workspace and no audit entry names B", async () => {
    const counts = await rowCounts(A.workspaceId);
    // The revoked and viewer members only exist as members; none of them wrote.
    expect(counts).toEqual(countsBefore.a);
    expect(await rowCounts(B.workspaceId)).toEqual(countsBefore.b);
    const byB = await env.DB.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE actor_member_id = ? AND workspace_id <> ?")
      .bind(B.memberId, B.workspaceId)
      .first<{ n: number }>();
    expect(byB!.n).toBe(0);
  });
});
