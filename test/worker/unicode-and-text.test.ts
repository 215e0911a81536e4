import { beforeAll, describe, expect, it } from "vitest";
import { api, newWorkspace, type ApiResponse, type TestCaller } from "./api-client.ts";
import { expectInvalidField } from "./fixtures.ts";

// Names people really use: a page may end on any of them, and a cursor must
// carry it (btoa threw on "Škoda" and answered 500).
const names = [
  "Škoda Partners",
  "Zakłady Łódź Śląsk",
  "阿里巴巴云合作伙伴",
  "🚀 Rocket Partners 👩‍💻",
  "Zeta",
  // The longest name allowed, every character three bytes of UTF-8.
  "云".repeat(200),
];

async function pageThrough(caller: TestCaller, path: string): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 50; pages++) {
    const separator = path.includes("?") ? "&" : "?";
    const response: ApiResponse = await api(caller, "GET", `${path}${separator}limit=1${cursor ? `&cursor=${cursor}` : ""}`);
    expect(response.status, `${path}: ${JSON.stringify(response.body)}`).toBe(200);
    seen.push(...response.body.items.map((item: { id: string }) => item.id));
    cursor = response.body.next_cursor;
    if (!cursor) return seen;
  }
  throw new Error(`${path} did not end`);
}

describe("cursors carry any Unicode", () => {
  let caller: TestCaller;
  let partnerIds: string[];
  let partnerId: string;

  beforeAll(async () => {
    caller = await newWorkspace("owner");
    partnerIds = [];
    for (const [index, name] of names.entries()) {
      const response = await api(caller, "POST", "/v1/partners", {
        body: { name, domains: [`unicode-${index}.example.com`], kind: "si", status: "active" },
      });
      expect(response.status, JSON.stringify(response.body)).toBe(201);
      partnerIds.push(response.body.id);
    }
    partnerId = partnerIds[0]!;
    for (const name of names) {
      const under = `/v1/partners/${partnerId}`;
      for (const [path, body] of [
        [`${under}/referrals`, { direction: "to_us", account_name: name.slice(0, 200), submitted_at: "2026-02-10T09:30:00Z" }],
        [`${under}/commitments`, { title: name, owed_by: "us", due_on: "2026-03-01" }],
      ] as const) {
        const response = await api(caller, "POST", path, { body });
        expect(response.status, JSON.stringify(response.body)).toBe(201);
      }
    }
  });

  it("pages Škoda and Zeta by -name one at a time (the reproduction)", async () => {
    const first = await api(caller, "GET", "/v1/partners?sort=-name&limit=1");
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.next_cursor).toEqual(expect.any(String));
  });

  it.each(["name", "-name", "health", "-health", "last_contact", "-last_contact"])("pages every partner sorted by %s", async (sort) => {
    const seen = await pageThrough(caller, `/v1/partners?sort=${sort}`);
    expect(seen.toSorted()).toEqual(partnerIds.toSorted());
  });

  it("pages a partner's referrals and the commitment list with Unicode titles", async () => {
    expect(new Set(await pageThrough(caller, `/v1/partners/${partnerId}/referrals`)).size).toBe(names.length);
    expect(new Set(await pageThrough(caller, `/v1/commitments?partner_id=${partnerId}`)).size).toBe(names.length);
  });

  it("refuses a cursor it did not give out", async () => {
    expectInvalidField(await api(caller, "GET", "/v1/partners?cursor=%C3%A9t%C3%A9"), "cursor");
    expectInvalidField(await api(caller, "GET", `/v1/partners?cursor=${btoa("\xff\xfe")}`), "cursor");
  });
});

describe("text that would disguise or break a record is refused, naming the field", () => {
  let caller: TestCaller;
  beforeAll(async () => {
    caller = await newWorkspace("owner");
  });

  const partner = (fields: Record<string, unknown>) => ({ name: "Acme", kind: "si", status: "active", ...fields });

  it.each([
    ["name", partner({ name: "Acme\u0000Corp" })],
    ["name", partner({ name: "\u200b\u200c\u200d" })],
    ["name", partner({ name: "Invoice \u202egnp.exe" })],
    ["name", partner({ name: "Acme\u2066 Corp" })],
    ["business_model", partner({ business_model: "Resells\u0007" })],
    ["plan.rules_of_engagement", partner({ plan: { rules_of_engagement: "ok\u001b[2J" } })],
  ])("400 on %s", async (field, body) => {
    expectInvalidField(await api(caller, "POST", "/v1/partners", { body }), field);
  });

  it("keeps tabs and newlines in notes", async () => {
    const response = await api(caller, "POST", "/v1/partners", { body: partner({ business_model: "Line one\n\tLine two" }) });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    expect(response.body.business_model).toBe("Line one\n\tLine two");
  });

  it("refuses a body that is not UTF-8 instead of storing U+FFFD", async () => {
    // "Müller" in Latin-1: ü is the lone byte 0xFC.
    const latin1 = Uint8Array.from([...'{"name":"M', 0xfc, ...'ller","kind":"si","status":"active"}'].map((c) =>
      typeof c === "number" ? c : c.charCodeAt(0)));
    const response = await api(caller, "POST", "/v1/partners", { rawBody: latin1, headers: { "Content-Type": "application/json" } });
    expectInvalidField(response, "(body)");
    const list = await api(caller, "GET", "/v1/partners?q=ller");
    expect(list.body.items).toEqual([]);
  });

  it("refuses invalid UTF-8 in a PATCH too", async () => {
    const created = await api(caller, "POST", "/v1/partners", { body: partner({ name: "Patchable" }) });
    const bytes = Uint8Array.from([...'{"tier":"', 0xc3, 0x28, ...'"}'].map((c) => (typeof c === "number" ? c : c.charCodeAt(0))));
    const response = await api(caller, "PATCH", `/v1/partners/${created.body.id}`, { rawBody: bytes, headers: { "Content-Type": "application/json" } });
    expectInvalidField(response, "(body)");
  });
});
