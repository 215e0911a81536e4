import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { flipSides, type SharedKind } from "../../shared/sharing/sides.ts";
import { api, newWorkspace, type ApiResponse, type TestCaller } from "./api-client.ts";
import { acmePartnerBody, seedAcme } from "./fixtures.ts";
import { fill, label, operationsOf, type JsonSchema, type Operation, type Target } from "./openapi-requests.ts";
import { workAddress } from "./sharing-setup.ts";

// Random histories in two connected workspaces, each record private or
// shared at random: whatever either side wrote privately never appears in
// any answer to the other, on any GET the API documents (body or headers);
// the other side's shared records read with sides flipped; and once the
// connection ends, nothing of the other side appears at all.

type Side = "A" | "B";
interface Written { side: Side; kind: SharedKind; id: string; marker: string; visibility: "private" | "shared"; sided: string | null }

let document: JsonSchema;
let gets: Operation[];
const callers = {} as Record<Side, TestCaller>;
const targets = {} as Record<Side, Target>;
const written: Written[] = [];
let connectionId: string;
let counter = 0;

async function created(caller: TestCaller, path: string, body: unknown = undefined): Promise<any> {
  const response = await api(caller, "POST", path, body === undefined ? {} : { body });
  expect(response.status, `POST ${path}: ${JSON.stringify(response.body)}`).toBe(201);
  return response.body;
}

/** Everything the matrix's requests name, for one side; its seeded partner is its record of the other company. */
async function sideTarget(caller: TestCaller, otherDomain: string, name: string): Promise<Target> {
  const records = await seedAcme(caller, acmePartnerBody({ name, domains: [otherDomain], visibility: "private" }));
  const spare = await created(caller, "/v1/tokens", { label: "spare" });
  const capture = await created(caller, `/v1/partners/${records.partner.id}/interactions/batch`, {
    items: [{ external_id: `property-${caller.workspaceId}`, kind: "email", direction: "inbound", occurred_at: "2026-02-20T09:00:00Z" }],
  });
  const other = await created(caller, "/v1/partners", { name: "Another partner", domains: [], kind: "si" });
  const invitation = await created(caller, `/v1/partners/${other.id}/invitations`);
  const guestLink = await created(caller, `/v1/partners/${records.partner.id}/guest-links`, {});
  return {
    records, memberId: caller.memberId, spareTokenId: spare.id, captureId: capture.capture_id, invitationId: invitation.id, connectionId: "", invitationCode: "",
    guestLinkId: guestLink.id,
  };
}

const other = (side: Side): Side => (side === "A" ? "B" : "A");

/** The text of an answer as anyone could read it: body and every header. */
function wholeText(response: ApiResponse): string {
  let text = JSON.stringify(response.body);
  response.headers.forEach((value, name) => {
    text += `\n${name}: ${value}`;
  });
  return text;
}

async function everyGet(side: Side): Promise<{ operation: Operation; text: string; body: any }[]> {
  const answers = [];
  for (const operation of gets) {
    const request = fill(operation, document, targets[side]);
    const response = await api(callers[side], "GET", request.path);
    expect(response.status, `${side}: ${label(operation)}: ${JSON.stringify(response.body)}`).toBeLessThan(500);
    answers.push({ operation, text: wholeText(response), body: response.body });
  }
  return answers;
}

function createBody(kind: SharedKind, marker: string, visibility: "private" | "shared", sided: string) {
  switch (kind) {
    case "commitments": return { title: marker, owed_by: sided, visibility };
    case "referrals": return { account_name: marker, direction: sided, submitted_at: "2026-02-10T09:30:00Z", visibility };
    case "goals": return { title: marker, visibility };
    case "meetings": return { title: marker, occurred_at: "2026-03-04T10:00:00Z", notes: `notes ${marker}`, visibility };
    case "interactions": return { kind: "note", direction: sided, occurred_at: "2026-02-12T14:05:00Z", summary: marker, visibility };
  }
}

const sidedValues: Record<SharedKind, string[]> = {
  commitments: ["us", "partner"], referrals: ["to_us", "to_partner"], interactions: ["inbound", "outbound", "both"], goals: ["-"], meetings: ["-"],
};

interface Step { side: Side; kind: SharedKind; visibility: "private" | "shared"; pick: number }

const command: fc.Arbitrary<Step> = fc.record({
  side: fc.constantFrom<Side>("A", "B"),
  kind: fc.constantFrom<SharedKind>("commitments", "referrals", "goals", "meetings", "interactions"),
  visibility: fc.constantFrom<"private" | "shared">("private", "shared"),
  pick: fc.nat(2),
});

async function write(step: Step): Promise<void> {
  const marker = `zqmark${++counter}${step.visibility}`;
  const choices = sidedValues[step.kind];
  const sided = choices[step.pick % choices.length]!;
  const body = await created(callers[step.side], `/v1/partners/${targets[step.side].records.partner.id}/${step.kind}`, createBody(step.kind, marker, step.visibility, sided));
  const id = step.kind === "meetings" ? body.meeting.id : body.id;
  written.push({ side: step.side, kind: step.kind, id, marker, visibility: step.visibility, sided: sided === "-" ? null : sided });
}

beforeAll(async () => {
  document = (await api(null, "GET", "/v1/openapi.json")).body;
  gets = operationsOf(document).filter((operation) => operation.method === "GET" && operation.secured);
  callers.A = await newWorkspace("owner");
  callers.B = await newWorkspace("owner");
  const domainA = await workAddress(callers.A, "northwind");
  const domainB = await workAddress(callers.B, "brightpath");
  targets.A = await sideTarget(callers.A, domainB, "Brightpath");
  targets.B = await sideTarget(callers.B, domainA, "Northwind");
  const invitation = await created(callers.A, `/v1/partners/${targets.A.records.partner.id}/invitations`);
  const connection = await created(callers.B, "/v1/connections", { code: invitation.code, partner_id: targets.B.records.partner.id });
  connectionId = connection.id;
  targets.A.connectionId = connectionId;
  targets.B.connectionId = connectionId;
  // Both answer the quarter's pulse, so each side's ratings cross: A's comment private, B's shared.
  await api(callers.A, "POST", `/v1/partners/${targets.A.records.partner.id}/pulse`, { body: { ratings: pulseRatings, comment: pulseComments.A, comment_shared: false } });
  const answered = await api(callers.B, "POST", `/v1/partners/${targets.B.records.partner.id}/pulse`, { body: { ratings: pulseRatings, comment: pulseComments.B, comment_shared: true } });
  expect(answered.body.rounds[0].theirs.ratings, JSON.stringify(answered.body)).toEqual(pulseRatings);
}, 120_000);

const pulseRatings = { trust: 2, respect: 3, collaboration: 4, success: 5, goals: 1 };
const pulseComments = { A: "zqpulse-A-private", B: "zqpulse-B-shared" } as const;

describe("sharing between two connected workspaces", () => {
  it("never shows either side's private records to the other, and flips sides consistently", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 5 }), async (steps) => {
        for (const step of steps) await write(step);
        for (const side of ["A", "B"] as const) {
          const answers = await everyGet(side);
          const theirPrivate = written.filter((record) => record.side === other(side) && record.visibility === "private");
          for (const { operation, text } of answers) {
            if (side === "B") expect(text, `B ${label(operation)} shows A's private pulse comment`).not.toContain(pulseComments.A);
            for (const record of theirPrivate) {
              expect(text, `${side} ${label(operation)} shows ${other(side)}'s private ${record.kind}`).not.toContain(record.marker);
              expect(text, `${side} ${label(operation)} shows the id of ${other(side)}'s private ${record.kind}`).not.toContain(record.id);
            }
          }
          await expectFlipped(side);
        }
        // The shared comment does cross, so the checks above could see one that leaked.
        expect(JSON.stringify((await api(callers.A, "GET", `/v1/partners/${targets.A.records.partner.id}/pulse`)).body)).toContain(pulseComments.B);
      }),
      { numRuns: 6 },
    );
  }, 600_000);

  it("stops all crossing at once when the connection ends", async () => {
    expect(written.some((record) => record.visibility === "shared")).toBe(true);
    expect((await api(callers.B, "DELETE", `/v1/connections/${connectionId}`)).status).toBe(204);
    for (const side of ["A", "B"] as const) {
      const theirs = written.filter((record) => record.side === other(side));
      for (const { operation, text } of await everyGet(side)) {
        expect(text, `${side} ${label(operation)} still shows ${other(side)}'s pulse comment`).not.toContain(pulseComments[other(side)]);
        for (const record of theirs) expect(text, `${side} ${label(operation)} still shows ${record.marker}`).not.toContain(record.marker);
      }
    }
  }, 300_000);
});

/** Every shared record of the other side is in this side's list, its sided field flipped; own records as written. */
async function expectFlipped(side: Side): Promise<void> {
  for (const kind of ["commitments", "referrals", "interactions", "goals", "meetings"] as const) {
    const listed = await api(callers[side], "GET", `/v1/partners/${targets[side].records.partner.id}/${kind}?limit=100`);
    const byId = new Map<string, Record<string, unknown>>(listed.body.items.map((item: { id: string }) => [item.id, item]));
    for (const record of written.filter((w) => w.kind === kind && (w.side === side || w.visibility === "shared"))) {
      const item = byId.get(record.id);
      expect(item, `${side} lists ${record.marker}`).toBeDefined();
      expect(item!.partner_id).toBe(targets[side].records.partner.id);
      if (record.sided === null) continue;
      const field = kind === "commitments" ? "owed_by" : "direction";
      const expected = record.side === side ? record.sided : flipSides(kind, { [field]: record.sided })[field];
      expect(item![field], `${side} reads ${record.marker}`).toBe(expected);
    }
  }
}
