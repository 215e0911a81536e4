import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { api, newWorkspace, addMember, type ApiResponse, type TestCaller } from "./api-client.ts";
import { expectError, rowCounts, seedAcme, type AcmeRecords } from "./fixtures.ts";
import { fill, isWrite, label, operationsOf, takesId, type JsonSchema, type Operation, type Target } from "./openapi-requests.ts";

// Every operation the API documents, tried by everyone who must be refused:
// another workspace with A's ids, a viewer, a read-only token, a revoked and
// an expired token. The list comes from /v1/openapi.json, so an endpoint added
// later is in the matrix without anyone remembering to add it; the last block
// proves each request was one the rightful owner can make.

let document: JsonSchema;
let operations: Operation[];
let A: TestCaller;
let acme: AcmeRecords;
let targetA: Target;
let B: TestCaller;
let C: TestCaller;
let targetC: Target;
const callersOfC: Record<"viewer" | "readOnly" | "revoked" | "expired", TestCaller> = {} as never;

async function createToken(owner: TestCaller, body: Record<string, unknown>): Promise<TestCaller> {
  const response = await api(owner, "POST", "/v1/tokens", { body: { label: "matrix", ...body } });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return { ...owner, token: response.body.token, tokenId: response.body.id, memberId: response.body.member.id };
}

function secretsOfA(): string[] {
  return [
    A.workspaceId, A.memberId, A.tokenId, acme.partner.id, acme.contact.id, acme.interaction.id, acme.commitment.id,
    acme.referral.id, acme.goal.id, acme.meeting.meeting.id, "Acme Cloud Partners", "Priya Shah", "Globex Retail Group",
    "Q1 joint pipeline review", "acme.co.uk",
  ];
}

function expectNothingOfA(response: ApiResponse, what: string) {
  let text = JSON.stringify(response.body);
  response.headers.forEach((value, name) => {
    text += `\n${name}: ${value}`;
  });
  for (const secret of secretsOfA()) expect(text, `${what} leaks ${secret}`).not.toContain(secret);
}

async function createCapture(owner: TestCaller, records: AcmeRecords): Promise<string> {
  const items = [{ external_id: `matrix-${owner.workspaceId}`, kind: "email", direction: "inbound", occurred_at: "2026-02-20T09:00:00Z" }];
  const response = await api(owner, "POST", `/v1/partners/${records.partner.id}/interactions/batch`, { body: { items } });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.capture_id;
}

/** A new workspace's invitation, and the partner it is for. */
async function invitationFrom(): Promise<{ owner: TestCaller; id: string; code: string }> {
  const owner = await newWorkspace("owner");
  const partner = await api(owner, "POST", "/v1/partners", { body: { name: "Inviting partner", domains: [], kind: "si" } });
  const response = await api(owner, "POST", `/v1/partners/${partner.body.id}/invitations`);
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return { owner, id: response.body.id, code: response.body.code };
}

/** The sharing ids a target offers: its own invitation, a live connection (not to its seeded partner), an unused code for it. */
async function sharingOf(owner: TestCaller, partnerId: string) {
  const made = await api(owner, "POST", `/v1/partners/${partnerId}/invitations`);
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  const spare = await api(owner, "POST", "/v1/partners", { body: { name: "Connected partner", domains: [], kind: "si" } });
  const connected = await api(owner, "POST", "/v1/connections", { body: { code: (await invitationFrom()).code, partner_id: spare.body.id } });
  expect(connected.status, JSON.stringify(connected.body)).toBe(201);
  const guestLink = await api(owner, "POST", `/v1/partners/${partnerId}/guest-links`, { body: {} });
  expect(guestLink.status, JSON.stringify(guestLink.body)).toBe(201);
  return { invitationId: made.body.id, connectionId: connected.body.id, invitationCode: (await invitationFrom()).code, guestLinkId: guestLink.body.id };
}

async function send(caller: TestCaller, operation: Operation, target: Target): Promise<ApiResponse> {
  const request = fill(operation, document, target);
  return api(caller, operation.method, request.path, request.body === undefined ? {} : { body: request.body });
}

beforeAll(async () => {
  document = (await api(null, "GET", "/v1/openapi.json")).body;
  operations = operationsOf(document);

  A = await newWorkspace("owner");
  acme = await seedAcme(A);
  const spareA = await createToken(A, {});
  targetA = {
    records: acme, memberId: A.memberId, spareTokenId: spareA.tokenId, captureId: await createCapture(A, acme), ...(await sharingOf(A, acme.partner.id)),
  };

  B = await newWorkspace("owner");
  expect((await api(B, "POST", "/v1/partners", { body: { name: "Borealis Systems", domains: ["borealis.io"], kind: "si" } })).status).toBe(201);

  C = await newWorkspace("owner");
  const recordsC = await seedAcme(C);
  const spareC = await createToken(C, {});
  targetC = {
    records: recordsC, memberId: C.memberId, spareTokenId: spareC.tokenId, captureId: await createCapture(C, recordsC),
    ...(await sharingOf(C, recordsC.partner.id)),
  };
  callersOfC.viewer = await addMember(C.workspaceId, "viewer");
  callersOfC.readOnly = await createToken(C, { scope: "read" });
  callersOfC.revoked = await createToken(C, {});
  expect((await api(C, "DELETE", `/v1/tokens/${callersOfC.revoked.tokenId}`)).status).toBe(204);
  callersOfC.expired = await createToken(C, {});
  await env.DB.prepare("UPDATE api_tokens SET expires_at = ? WHERE id = ?").bind("2026-01-01T00:00:00.000Z", callersOfC.expired.tokenId).run();
});

describe("the matrix covers the document", () => {
  it("has every operation, secured except the public document and page", () => {
    expect(operations.length).toBeGreaterThan(30);
    const open = operations.filter((operation) => !operation.secured).map(label);
    expect(open).toEqual([]);
    for (const path of ["/v1/tokens", "/v1/tokens/{id}", "/v1/audit", "/v1/partners/{id}"]) {
      expect(operations.map((operation) => operation.template)).toContain(path);
    }
  });
});

describe("another workspace's token on every operation", () => {
  it("gets 404 for each of A's ids and nothing of A's anywhere", async () => {
    const countsBefore = await rowCounts(A.workspaceId);
    for (const operation of operations) {
      const response = await send(B, operation, targetA);
      if (takesId(operation)) expectError(response, 404, "not_found");
      else {
        expect(response.status, `${label(operation)}: ${JSON.stringify(response.body)}`).toBeLessThan(500);
        expect(response.status, `${label(operation)} must not conflict with A's data`).not.toBe(409);
      }
      expectNothingOfA(response, label(operation));
    }
    expect(await rowCounts(A.workspaceId)).toEqual(countsBefore);
    const token = await env.DB.prepare("SELECT revoked_at FROM api_tokens WHERE id = ?").bind(targetA.spareTokenId).first();
    expect(token).toEqual({ revoked_at: null });
  });
});

describe("refused callers on every operation", () => {
  const cases = [
    ["a viewer", "viewer", 403, "forbidden", isWrite],
    ["a read-only token", "readOnly", 403, "forbidden", isWrite],
    ["a revoked token", "revoked", 401, "unauthorized", () => true],
    ["an expired token", "expired", 401, "unauthorized", () => true],
  ] as const;

  it.each(cases)("%s is refused", async (_, who, status, code, applies) => {
    const countsBefore = await rowCounts(C.workspaceId);
    const tried = operations.filter((operation) => applies(operation));
    expect(tried.length).toBeGreaterThan(0);
    for (const operation of tried) {
      const response = await send(callersOfC[who], operation, targetC);
      expect(response.status, `${label(operation)}: ${JSON.stringify(response.body)}`).toBe(status);
      expectError(response, status, code);
    }
    expect(await rowCounts(C.workspaceId)).toEqual(countsBefore);
  });
});

describe("every request in the matrix is one the owner can make", () => {
  it("succeeds for C's owner on C's records (deletes last)", async () => {
    // Archiving the partner last of all: its records can't be deleted once it is archived.
    const archivesPartner = (o: Operation) => o.method === "DELETE" && o.template === "/v1/partners/{id}";
    const deletes = operations.filter((o) => o.method === "DELETE");
    const ordered = [...operations.filter((o) => o.method !== "DELETE"), ...deletes.filter((o) => !archivesPartner(o)), ...deletes.filter(archivesPartner)];
    for (const operation of ordered) {
      const response = await send(C, operation, targetC);
      expect(response.status, `${label(operation)} could not be exercised: ${JSON.stringify(response.body)}`).toBeGreaterThanOrEqual(200);
      expect(response.status, `${label(operation)} could not be exercised: ${JSON.stringify(response.body)}`).toBeLessThan(300);
    }
  });
});
