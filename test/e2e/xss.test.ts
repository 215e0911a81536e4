/**
 * Markup in partner data is text: a partner, its promises, referrals and
 * goals whose names carry <img onerror> and <script> are shown literally in
 * the sidebar (and its forms), create no elements, and run nothing in Gmail.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiClient, type Partner } from "./harness/api.ts";
import { ExtensionBrowser, useExtensionBrowser } from "./harness/browser.ts";
import { e2eEnv } from "./harness/context.ts";
import { expectText, expectVisible, textOf } from "./harness/expect.ts";
import { thread } from "./harness/mailbox.ts";
import { utcDate } from "./harness/seed.ts";

const env = e2eEnv();
const api = apiClient(env.apiUrl, env.token);
const img = `<img src=x onerror="window.__pwned=1">`;
const script = `<script>window.__pwned=2</script>`;
const name = `Mallory Labs ${img} ${script}`;
const ourPromise = `Send ${img} the ${script} deck`;
const theirPromise = `Review ${script}`;
const referral = `Initrode ${img}`;
const goal = `Pipeline ${script} ${img}`;
let browser: ExtensionBrowser | undefined;
useExtensionBrowser(() => browser);

type PageWindow = Window & { __pwned?: unknown; __control?: unknown };

beforeAll(async () => {
  const partner = await api.post<Partner>("/v1/partners", {
    name, kind: "isv", tier: `Gold<img src=x onerror="window.__pwned=5">`, status: "active", cadence_days: 30,
    domains: ["mallory-labs.com"], visibility: "shared",
  });
  await api.post(`/v1/partners/${partner.id}/commitments`, { title: ourPromise, owed_by: "us", due_on: utcDate(-3) });
  await api.post(`/v1/partners/${partner.id}/commitments`, { title: theirPromise, owed_by: "partner", due_on: utcDate(4) });
  await api.post(`/v1/partners/${partner.id}/interactions`, {
    kind: "email", direction: "inbound", occurred_at: new Date(Date.now() - 3 * 86_400_000).toISOString(),
    summary: `Re: ${img}${script}`, participants: [thread("X").messages[0]!.from.email],
  });
  await api.post(`/v1/partners/${partner.id}/referrals`, { direction: "to_partner", account_name: referral });
  await api.post(`/v1/partners/${partner.id}/goals`, { title: goal, target: 10, current: 2 });

  browser = await ExtensionBrowser.launch(env);
  await browser.signIn();
});
afterAll(async () => {
  await browser?.close();
});

/** Elements that markup in the data could have created inside the sidebar (in its frame), and whether anything ran. */
async function damage() {
  const frame = browser!.sidebarFrame();
  const inFrame = frame
    ? await frame.evaluate(() => ({
      injected: [...document.querySelectorAll("#app img, #app script, #app iframe, #app object, #app embed, #app svg, #app [onerror], #app [onload], #app [src]")]
        .map((element) => element.outerHTML.slice(0, 120)),
      pwned: (window as PageWindow).__pwned ?? null,
    }))
    : { injected: ["(no sidebar)"], pwned: null };
  const onPage = await browser!.page.evaluate(() => ({
    pageImages: document.images.length,
    pageScripts: document.scripts.length,
    pwned: (window as PageWindow).__pwned ?? null,
  }));
  return { injected: inFrame.injected, pageImages: onPage.pageImages, pageScripts: onPage.pageScripts, pwned: onPage.pwned ?? inFrame.pwned };
}

describe("Markup in partner data", () => {
  it("would be caught: an inline handler does run on this Gmail page", async () => {
    const b = browser!;
    await b.openThread("B");
    // The page enforces Trusted Types (as Gmail does), so markup goes in through a policy,
    // the way rendering it as HTML would put it in.
    await b.page.evaluate(() => {
      const types = (window as unknown as { trustedTypes: { createPolicy(name: string, rules: { createHTML(html: string): string }): { createHTML(html: string): string } } }).trustedTypes;
      const policy = types.createPolicy("e2e-control", { createHTML: (html) => html });
      const probe = document.createElement("div");
      probe.innerHTML = policy.createHTML(`<img src=x onerror="window.__control = 1">`);
      document.body.append(probe);
    });
    await expect.poll(() => b.page.evaluate(() => (window as PageWindow).__control ?? null)).toBe(1);
  });

  it("is shown as literal text in the sidebar and its forms, and runs nothing", async () => {
    const b = browser!;
    await b.openThread("X");
    const card = b.partnerCard(name);
    await expectVisible(card, "the partner card (found by its literal name)");
    expect(await textOf(card.getByRole("heading", { level: 2 }))).toBe(name);
    await expectText(card, `ISV / technology · Gold<img src=x onerror="window.__pwned=5"> · Active`, "the kind and tier line");

    const commitments = card.getByRole("region", { name: "Open commitments" });
    await expectText(commitments, ourPromise, "our promise");
    await expectText(commitments, `${name} owes`, "the partner's promises heading");
    await expectText(commitments, theirPromise, "their promise");
    await expectText(card.getByRole("region", { name: "Referrals" }), referral, "the referral");
    await expectText(card.getByRole("region", { name: "Shared goals" }), goal, "the goal");
    expect(await card.getByRole("button", { name: `Mark "${ourPromise}" done`, exact: true }).count()).toBe(1);

    // The forms put the same text in labels, options and prefilled fields.
    await card.getByRole("button", { name: "Log a promise", exact: true }).click();
    const promiseForm = card.getByRole("form", { name: `Log a promise with ${name}` });
    await expectVisible(promiseForm.getByRole("radio", { name, exact: true }), "the partner's radio, labelled literally");
    await card.getByRole("button", { name: "Meeting notes", exact: true }).click();
    const meetingForm = card.getByRole("form", { name: `Meeting notes with ${name}` });
    await expectVisible(meetingForm, "the meeting notes form");
    expect(await meetingForm.getByLabel("Title", { exact: true }).inputValue()).toBe(`Meeting with ${name}`);
    expect(await meetingForm.getByLabel("Agenda").inputValue()).toContain(ourPromise);
    await meetingForm.getByRole("button", { name: "Add action item", exact: true }).click();
    expect(await meetingForm.getByLabel("Who owes action 1").locator("option").allTextContents()).toEqual(["We do", name]);
    await card.getByRole("button", { name: "Log touchpoint", exact: true }).click();
    const touchForm = card.getByRole("form", { name: `Log a touchpoint with ${name}` });
    expect(await touchForm.getByLabel("Who reached out").locator("option").allTextContents()).toContain(`${name} did`);

    // Collapsed, the tab names the partner in an attribute.
    await b.panel().getByRole("button", { name: "Collapse Mutual (Alt+Shift+M)" }).click();
    const tab = b.sidebar().getByRole("button", { name: `Open Mutual: ${name}`, exact: true });
    await expectVisible(tab, "the collapsed tab");
    await tab.click();
    await expectVisible(b.partnerCard(name), "the partner card again");

    // An onerror would have fired by now (src=x fails at once); give it a moment anyway.
    await b.page.waitForTimeout(1_000);
    expect(await damage()).toEqual({ injected: [], pageImages: 0, pageScripts: 2, pwned: null });
  });
});
