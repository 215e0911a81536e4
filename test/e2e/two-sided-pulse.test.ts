/**
 * The quarterly pulse from both sides, in two browser profiles: A answers on
 * the Acme thread; B's sidebar says A has answered but shows none of A's
 * ratings until B answers too; then both sidebars show both sides, the gap
 * and the score. A's card also says the week's move and its cause
 * ("↓ n: 2 promises to Acme… became overdue") under the score.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Locator } from "playwright-core";
import { roundOf } from "../../shared/pulse/rounds.ts";
import { traitNames } from "../../shared/schemas/health.ts";
import { apiClient } from "./harness/api.ts";
import { ExtensionBrowser, useExtensionBrowser, useSignedInBrowser } from "./harness/browser.ts";
import { e2eEnv } from "./harness/context.ts";
import { expectAbsent, expectText, expectVisible } from "./harness/expect.ts";

const env = e2eEnv();
const { acme } = env.seed;
const other = env.others.second;
const apiA = apiClient(env.apiUrl, env.token);
const apiB = apiClient(env.apiUrl, other.tokens[0]!.token);
const run = Date.now().toString(36);
const round = roundOf(new Date());
const browserA = useSignedInBrowser(env);
let browserB: ExtensionBrowser | undefined;
useExtensionBrowser(() => browserB);
let partnerInB = "";
let connectionId = "";
const slipped: string[] = [];
const touches: string[] = [];
const day = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * day).toISOString();

beforeAll(async () => {
  const partner = await apiB.post<{ id: string }>("/v1/partners", { name: `Northwind ${run}`, domains: ["acme.co.uk"], kind: "isv" });
  partnerInB = partner.id;
  const invitation = await apiA.post<{ code: string }>(`/v1/partners/${acme.id}/invitations`);
  connectionId = (await apiB.post<{ id: string }>("/v1/connections", { code: invitation.code, partner_id: partnerInB })).id;
  // A month of history before this week: promises kept on both sides, and contact.
  for (const [owedBy, due] of [["us", 30], ["partner", 28], ["us", 22], ["partner", 18]] as const) {
    const made = await apiA.post<{ id: string }>(`/v1/partners/${acme.id}/commitments`, {
      title: `Kept ${due} ${run}`, owed_by: owedBy, status: "done", due_on: ago(due).slice(0, 10), completed_at: ago(due + 1), created_at: ago(due + 14),
    });
    slipped.push(made.id);
  }
  for (const days of [12, 9, 8]) {
    const touch = await apiA.post<{ id: string }>(`/v1/partners/${acme.id}/interactions`, { kind: "call", direction: "both", occurred_at: ago(days), summary: `Check-in ${run}` });
    touches.push(touch.id);
  }
  // Two promises A made to Acme weeks ago, due this week and still open.
  for (const due of [3, 2]) {
    const made = await apiA.post<{ id: string }>(`/v1/partners/${acme.id}/commitments`, {
      title: `Slipped ${due} ${run}`, owed_by: "us", due_on: ago(due).slice(0, 10), created_at: ago(20),
    });
    slipped.push(made.id);
  }
  browserB = await ExtensionBrowser.launch(env);
  await browserB.signIn(env.apiUrl, other.tokens[0]!.token);
});

afterAll(async () => {
  await browserB?.close();
  for (const id of slipped) await apiA.delete(`/v1/commitments/${id}`);
  for (const id of touches) await apiA.delete(`/v1/interactions/${id}`);
  if (connectionId) await apiA.delete(`/v1/connections/${connectionId}`);
  if (partnerInB) await apiB.delete(`/v1/partners/${partnerInB}`);
});

async function answer(pulse: Locator, rating: number): Promise<void> {
  await pulse.getByRole("button", { name: `Answer the ${round} pulse` }).click();
  const form = pulse.getByRole("form");
  for (const trait of traitNames) {
    await form.getByRole("group", { name: trait[0]!.toUpperCase() + trait.slice(1) }).getByRole("radio", { name: String(rating), exact: true }).check();
  }
  await form.getByRole("button", { name: "Save pulse", exact: true }).click();
  await expectAbsent(form, "the pulse form (closed once saved)");
}

const trustRow = (pulse: Locator) => pulse.locator("tbody tr", { hasText: "Trust" });

describe("the quarterly pulse, from both sides", () => {
  it("hides A's ratings from B until B answers, then shows both sides and the gap in both sidebars", async () => {
    const a = browserA();
    await a.openThread("A");
    const cardA = a.partnerCard(acme.name);
    await expectVisible(cardA, `the "${acme.name}" card in A`);
    const week = await apiA.get<{ headline: string | null }>(`/v1/partners/${acme.id}/health/changes`);
    expect(week.headline ?? "", JSON.stringify(week)).toMatch(new RegExp(`^↓ \\d+: 2 promises to ${acme.name} became overdue$`));
    await expectText(cardA.locator(".week-change dd"), week.headline!, "A's week line with its cause");
    const pulseA = cardA.getByRole("region", { name: `Quarterly pulse with ${acme.name}` });
    await answer(pulseA, 4);
    await expectText(pulseA, `${acme.name} hasn't answered ${round} yet.`, "A waiting for B");

    const b = browserB!;
    await b.openThread("A");
    const cardB = b.partnerCard(`Northwind ${run}`);
    await expectVisible(cardB, "B's card for A");
    const pulseB = cardB.getByRole("region", { name: `Quarterly pulse with Northwind ${run}` });
    await expectText(pulseB, `has answered ${round}: answer too to see their ratings.`, "B told A answered, ratings hidden");
    expect(await pulseB.locator("table").count()).toBe(0);
    await answer(pulseB, 2);
    await expectText(trustRow(pulseB), /Trust\s+2\s+4\s+−2/, "B's table: B 2, A 4, gap −2");

    await a.openThread("B");
    await a.openThread("A");
    const pulseAgain = a.partnerCard(acme.name).getByRole("region", { name: `Quarterly pulse with ${acme.name}` });
    await expectText(trustRow(pulseAgain), /Trust\s+4\s+2\s+\+2/, "A's table: A 4, B 2, gap +2");
    await expectText(pulseAgain, "your answer is final until next quarter.", "A's answer final now");
  });
});
