import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { maxBodyBytes } from "../../worker/app.ts";
import { commitment, commitmentCreate, commitmentPatch } from "../../shared/schemas/commitment.ts";
import { errorBody, listEnvelope } from "../../shared/schemas/common.ts";
import { contact, contactCreate, contactPatch } from "../../shared/schemas/contact.ts";
import { goal, goalCreate, goalPatch } from "../../shared/schemas/goal.ts";
import { interaction, interactionCreate, interactionPatch } from "../../shared/schemas/interaction.ts";
import { lookupQuery, lookupResult } from "../../shared/schemas/lookup.ts";
import { meeting, meetingCreate, meetingCreated, meetingPatch } from "../../shared/schemas/meeting.ts";
import { partner, partnerCreate, partnerListQuery, partnerPatch } from "../../shared/schemas/partner.ts";
import { referral, referralCreate, referralPatch } from "../../shared/schemas/referral.ts";
import { api, newWorkspace, type ApiResponse, type TestCaller } from "./api-client.ts";
import {
  acmeContactEmail, acmeDomains, acmeHubspotId, acmePartnerBody, acmeSalesforceId, expectError, expectInvalidField, rowCounts,
  seedAcme, uniqueCreateBody, type AcmeRecords, type ChildCollection,
} from "./fixtures.ts";

// Property-based fuzzing of every write and search endpoint. The oracle for a
// JSON body is the shared request schema itself: what it rejects must be a 400
// naming exactly the fields it names; what it accepts must be a 2xx matching
// the shared response schema (and what a GET then returns), or a documented
// business-rule 4xx. Nothing may ever be a 5xx.

// ---------------------------------------------------------------- checking

/** How the API names a zod issue: "a.b.0.c", "(body)" for the root, unknown keys by their own path. */
function issuePaths(error: z.ZodError): string[] {
  const text = (path: readonly PropertyKey[]) => (path.length === 0 ? "(body)" : path.map(String).join("."));
  return error.issues.map((issue) => (issue.code === "unrecognized_keys" ? text([...issue.path, ...issue.keys]) : text(issue.path)));
}

/**
 * Lone surrogates (fuzzed strings are full of them) can't cross the
 * test pool's WebSocket as UTF-8, so every message a failure carries is made
 * well-formed first.
 */
function wellFormed(text: string): string {
  return text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
}


function show(response: ApiResponse): string {
  return wellFormed(`${response.status} ${JSON.stringify(response.body).slice(0, 600)}`);
}

/** Every 4xx is {error:{code,message}}; every 400 lists issues with a path and a message. */
function expectErrorShape(response: ApiResponse, { issuesRequired = true } = {}) {
  const parsed = errorBody.safeParse(response.body);
  if (!parsed.success) throw new Error(`error body has the wrong shape: ${show(response)}`);
  expect(parsed.data.error.code.length, show(response)).toBeGreaterThan(0);
  expect(parsed.data.error.message.length, show(response)).toBeGreaterThan(0);
  if (response.status === 400 && issuesRequired) {
    const issues = parsed.data.error.issues;
    expect(issues?.length ?? 0, `400 without issues: ${show(response)}`).toBeGreaterThan(0);
    // A path is usually non-empty; it is "" only for an unknown key that is itself "" (checked against the schema's verdict by the callers).
    for (const issue of issues!) expect(issue.message.length, show(response)).toBeGreaterThan(0);
  }
}

function expectMatches(schema: z.ZodType, body: unknown, response: ApiResponse) {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new Error(`2xx body does not match the shared schema: ${z.prettifyError(parsed.error)}\n${show(response)}`);
}

// ---------------------------------------------------------------- endpoints

interface WriteTarget {
  label: string;
  method: "POST" | "PATCH";
  collection: "partners" | ChildCollection;
  path: (acme: AcmeRecords) => string;
  request: z.ZodObject;
  response: z.ZodType;
  status: 200 | 201;
  /** A valid body; n keeps unique fields unique. */
  base: (n: number) => Record<string, unknown>;
  /** 400s the schema can't see (cross-field and clock rules in the worker). */
  businessRules?: boolean;
}

const children: Record<ChildCollection, { create?: z.ZodObject; patch: z.ZodObject; api: z.ZodType }> = {
  contacts: { create: contactCreate, patch: contactPatch, api: contact },
  interactions: { create: interactionCreate, patch: interactionPatch, api: interaction },
  commitments: { create: commitmentCreate, patch: commitmentPatch, api: commitment },
  referrals: { create: referralCreate as unknown as z.ZodObject, patch: referralPatch as unknown as z.ZodObject, api: referral },
  goals: { create: goalCreate, patch: goalPatch, api: goal },
  meetings: { create: meetingCreate, patch: meetingPatch as unknown as z.ZodObject, api: meeting },
};

/** Patch bodies with several fields, nested ones included, so mutations have something to hit. */
const patchBases: Record<"partners" | ChildCollection, Record<string, unknown>> = {
  partners: {
    tier: "Platinum", cadence_days: 21, objectives: "Fifteen sourced deals",
    plan: { terms: { margin_percent: 22, notes: "Raised after the Q1 review" }, documents: [{ title: "Addendum", url: "https://docs.northwind.example/acme/addendum.pdf" }] },
  },
  contacts: { name: "Priya Shah", title: "VP Alliances", phone: "+44 20 7946 0000" },
  interactions: { summary: "Budget split agreed", direction: "outbound", participants: [acmeContactEmail] },
  commitments: { title: "Send Acme the revised proposal", due_on: "2026-04-01", owner_email: "dana.reyes@northwind.example" },
  referrals: { notes: "Procurement is reviewing", account_name: "Globex Retail Group plc" },
  goals: { current: 4, metric: "sourced deals", milestones: [{ title: "Joint webinar", due_on: "2026-04-15", done: true }] },
  meetings: { notes: "Added the follow-ups", agenda: "Pipeline; enablement", decisions: ["Co-sell in EMEA"] },
};

function createBase(collection: "partners" | ChildCollection, n: number): Record<string, unknown> {
  if (collection === "referrals") {
    // With an imported history, so nested stage changes get mutated too.
    return {
      ...uniqueCreateBody("referrals", n), stage: "accepted",
      stage_history: [{ stage: "submitted", at: "2026-02-10T09:30:00Z" }, { stage: "accepted", at: "2026-02-20T11:00:00+01:00" }],
    };
  }
  if (collection === "meetings") {
    return {
      ...uniqueCreateBody("meetings", n),
      action_items: [
        { title: "Send the EMEA target account list", owed_by: "partner", due_on: "2026-03-18", owner_email: acmeContactEmail },
        { title: "Book certification seats", owed_by: "us", due_on: null },
      ],
    };
  }
  return uniqueCreateBody(collection, n);
}

const recordPath = (collection: "partners" | ChildCollection, acme: AcmeRecords) => {
  const ids: Record<"partners" | ChildCollection, string> = {
    partners: acme.partner.id, contacts: acme.contact.id, interactions: acme.interaction.id, commitments: acme.commitment.id,
    referrals: acme.referral.id, goals: acme.goal.id, meetings: acme.meeting.meeting.id,
  };
  return `/v1/${collection}/${ids[collection]}`;
};

const writeTargets: WriteTarget[] = [
  {
    label: "POST /v1/partners", method: "POST", collection: "partners", path: () => "/v1/partners",
    request: partnerCreate, response: partner, status: 201, base: (n) => createBase("partners", n),
  },
  {
    label: "PATCH /v1/partners/:id", method: "PATCH", collection: "partners", path: (acme) => recordPath("partners", acme),
    request: partnerPatch, response: partner, status: 200, base: () => patchBases.partners,
  },
  ...(Object.keys(children) as ChildCollection[]).flatMap((collection): WriteTarget[] => [
    {
      label: `POST /v1/partners/:id/${collection}`, method: "POST", collection,
      path: (acme) => `/v1/partners/${acme.partner.id}/${collection}`,
      request: children[collection].create!, response: collection === "meetings" ? meetingCreated : children[collection].api,
      status: 201, base: (n) => createBase(collection, n), businessRules: collection === "referrals" || collection === "commitments",
    },
    {
      label: `PATCH /v1/${collection}/:id`, method: "PATCH", collection, path: (acme) => recordPath(collection, acme),
      request: children[collection].patch, response: children[collection].api, status: 200, base: () => patchBases[collection],
      businessRules: collection === "referrals" || collection === "commitments",
    },
  ]),
];

// ---------------------------------------------------------------- values

const isoWithOffset = fc
  .record({
    at: fc.date({ min: new Date("1970-01-01T00:00:00Z"), max: new Date("2100-12-31T23:59:59Z"), noInvalidDate: true }),
    offsetMinutes: fc.integer({ min: -(23 * 60 + 59), max: 23 * 60 + 59 }),
  })
  .map(({ at, offsetMinutes }) => {
    if (offsetMinutes === 0) return at.toISOString();
    const local = new Date(at.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 19);
    const sign = offsetMinutes < 0 ? "-" : "+";
    const abs = Math.abs(offsetMinutes);
    return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
  });

const calendarDay = fc
  .date({ min: new Date("1970-01-01T00:00:00Z"), max: new Date("2100-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

/** Values people and buggy clients actually send, and the edges of each rule. */
const trickyValue = fc.constantFrom<unknown>(
  null, "", " ", " \t\n", "\u0000", "null", "true", "0", 0, -1, 1, 1.5, 365, 366, 1e308, -0, Number.MAX_SAFE_INTEGER,
  Number.MAX_SAFE_INTEGER + 2, 2 ** 31, [], {}, [null], [""], true, false,
  "acme.co.uk", "ACME.CO.UK", "www.acme.co.uk", "https://www.acme.co.uk/about?x=1", "gmail.com", "co.uk", "localhost", "10.0.0.1",
  "acme..co.uk", "-acme.co.uk", "xn--acme-9qa.co.uk", "ácme.co.uk",
  "https://acme.co.uk", "http://localhost:8787/x", "javascript:alert(1)", "ftp://acme.co.uk/file", "//acme.co.uk",
  "a".repeat(200), "a".repeat(201), " ".repeat(5) + "padded" + " ".repeat(5), "x".repeat(5_001), "x".repeat(20_001),
  "2026-02-30", "2024-02-29", "2026-02-29", "2026-13-01", "2026-03-04", "20260304", "2026-3-4",
  "2026-03-04T10:00:00Z", "2026-03-04T10:00:00+05:30", "2026-03-04T10:00:00", "2026-03-04 10:00:00Z", "2026-03-04T10:00Z",
  "2026-03-04T10:00:00.123456Z", "2026-03-04T24:00:00Z", "2026-03-04T10:00:00+24:00", "1970-01-01T00:00:00Z", "2099-12-31T23:59:59Z",
  acmeSalesforceId, `${acmeSalesforceId}AAA`, "001aa00000xyz12", "003Aa00000XyZ12", "001Aa00000XyZ1", acmeHubspotId, "0",
  "12345678901234567890", "123456789012345678901", "-5",
  acmeContactEmail, "PRIYA.SHAH@ACME.CO.UK", "priya@", "@acme.co.uk", "priya shah@acme.co.uk", "priya@acme", "a@b.c",
  "USD", "usd", "US", "EURO",
  "submitted", "accepted", "won", "lost", "rejected", "to_us", "to_partner", "us", "partner", "open", "done", "cancelled",
  "reseller", "msp", "si", "isv", "referral", "distributor", "prospect", "onboarding", "active", "dormant", "ended",
  "private", "shared", "email", "meeting", "call", "event", "note", "inbound", "outbound", "both",
  "'; DROP TABLE partners; --", "%_\\", "Robert'); --", "😀 Acme", "e\u0301", "\u202eAcme", "<script>alert(1)</script>",
  "Ωmega Δelta", "\ud800", "ptr_000000000000000000000000",
);

/** A valid-looking value of each common kind, so mutated bodies often stay valid and reach the database. */
const plausibleValue: fc.Arbitrary<unknown> = fc.oneof(
  isoWithOffset,
  calendarDay,
  fc.emailAddress(),
  fc.domain(),
  fc.webUrl(),
  fc.string({ minLength: 1, maxLength: 60, unit: "grapheme" }),
  fc.integer({ min: 0, max: 400 }),
  fc.array(fc.emailAddress(), { maxLength: 3 }),
  fc.array(fc.domain(), { maxLength: 3 }),
  fc.array(fc.string({ minLength: 1, maxLength: 30 }), { maxLength: 3 }),
  fc.record({ title: fc.string({ minLength: 1, maxLength: 30 }), owed_by: fc.constantFrom("us", "partner") }),
  fc.record({ stage: fc.constantFrom("submitted", "accepted", "won"), at: isoWithOffset }),
);

const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: trickyValue, weight: 4 },
  { arbitrary: plausibleValue, weight: 4 },
  { arbitrary: fc.anything({ maxDepth: 2 }), weight: 2 },
  { arbitrary: fc.string({ unit: "binary", maxLength: 40 }), weight: 1 },
  { arbitrary: fc.double(), weight: 1 },
);

/** Arbitrary JSON-able documents: anything, objects, JSON values, or the endpoint's own keys with arbitrary values. */
function arbitraryBody(keys: string[]): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.anything({ maxDepth: 3 }).filter((v) => v !== undefined),
    fc.object({ maxDepth: 3 }),
    fc.object({ maxDepth: 2, stringUnit: "binary", withNullPrototype: true }),
    fc.jsonValue({ maxDepth: 3 }),
    fc.dictionary(fc.constantFrom(...keys), anyValue, { maxKeys: keys.length }),
  );
}

type Path = (string | number)[];

/** Every place in a document a mutation can land: each property and array element, nested. */
function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => [[...prefix, i], ...pathsOf(item, [...prefix, i])]);
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([key, item]) => [[...prefix, key], ...pathsOf(item, [...prefix, key])]);
  }
  return [];
}

/** Paths of the objects in a document (the root included): where an unknown key can be added. */
function objectPathsOf(value: unknown, prefix: Path = []): Path[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => objectPathsOf(item, [...prefix, i]));
  if (value && typeof value === "object") {
    return [prefix, ...Object.entries(value).flatMap(([key, item]) => objectPathsOf(item, [...prefix, key]))];
  }
  return [];
}

type Mutation =
  | { op: "replace"; at: Path; value: unknown }
  | { op: "drop"; at: Path }
  | { op: "extra"; at: Path; key: string; value: unknown };

function mutationsOf(target: WriteTarget): fc.Arbitrary<Mutation> {
  const sample = target.base(0);
  const known = new Set([...Object.keys(target.request.shape), ...pathsOf(sample).map((p) => String(p[p.length - 1]))]);
  // Fields the schema has that the base leaves out get added too.
  const places = [...pathsOf(sample), ...Object.keys(target.request.shape).filter((k) => !(k in sample)).map((k) => [k])];
  return fc.oneof(
    { arbitrary: fc.record({ op: fc.constant("replace" as const), at: fc.constantFrom(...places), value: anyValue }), weight: 6 },
    { arbitrary: fc.record({ op: fc.constant("drop" as const), at: fc.constantFrom(...pathsOf(sample)) }), weight: 1 },
    {
      arbitrary: fc.record({
        op: fc.constant("extra" as const),
        at: fc.constantFrom(...objectPathsOf(sample)),
        key: fc.oneof(fc.string({ minLength: 1, maxLength: 20 }), fc.constantFrom("id", "workspace_id", "partner_id", "version", "__proto__", "constructor", "Name", "domain")),
        value: fc.jsonValue({ maxDepth: 1 }),
      }).filter((m) => !known.has(m.key)),
      weight: 2,
    },
  );
}

function applyMutation(base: Record<string, unknown>, mutation: Mutation): Record<string, unknown> {
  const copy = structuredClone(base);
  const parentOf = (at: Path) => at.slice(0, -1).reduce<any>((node, key) => node[key], copy);
  if (mutation.op === "extra") {
    const node = mutation.at.reduce<any>((n, key) => n[key], copy);
    Object.defineProperty(node, mutation.key, { value: mutation.value, enumerable: true, configurable: true, writable: true });
    return copy;
  }
  const parent = parentOf(mutation.at);
  const last = mutation.at[mutation.at.length - 1]!;
  if (mutation.op === "drop") {
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete parent[last];
  } else {
    parent[last] = mutation.value;
  }
  return copy;
}

// ---------------------------------------------------------------- the write property

let serial = 0;

interface Fuzzed {
  caller: TestCaller;
  acme: AcmeRecords;
}

async function fuzzWorkspace(): Promise<Fuzzed> {
  const caller = await newWorkspace("member");
  return { caller, acme: await seedAcme(caller) };
}

/** The read-back of what a 2xx said it wrote. */
async function expectStored(world: Fuzzed, target: WriteTarget, body: any) {
  const reads: [string, unknown][] =
    target.collection === "meetings" && target.method === "POST"
      ? [
        [`/v1/meetings/${body.meeting.id}`, body.meeting],
        [`/v1/interactions/${body.interaction.id}`, body.interaction],
        ...body.commitments.map((c: any) => [`/v1/commitments/${c.id}`, c] as [string, unknown]),
      ]
      : [[`/v1/${target.collection}/${body.id}`, body]];
  for (const [path, expected] of reads) {
    const stored = await api(world.caller, "GET", path);
    expect(stored.status, `${path}: ${show(stored)}`).toBe(200);
    expect(stored.body, `GET ${path} differs from what the write answered`).toEqual(expected);
  }
}

const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Where a document holds half a surrogate pair (text UTF-8 can't carry), as the API names paths. */
function loneSurrogatePaths(value: unknown, prefix: Path = []): string[] {
  const name = () => (prefix.length === 0 ? "(body)" : prefix.map(String).join("."));
  if (typeof value === "string") return loneSurrogate.test(value) ? [name()] : [];
  if (Array.isArray(value)) return value.flatMap((item, i) => loneSurrogatePaths(item, [...prefix, i]));
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([key, item]) => [
      ...(loneSurrogate.test(key) ? [[...prefix, key].map(String).join(".")] : []),
      ...loneSurrogatePaths(item, [...prefix, key]),
    ]);
  }
  return [];
}

/** Sends a JSON document and checks the answer against the shared request schema's verdict. */
async function sendAndCheck(world: Fuzzed, target: WriteTarget, document: unknown, mutation?: Mutation) {
  const json: unknown = JSON.parse(JSON.stringify(document));
  const response = await api(world.caller, target.method, target.path(world.acme), { rawBody: JSON.stringify(document), headers: { "Content-Type": "application/json" } });
  const context = `${target.label} ${JSON.stringify(json).slice(0, 400)} → ${show(response)}`;
  expect(response.status, context).toBeLessThan(500);
  const verdict = target.request.safeParse(json);
  if (!verdict.success) {
    expect(response.status, context).toBe(400);
    expectErrorShape(response);
    expect(response.body.error.code, context).toBe("invalid_request");
    const apiPaths = response.body.error.issues.map((i: { path: string }) => i.path).sort();
    expect(apiPaths, context).toEqual(issuePaths(verdict.error).sort());
    if (mutation?.op === "extra") {
      const path = [...mutation.at, mutation.key].map(String).join(".");
      expect(response.body.error.issues, context).toContainEqual({ path, message: "unknown field" });
    }
    return;
  }
  // Text with half a surrogate pair passes the schema but can't be stored as UTF-8: a 400 naming where it is.
  const broken = loneSurrogatePaths(verdict.data);
  const allowed = [target.status, 409, ...(target.businessRules || broken.length > 0 ? [400] : [])];
  expect(allowed, context).toContain(response.status);
  if (response.status >= 400) {
    expectErrorShape(response);
    if (response.status === 400 && !target.businessRules) expect(broken, context).toContain(response.body.error.issues[0].path);
    return;
  }
  expectMatches(target.response, response.body, response);
  await expectStored(world, target, response.body);
}

/** fc.assert with a time cap; a failure is re-thrown as one well-formed message (counterexample and cause). */
async function assertProperty<T>(property: fc.IAsyncProperty<T>, numRuns: number): Promise<void> {
  try {
    await fc.assert(property, { numRuns, plugins: [fc.interruptAfterTimeLimit(25_000)] });
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? `\nCaused by: ${error.cause.message}` : "";
    throw new Error(wellFormed(`${error instanceof Error ? error.message : String(error)}${cause}`));
  }
}

describe.each(writeTargets)("$label", (target) => {
  const keys = Object.keys(target.request.shape);

  it("arbitrary JSON bodies: never 5xx, 400s name what the schema names, 2xx match the schema", async () => {
    const world = await fuzzWorkspace();
    await assertProperty(
      fc.asyncProperty(arbitraryBody(keys), async (document) => sendAndCheck(world, target, document)),
      60,
    );
  });

  it("near-valid bodies: one field replaced, dropped or added, nested ones included", async () => {
    const world = await fuzzWorkspace();
    // The unmutated base must itself be accepted, or the property proves little.
    const base = await api(world.caller, target.method, target.path(world.acme), { body: target.base(++serial) });
    expect(base.status, show(base)).toBe(target.status);
    await assertProperty(
      fc.asyncProperty(mutationsOf(target), async (mutation) => {
        const document = applyMutation(target.base(++serial), mutation);
        await sendAndCheck(world, target, document, mutation);
      }),
      100,
    );
  });
});

describe("raw bodies that are not JSON", () => {
  const notJson = (text: string) => {
    try {
      JSON.parse(text);
      return false;
    } catch {
      return true;
    }
  };
  const rawText = fc.oneof(
    fc.string({ maxLength: 80 }),
    fc.string({ unit: "binary", maxLength: 80 }),
    fc.constantFrom(
      "", "{", "}", "[", "{\"name\": \"Acme\",}", "{'name': 'Acme'}", "{\"name\": \"Acme\"", "NaN", "undefined", "Infinity",
      "{\"name\": Acme}", "\"unterminated", "{\"a\":1}{\"b\":2}", "{\"a\": 01}", "[1,]", "<xml/>", "name=Acme&kind=reseller",
      "\u0000", "{\"name\": \"\\u12\"}", "// comment\n{}", "{\"kind\": \"reseller\"} trailing",
    ),
  ).filter(notJson);

  it("with Content-Type application/json, on every write endpoint: 400 invalid_request, never 5xx", async () => {
    const world = await fuzzWorkspace();
    const counts = await rowCounts(world.caller.workspaceId);
    await assertProperty(
      fc.asyncProperty(fc.constantFrom(...writeTargets), rawText, async (target, text) => {
        const response = await api(world.caller, target.method, target.path(world.acme), {
          rawBody: text, headers: { "Content-Type": "application/json" },
        });
        const context = `${target.label} ${JSON.stringify(text)} → ${show(response)}`;
        expect(response.status, context).toBe(400);
        // Whether a malformed-JSON 400 lists issues is its own test below.
        expectErrorShape(response, { issuesRequired: false });
        expect(response.body.error.code, context).toBe("invalid_request");
      }),
      150,
    );
    expect(await rowCounts(world.caller.workspaceId)).toEqual(counts);
  });

  it("a malformed JSON body's 400 has issues[] naming the body, like every other 400", async () => {
    const caller = await newWorkspace();
    const response = await api(caller, "POST", "/v1/partners", { rawBody: "{\"name\": \"Acme Cloud Partners\",", headers: { "Content-Type": "application/json" } });
    expectError(response, 400, "invalid_request");
    expect(response.body.error.issues, show(response)).toEqual([{ path: "(body)", message: expect.any(String) }]);
  });
});

// ---------------------------------------------------------------- queries

/** The query object Hono hands the validator: repeated keys become arrays. */
function queryObject(params: URLSearchParams): Record<string, string | string[]> {
  const object: Record<string, string | string[]> = {};
  // Hono skips parameters with an empty name ("?=x").
  for (const key of new Set([...params.keys()].filter((k) => k !== ""))) {
    const values = params.getAll(key);
    object[key] = values.length === 1 ? values[0]! : values;
  }
  return object;
}

const queryString = (pairs: [string, string][]) => new URLSearchParams(pairs).toString();

describe("GET /v1/lookup", () => {
  const known: Record<string, string[]> = {
    email: [acmeContactEmail, "PRIYA.SHAH@ACME.CO.UK", "jo@sales.acme.co.uk"],
    domain: [...acmeDomains, "https://www.acme.co.uk/about", "eu.sales.acme.co.uk"],
    salesforce: [acmeSalesforceId],
    hubspot: [acmeHubspotId],
  };
  const value = fc.oneof(
    fc.constantFrom(...Object.values(known).flat()),
    fc.emailAddress(),
    fc.domain(),
    fc.webUrl(),
    fc.string({ maxLength: 40 }),
    fc.string({ unit: "binary", maxLength: 40 }),
    trickyValue.filter((v): v is string => typeof v === "string" && v.length < 400),
    fc.stringMatching(/^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/),
    fc.stringMatching(/^[0-9]{1,22}$/),
  );
  const pairs = fc.array(
    fc.tuple(fc.oneof({ arbitrary: fc.constantFrom("email", "domain", "salesforce", "hubspot"), weight: 8 }, { arbitrary: fc.string({ maxLength: 10 }), weight: 1 }), value),
    { maxLength: 6 },
  );

  it("structured queries: never 5xx; the schema's verdict holds; a known identifier finds Acme", async () => {
    const world = await fuzzWorkspace();
    await assertProperty(
      fc.asyncProperty(pairs, async (list) => {
        const qs = queryString(list);
        const response = await api(world.caller, "GET", `/v1/lookup?${qs}`);
        const context = `?${qs} → ${show(response)}`;
        expect(response.status, context).toBeLessThan(500);
        const verdict = lookupQuery.safeParse(queryObject(new URLSearchParams(qs)));
        if (!verdict.success) {
          expect(response.status, context).toBe(400);
          expectErrorShape(response);
          expect(response.body.error.issues.map((i: { path: string }) => i.path).sort(), context).toEqual(issuePaths(verdict.error).sort());
          return;
        }
        expect([200, 400], context).toContain(response.status);
        if (response.status === 400) {
          expectErrorShape(response);
          // The worker's own checks name one value: email.N, salesforce.N or hubspot.N.
          expect(response.body.error.issues[0].path, context).toMatch(/^(email|salesforce|hubspot)\.\d+$/);
          return;
        }
        expectMatches(lookupResult, response.body, response);
        for (const match of response.body.matches) expect(match.matched_by.length, context).toBeGreaterThan(0);
        const asksForAcme = list.some(([key, v]) => known[key]?.includes(v));
        if (asksForAcme) expect(response.body.matches.map((m: any) => m.partner.id), context).toContain(world.acme.partner.id);
        // Whatever matched, matched through an identifier the workspace stores, never through noise.
        const stored = [acmeContactEmail, ...acmeDomains, acmeSalesforceId, acmeHubspotId];
        for (const match of response.body.matches) {
          for (const reason of match.matched_by) expect(stored, context).toContain(reason.value);
        }
      }),
      150,
    );
  });

  it("raw query strings: never 5xx, errors well-formed, 200s match the schema", async () => {
    const world = await fuzzWorkspace();
    await assertProperty(
      fc.asyncProperty(fc.oneof(fc.string({ maxLength: 120 }), fc.string({ unit: "binary", maxLength: 120 })), async (raw) => {
        const response = await api(world.caller, "GET", `/v1/lookup?${raw}`);
        const context = `?${JSON.stringify(raw)} → ${show(response)}`;
        expect(response.status, context).toBeLessThan(500);
        if (response.status === 200) expectMatches(lookupResult, response.body, response);
        else {
          expect(response.status, context).toBe(400);
          expectErrorShape(response);
        }
      }),
      100,
    );
  });
});

describe("GET /v1/partners with arbitrary query parameters", () => {
  async function listWorld() {
    const caller = await newWorkspace("member");
    const names: [string, string][] = [
      ["Acme Cloud Partners", "active"], ["Borealis Systems", "prospect"], ["Cumulus Data", "onboarding"],
      ["Ωmega Δelta Integrators", "active"], ["100% Cloud_Partners", "dormant"], ["acme labs", "ended"],
    ];
    const ids: string[] = [];
    for (const [i, [name, status]] of names.entries()) {
      const created = await api(caller, "POST", "/v1/partners", { body: { name, status, kind: "reseller", domains: [`p${i}-${name.split(" ")[0]!.replace(/[^a-z0-9]/gi, "") || "x"}.com`] } });
      expect(created.status, show(created)).toBe(201);
      ids.push(created.body.id);
    }
    const cursors: string[] = [];
    for (const sort of ["name", "-name", "health", "-last_contact"]) {
      const page = await api(caller, "GET", `/v1/partners?limit=2&sort=${sort}`);
      cursors.push(page.body.next_cursor);
    }
    return { caller, ids, cursors };
  }

  const utf8Base64 = (text: string) => btoa(String.fromCharCode(...new TextEncoder().encode(text))).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  const craftedCursor = fc
    .tuple(fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.double(), fc.jsonValue({ maxDepth: 1 })), fc.oneof(fc.string({ maxLength: 30 }), fc.jsonValue({ maxDepth: 1 })))
    .map((pair) => utf8Base64(JSON.stringify(pair)));

  it("structured parameters: never 5xx; the schema's verdict holds; results obey q, status and limit", async () => {
    const world = await listWorld();
    const value = (key: string) => {
      switch (key) {
        case "q": return fc.oneof(fc.constantFrom("acme", "ACME", "%", "_", "100%", "cloud_", "Δ", "δelta", "p1-", "acme.co", " acme ", "\\", "'"), fc.string({ maxLength: 20 }), fc.string({ unit: "binary", maxLength: 10 }));
        case "status": return fc.oneof(fc.constantFrom("active", "prospect", "onboarding", "dormant", "ended", "Active", ""), fc.string({ maxLength: 10 }));
        case "sort": return fc.oneof(fc.constantFrom("name", "-name", "health", "-health", "last_contact", "-last_contact", "+name", "name,-health"), fc.string({ maxLength: 10 }));
        case "limit": return fc.oneof(fc.constantFrom("1", "2", "25", "100", "0", "101", "-1", "1.5", "1e2", " 3", "0x10", "", "Infinity"), fc.integer().map(String));
        case "cursor": return fc.oneof(fc.constantFrom(...world.cursors), craftedCursor, fc.string({ maxLength: 30 }));
        default: return fc.string({ maxLength: 10 });
      }
    };
    const pair = fc.oneof(fc.constantFrom("q", "status", "sort", "limit", "cursor"), fc.string({ maxLength: 8 })).chain((key) => value(key).map((v) => [key, v] as [string, string]));
    await assertProperty(
      fc.asyncProperty(fc.array(pair, { maxLength: 5 }), async (list) => {
        const qs = queryString(list);
        const response = await api(world.caller, "GET", `/v1/partners?${qs}`);
        const context = `?${qs} → ${show(response)}`;
        expect(response.status, context).toBeLessThan(500);
        const verdict = partnerListQuery.safeParse(queryObject(new URLSearchParams(qs)));
        if (!verdict.success) {
          expect(response.status, context).toBe(400);
          expectErrorShape(response);
          expect(response.body.error.issues.map((i: { path: string }) => i.path).sort(), context).toEqual(issuePaths(verdict.error).sort());
          return;
        }
        if (response.status === 400) {
          expectErrorShape(response);
          expect(response.body.error.issues[0].path, context).toBe("cursor");
          return;
        }
        expect(response.status, context).toBe(200);
        expectMatches(listEnvelope(partner), response.body, response);
        const query = verdict.data;
        const items: any[] = response.body.items;
        expect(items.length, context).toBeLessThanOrEqual(query.limit);
        for (const item of items) {
          expect(world.ids, context).toContain(item.id);
          if (query.status) expect(item.status, context).toBe(query.status);
          if (query.q) {
            const q = query.q.toLowerCase();
            const hit = item.name.toLowerCase().includes(q) || item.domains.some((d: string) => d.startsWith(q));
            expect(hit, `${context}: ${item.name} does not match q`).toBe(true);
          }
        }
        if (!query.cursor && !query.q && !query.status) expect(items.length, context).toBe(Math.min(query.limit, world.ids.length));
      }),
      150,
    );
  });

  it("raw query strings: never 5xx, errors well-formed", async () => {
    const world = await listWorld();
    await assertProperty(
      fc.asyncProperty(fc.oneof(fc.string({ maxLength: 100 }), fc.string({ unit: "binary", maxLength: 100 })), async (raw) => {
        const response = await api(world.caller, "GET", `/v1/partners?${raw}`);
        const context = `?${JSON.stringify(raw)} → ${show(response)}`;
        expect([200, 400], context).toContain(response.status);
        if (response.status === 200) expectMatches(listEnvelope(partner), response.body, response);
        else expectErrorShape(response);
      }),
      100,
    );
  });

  it("a partner's record lists take arbitrary limit and cursor without a 5xx", async () => {
    const world = await fuzzWorkspace();
    const collections = Object.keys(children) as ChildCollection[];
    await assertProperty(
      fc.asyncProperty(
        fc.constantFrom(...collections),
        fc.array(fc.tuple(fc.constantFrom("limit", "cursor", "sort", "q"), fc.oneof(fc.string({ maxLength: 20 }), craftedCursor, fc.integer({ min: -5, max: 200 }).map(String))), { maxLength: 3 }),
        async (collection, list) => {
          const qs = queryString(list);
          const response = await api(world.caller, "GET", `/v1/partners/${world.acme.partner.id}/${collection}?${qs}`);
          const context = `${collection}?${qs} → ${show(response)}`;
          expect([200, 400], context).toContain(response.status);
          if (response.status === 200) expectMatches(listEnvelope(children[collection].api), response.body, response);
          else expectErrorShape(response);
        },
      ),
      100,
    );
  });
});

// ---------------------------------------------------------------- sizes and shapes

describe("body size", () => {
  const bodyOfBytes = (bytes: number) => {
    const skeleton = JSON.stringify({ name: "Acme Cloud Partners", kind: "reseller", objectives: "" });
    return JSON.stringify({ name: "Acme Cloud Partners", kind: "reseller", objectives: "x".repeat(bytes - skeleton.length) });
  };

  it.each([
    ["POST /v1/partners", "POST", () => "/v1/partners"],
    ["PATCH /v1/partners/:id", "PATCH", (w: Fuzzed) => `/v1/partners/${w.acme.partner.id}`],
    ["POST /v1/partners/:id/meetings", "POST", (w: Fuzzed) => `/v1/partners/${w.acme.partner.id}/meetings`],
    ["PATCH /v1/meetings/:id", "PATCH", (w: Fuzzed) => `/v1/meetings/${w.acme.meeting.meeting.id}`],
  ] as const)("%s: a body over 256 KB → 413 payload_too_large, nothing written", async (_label, method, path) => {
    const world = await fuzzWorkspace();
    const counts = await rowCounts(world.caller.workspaceId);
    const huge = { title: "Q2 review", name: "Acme Cloud Partners", kind: "reseller", occurred_at: "2026-03-04T10:00:00Z", notes: "n".repeat(300_000) };
    const response = await api(world.caller, method, path(world), { body: huge, headers: { "Idempotency-Key": `huge-${serial++}` } });
    const error = expectError(response, 413, "payload_too_large");
    expect(error.message).toContain("256 KB");
    expect(await rowCounts(world.caller.workspaceId)).toEqual(counts);
  });

  it("the limit counts bytes, not characters: 90,000 euro signs (270 KB) → 413", async () => {
    const caller = await newWorkspace();
    const counts = await rowCounts(caller.workspaceId);
    const response = await api(caller, "POST", "/v1/partners", { body: { ...acmePartnerBody(), objectives: "€".repeat(90_000) } });
    expectError(response, 413, "payload_too_large");
    expect(await rowCounts(caller.workspaceId)).toEqual(counts);
  });

  it("exactly 256 KB is read (and then refused for its content, 400); one byte more is 413", async () => {
    const caller = await newWorkspace();
    const atLimit = bodyOfBytes(maxBodyBytes);
    expect(new TextEncoder().encode(atLimit).length).toBe(maxBodyBytes);
    const read = await api(caller, "POST", "/v1/partners", { rawBody: atLimit, headers: { "Content-Type": "application/json" } });
    expectInvalidField(read, "objectives");
    const over = await api(caller, "POST", "/v1/partners", { rawBody: bodyOfBytes(maxBodyBytes + 1), headers: { "Content-Type": "application/json" } });
    expectError(over, 413, "payload_too_large");
    expect(await rowCounts(caller.workspaceId)).toMatchObject({ partners: 0, audit_log: 0 });
  });
});

describe("unknown fields", () => {
  it.each([
    ["POST /v1/partners", "POST", "partners", (b: any) => ({ ...b, colour: "teal" }), "colour"],
    ["POST /v1/partners (a typo)", "POST", "partners", (b: any) => ({ ...b, domain: "acme.co.uk" }), "domain"],
    ["POST /v1/partners (nested in plan.terms)", "POST", "partners", (b: any) => ({ ...b, plan: { ...b.plan, terms: { ...b.plan.terms, rebate_percent: 5 } } }), "plan.terms.rebate_percent"],
    ["POST /v1/partners (in plan.documents[0])", "POST", "partners", (b: any) => ({ ...b, plan: { ...b.plan, documents: [{ ...b.plan.documents[0], size: 10 }] } }), "plan.documents.0.size"],
    ["POST /v1/partners (a read-only field)", "POST", "partners", (b: any) => ({ ...b, version: 4 }), "version"],
    ["POST contacts", "POST", "contacts", (b: any) => ({ ...b, linkedin: "https://linkedin.com/in/priya" }), "linkedin"],
    ["POST meetings (in action_items[1])", "POST", "meetings", (b: any) => ({ ...b, action_items: [b.action_items[0], { title: "Book seats", owed_by: "us", assignee: "sam" }] }), "action_items.1.assignee"],
    ["POST goals (in milestones[0])", "POST", "goals", (b: any) => ({ ...b, milestones: [{ title: "Webinar", owner: "Dana" }] }), "milestones.0.owner"],
    ["POST referrals (in stage_history[0])", "POST", "referrals", (b: any) => ({ ...b, submitted_at: undefined, stage_history: [{ stage: "submitted", at: "2026-02-10T09:30:00Z", by: "Priya" }] }), "stage_history.0.by"],
    ["PATCH partner", "PATCH", "partners", () => ({ tier: "Platinum", partner_id: "ptr_000000000000000000000000" }), "partner_id"],
    ["PATCH commitment", "PATCH", "commitments", () => ({ status: "done", done: true }), "done"],
    ["PATCH meeting (occurred_at can't be edited)", "PATCH", "meetings", () => ({ occurred_at: "2026-03-05T10:00:00Z" }), "occurred_at"],
  ] as const)("%s → 400 naming the field", async (_label, method, collection, build, path) => {
    const world = await fuzzWorkspace();
    const counts = await rowCounts(world.caller.workspaceId);
    const target = writeTargets.find((t) => t.method === method && t.collection === collection)!;
    const body = build(createBase(collection, ++serial) as any);
    const response = await api(world.caller, method, target.path(world.acme), { body });
    const error = expectInvalidField(response, path);
    expect(error.issues).toContainEqual({ path, message: "unknown field" });
    expect(await rowCounts(world.caller.workspaceId)).toEqual(counts);
  });
});

// ---------------------------------------------------------------- edges found by fuzzing, pinned

describe("valid instants at the edges of the calendar", () => {
  // z.iso.datetime accepts years 0000-9999 with any offset; converted to UTC
  // some of them leave the four-digit range ("+010000-…", "-000001-…"), which
  // is neither the documented timestamp format nor sortable text. Either the
  // API refuses them (400 naming the field) or what it answers must still
  // match the shared response schema.
  it.each([
    ["POST interactions occurred_at", "POST", "interactions", { kind: "call", direction: "outbound", occurred_at: "9999-12-31T23:00:00-05:00" }, "occurred_at"],
    ["POST meetings occurred_at", "POST", "meetings", { title: "Late review", occurred_at: "9999-12-31T23:30:00-01:00" }, "occurred_at"],
    ["POST commitments created_at", "POST", "commitments", { title: "Old promise", owed_by: "us", created_at: "0000-01-01T00:30:00+01:00" }, "created_at"],
    ["POST referrals submitted_at", "POST", "referrals", { direction: "to_us", account_name: "Globex", submitted_at: "0000-01-01T00:00:00+00:01" }, "submitted_at"],
    ["POST partners created_at", "POST", "partners", { name: "Acme Ancient", kind: "isv", created_at: "0000-01-01T00:00:00+14:00" }, "created_at"],
    ["POST contacts created_at", "POST", "contacts", { email: "old@acme.co.uk", created_at: "0000-01-01T05:00:00+06:00" }, "created_at"],
    ["PATCH goals last_reviewed_at", "PATCH", "goals", { last_reviewed_at: "0000-01-01T00:00:00+01:00" }, "last_reviewed_at"],
  ] as const)("%s: refused with 400 or answered in the documented format", async (_label, method, collection, body, field) => {
    const world = await fuzzWorkspace();
    const target = writeTargets.find((t) => t.method === method && t.collection === collection)!;
    const response = await api(world.caller, method, target.path(world.acme), { body });
    if (response.status === 400) {
      expectInvalidField(response, field);
      return;
    }
    expect(response.status, show(response)).toBe(target.status);
    expectMatches(target.response, response.body, response);
  });
});

describe("text that is not well-formed UTF-16 (half of an emoji, as a client's naive truncation leaves it)", () => {
  // "😀" is "\ud83d\ude00"; cutting a string between the two leaves "\ud83d",
  // which JSON can carry but UTF-8 (and so D1) cannot. Either the API refuses
  // it (400 naming the field) or what it stores is exactly what it answered.
  const truncated = "Acme Cloud Partners \ud83d";
  it.each([
    ["POST /v1/partners name", "POST", "partners", { name: truncated, kind: "reseller" }, "name"],
    ["POST contacts name", "POST", "contacts", { email: "emoji@acme.co.uk", name: truncated }, "name"],
    ["PATCH meetings notes", "PATCH", "meetings", { notes: `Agreed next steps ${truncated}` }, "notes"],
  ] as const)("%s: refused with 400 or stored exactly as answered", async (_label, method, collection, body, field) => {
    const world = await fuzzWorkspace();
    const target = writeTargets.find((t) => t.method === method && t.collection === collection)!;
    const response = await api(world.caller, method, target.path(world.acme), { body });
    if (response.status === 400) {
      expectInvalidField(response, field);
      return;
    }
    expect(response.status, show(response)).toBe(target.status);
    const stored = await api(world.caller, "GET", `/v1/${collection}/${response.body.id}`);
    expect(wellFormed(JSON.stringify(stored.body[field])), "stored value").toBe(wellFormed(JSON.stringify(response.body[field])));
  });
});

describe("many values in one request (D1 allows 100 bound parameters per query)", () => {
  it("lookup of an address on a deeply nested subdomain → not a 5xx", async () => {
    const world = await fuzzWorkspace();
    // 115 labels under acme.co.uk: 240 characters, a legal host name.
    const host = `${Array.from({ length: 115 }, () => "a").join(".")}.acme.co.uk`;
    expect(host.length).toBeLessThanOrEqual(253);
    const response = await api(world.caller, "GET", `/v1/lookup?email=${encodeURIComponent(`jo@${host}`)}`);
    expect(response.status, show(response)).toBe(200);
    expect(response.body.matches.map((m: any) => m.partner.id)).toEqual([world.acme.partner.id]);
  });

  it("lookup of the 40 people on one email thread → not a 5xx", async () => {
    const world = await fuzzWorkspace();
    const emails = Array.from({ length: 40 }, (_, i) => `email=${encodeURIComponent(`person${i}@team${i}.eu.customer${i}.com`)}`);
    const response = await api(world.caller, "GET", `/v1/lookup?${emails.join("&")}&email=${acmeContactEmail}`);
    expect(response.status, show(response)).toBe(200);
    expect(response.body.matches.map((m: any) => m.partner.id)).toEqual([world.acme.partner.id]);
  });

  it("GET /v1/partners?limit=100 with 100 partners → a full page", async () => {
    const caller = await newWorkspace();
    for (let i = 0; i < 100; i++) {
      const created = await api(caller, "POST", "/v1/partners", { body: { name: `Partner ${String(i).padStart(3, "0")}`, kind: "referral", domains: [`partner-${i}.com`] } });
      expect(created.status).toBe(201);
    }
    const response = await api(caller, "GET", "/v1/partners?limit=100");
    expect(response.status, show(response)).toBe(200);
    expect(response.body.items).toHaveLength(100);
    expect(response.body.next_cursor).toBeNull();
    expect(response.body.items[42].domains).toEqual(["partner-42.com"]);
  });
});
