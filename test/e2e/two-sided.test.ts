/**
 * One promise, two companies: workspace A logs a shared promise owed by its
 * partner on a Gmail thread; the partner's own workspace B, in a second
 * browser profile, finds it under "You owe" on the same thread and marks it
 * done; A reads it done by B's person. The fixture's one mailbox serves both
 * profiles, so B's partner record for A holds the thread's company domain.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiClient, type Commitment } from "./harness/api.ts";
import { ExtensionBrowser, useExtensionBrowser, useSignedInBrowser } from "./harness/browser.ts";
import { e2eEnv } from "./harness/context.ts";
import { expectAbsent, expectText, expectVisible } from "./harness/expect.ts";

const env = e2eEnv();
const { acme } = env.seed;
const other = env.others.second;
const apiA = apiClient(env.apiUrl, env.token);
const apiB = apiClient(env.apiUrl, other.tokens[0]!.token);
const run = Date.now().toString(36);
const browserA = useSignedInBrowser(env);
let browserB: ExtensionBrowser | undefined;
useExtensionBrowser(() => browserB);
let partnerInB = "";
let connectionId = "";

beforeAll(async () => {
  const partner = await apiB.post<{ id: string }>("/v1/partners", { name: `Northwind ${run}`, domains: ["acme.co.uk"], kind: "isv" });
  partnerInB = partner.id;
  const invitation = await apiA.post<{ code: string }>(`/v1/partners/${acme.id}/invitations`);
  const connection = await apiB.post<{ id: string }>("/v1/connections", { code: invitation.code, partner_id: partnerInB });
  connectionId = connection.id;
  browserB = await ExtensionBrowser.launch(env);
  await browserB.signIn(env.apiUrl, other.tokens[0]!.token);
});

afterAll(async () => {
  await browserB?.close();
  // Later files see the seeded data as it was: not connected, no partner in B.
  if (connectionId) await apiA.delete(`/v1/connections/${connectionId}`);
  if (partnerInB) await apiB.delete(`/v1/partners/${partnerInB}`);
});

describe("a shared promise, from both sides", () => {
  it("is logged by A, done by B under You owe, and reads done by B's person in A", async () => {
    const a = browserA();
    const title = `Send the EMEA target accounts ${run}`;
    await a.openThread("A");
    const cardA = a.partnerCard(acme.name);
    await expectVisible(cardA, `the "${acme.name}" card in A`);
    await cardA.getByRole("button", { name: "Log a promise", exact: true }).click();
    const form = cardA.getByRole("form", { name: `Log a promise with ${acme.name}` });
    await form.getByLabel("What was promised").fill(title);
    await form.getByRole("radio", { name: acme.name }).check();
    await form.getByRole("checkbox", { name: `Share with ${other.workspaceName}` }).check();
    await form.getByRole("button", { name: "Save promise", exact: true }).click();
    await expectAbsent(form, "the promise form (closed once saved)");

    const b = browserB!;
    await b.openThread("A");
    const cardB = b.partnerCard(`Northwind ${run}`);
    await expectVisible(cardB, "B's card for A");
    const youOwe = cardB.getByRole("region", { name: "Open commitments" }).locator(".commitment-group", { hasText: "You owe" });
    const row = youOwe.locator("li", { hasText: title });
    await expectText(row, `from ${env.workspaceName}`, "A's promise under You owe in B");
    await row.getByRole("button", { name: `Mark "${title}" done` }).click();
    await expectAbsent(row, "the promise, done, gone from B's open list");

    const [saved] = (await apiA.list<Commitment & { changed_by: { member_email: string; side: string } }>(`/v1/partners/${acme.id}/commitments?limit=100`))
      .filter((commitment) => commitment.title === title);
    expect(saved).toMatchObject({ status: "done", owed_by: "partner", changed_by: { side: "theirs", member_email: other.memberEmail } });

    await a.openThread("B");
    await a.openThread("A");
    const rowInA = a.partnerCard(acme.name).getByRole("region", { name: "Open commitments" }).locator("li", { hasText: title });
    await expectAbsent(rowInA, "the promise, done by B, gone from A's open list");
  });
});
