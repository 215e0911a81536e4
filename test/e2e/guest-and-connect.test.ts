/**
 * Sharing without the API: a guest page opened as a plain page (a partner
 * company not on Mutual ticks its promise and leaves a comment, both seen in
 * A's API and A's own pages), and connecting from the dashboard (A invites on
 * the partner's page, B accepts with the link in its own profile).
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
const dashboardOf = (browser: ExtensionBrowser) => browser.optionsUrl().replace("/options.html", "/dashboard.html");

beforeAll(async () => {
  partnerInB = (await apiB.post<{ id: string }>("/v1/partners", { name: `Northwind ${run}`, domains: [], kind: "isv" })).id;
});

afterAll(async () => {
  await browserB?.close();
  // Later files see the seeded data as it was: not connected, no partner in B.
  const live = (await apiA.list<{ id: string; ended_at: string | null }>("/v1/connections")).filter((item) => item.ended_at === null);
  for (const item of live) await apiA.delete(`/v1/connections/${item.id}`);
  if (partnerInB) await apiB.delete(`/v1/partners/${partnerInB}`);
});

describe("a guest page", () => {
  it("lets the partner company tick its promise and comment, seen in A's API and pages", async () => {
    const title = `Send the guest reseller list ${run}`;
    const promise = await apiA.post<Commitment>(`/v1/partners/${acme.id}/commitments`, { title, owed_by: "partner", visibility: "shared" });
    // Made without an Idempotency-Key, which this endpoint refuses (a stored answer would keep the link).
    const made = await fetch(`${env.apiUrl}/v1/partners/${acme.id}/guest-links`, {
      method: "POST", headers: { Authorization: `Bearer ${env.token}`, "Content-Type": "application/json" }, body: JSON.stringify({ expires_in_days: 7 }),
    });
    expect(made.status).toBe(201);
    const link = (await made.json()) as { url: string };
    const page = await browserA().page.context().newPage();
    await page.goto(link.url);
    const yours = page.locator("li", { hasText: title });
    await expectVisible(yours, "A's promise under You owe on the guest page");
    await yours.getByRole("button", { name: "Mark done" }).click();
    await expectText(page.getByRole("status"), "Marked done", "the guest page after ticking");
    const comment = `We sent it this morning ${run}`;
    await page.getByLabel(/Your comment for/).fill(comment);
    await page.getByRole("button", { name: "Send comment" }).click();
    await expectText(page.getByRole("status"), "Your comment was sent", "the guest page after commenting");
    await page.close();

    const saved = (await apiA.list<Commitment>(`/v1/partners/${acme.id}/commitments?limit=100`)).find((item) => item.id === promise.id);
    expect(saved).toMatchObject({ status: "done" });
    const notes = await apiA.list<{ summary: string; visibility: string }>(`/v1/partners/${acme.id}/interactions?limit=100`);
    expect(notes.find((note) => note.summary.includes(comment))).toMatchObject({ visibility: "shared" });

    const a = browserA();
    await a.openThread("A");
    const card = a.partnerCard(acme.name);
    await expectVisible(card, "A's card for Acme");
    await expectAbsent(card.getByRole("region", { name: "Open commitments" }).locator("li", { hasText: title }), "the promise the guest ticked, gone from A's open list");
    await a.page.goto(`${dashboardOf(a)}#partner/${acme.id}`);
    await expectText(a.page.getByRole("region", { name: "Interactions and meetings" }), comment, "the guest's comment on A's dashboard");
  });
});

describe("connecting from the dashboard", () => {
  it("A invites on the partner's page, B accepts the link in its own profile", async () => {
    const a = browserA();
    await a.page.goto(`${dashboardOf(a)}#partner/${acme.id}`);
    await a.page.getByRole("button", { name: `Connect with ${acme.name} on Mutual` }).click();
    const linkField = a.page.getByLabel("Invitation link (the code is in it)");
    await expectVisible(linkField, "the invitation link, shown once");
    const url = await linkField.inputValue();
    expect(url).toMatch(/\/connect#code=mutual_inv_[0-9a-z]{32}$/);

    browserB = await ExtensionBrowser.launch(env);
    await browserB.signIn(env.apiUrl, other.tokens[0]!.token);
    const b = browserB.page;
    await b.goto(`${dashboardOf(browserB)}#connections`);
    await b.getByLabel("Invitation code or link").fill(url);
    await b.getByLabel("Which of your partners is it?").selectOption({ label: `Northwind ${run}` });
    await b.getByRole("button", { name: "Accept", exact: true }).click();
    await expectText(b.getByRole("status"), `Connected with ${env.workspaceName}`, "B's dashboard after accepting");
    await expectText(b.locator("ul.connections"), env.workspaceName, "the connection in B's list");

    await a.page.goto(`${dashboardOf(a)}#connections`);
    await expectText(a.page.locator("ul.connections"), other.workspaceName, "the connection in A's list");
    await expectVisible(a.page.getByRole("button", { name: "End connection" }), "End connection in A");
  });
});
