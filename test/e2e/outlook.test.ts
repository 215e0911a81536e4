/**
 * Outlook on the web: the sidebar beside the message open in the reading
 * pane, at Outlook's real address, shows its partner and figures from the
 * real API, keeps the item's Outlook link on a promise logged from there,
 * follows Outlook's in-app navigation (pushState) to another message, reads
 * a message popped out into its own window, adds an unknown company as a
 * partner and captures a message's email as on Gmail.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiClient, type Commitment, type Contact, type Partner } from "./harness/api.ts";
import { ExtensionBrowser, useExtensionBrowser } from "./harness/browser.ts";
import { e2eEnv } from "./harness/context.ts";
import { expectAbsent, expectText, expectVisible, patience } from "./harness/expect.ts";
import { itemShown, openItem, outlookItem, outlookItemUrl, poppedOutUrl, routeOutlook } from "./harness/outlook.ts";

const env = e2eEnv();
const api = apiClient(env.apiUrl, env.token);
const { acme, globex } = env.seed;
const itemA = outlookItem("A"); // Jo at Acme, a conversation of two messages
const itemB = outlookItem("B"); // Priya at Globex
const itemC = outlookItem("C"); // Richard at Pied Piper: nobody's partner yet
const run = Date.now().toString(36);

let browser: ExtensionBrowser | undefined;
useExtensionBrowser(() => browser);
beforeAll(async () => {
  browser = await ExtensionBrowser.launch(env);
  await routeOutlook(browser.context);
  await browser.signIn();
});
afterAll(async () => {
  await browser?.close();
});

describe("Outlook sidebar", () => {
  it("shows Acme beside its conversation, with its figures, and not Globex, named only in a message body", async () => {
    const b = browser!;
    expect(itemA.messages[0]!.bodyPerson).toBe("priya@globex-systems.com");
    await openItem(b.page, outlookItemUrl(itemA), itemA);
    const card = b.partnerCard(acme.name);
    await expectVisible(card, `the "${acme.name}" card`);
    await expectText(card, "Reseller · Gold · Active", "the card's kind line");
    await expectText(card.locator(".glance"), /We owe\s*\d+ open, [1-9]\d* overdue/, "what we owe, the seeded overdue promise counted");
    await expectVisible(card.getByRole("region", { name: "Open commitments" }).locator("li", { hasText: acme.overdueTitle }), `"${acme.overdueTitle}"`);
    for (const action of ["Log a promise", "Meeting notes"]) {
      await expectVisible(card.getByRole("button", { name: action, exact: true }), `the "${action}" button`);
    }
    await expectAbsent(b.partnerCard(globex.name), `the "${globex.name}" card`, 1_000);
    expect(await b.sidebar().getByRole("article").count()).toBe(1);
  });

  it("logs a promise that keeps the message's Outlook link, with the signed-in mailbox as its owner", async () => {
    const b = browser!;
    await openItem(b.page, outlookItemUrl(itemA), itemA);
    const card = b.partnerCard(acme.name);
    await expectVisible(card, `the "${acme.name}" card`);
    const title = `Send the MDF approval from Outlook ${run}`;
    await card.getByRole("button", { name: "Log a promise", exact: true }).click();
    const form = card.getByRole("form", { name: `Log a promise with ${acme.name}` });
    await expectVisible(form, "the promise form");
    await form.getByLabel("What was promised").fill(title);
    expect(await form.getByLabel("Owner (email)").inputValue()).toBe(env.memberEmail);
    await form.getByRole("button", { name: "Save promise", exact: true }).click();
    await expectText(b.announcement(), `Promise "${title}": saved.`, "the announcement");

    const saved = (await api.list<Commitment>(`/v1/commitments?partner_id=${acme.id}`)).filter((commitment) => commitment.title === title);
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ owed_by: "us", owner_email: env.memberEmail, source_url: outlookItemUrl(itemA) });
  });

  it("follows Outlook's in-app navigation from Acme's conversation to Globex's message without a reload", async () => {
    const b = browser!;
    await openItem(b.page, outlookItemUrl(itemA), itemA);
    await expectVisible(b.partnerCard(acme.name), `the "${acme.name}" card`);
    await b.page.evaluate(() => ((window as unknown as { __samePage: boolean }).__samePage = true));

    await b.page.locator(`[role=option][data-item-key="${itemB.key}"]`).click();
    await itemShown(b.page, itemB);
    await expectVisible(b.partnerCard(globex.name), `the "${globex.name}" card after the click`);
    await expectAbsent(b.partnerCard(acme.name), `the "${acme.name}" card after the click`);
    expect(b.page.url()).toBe(outlookItemUrl(itemB));
    expect(await b.page.evaluate(() => (window as unknown as { __samePage?: boolean }).__samePage)).toBe(true);

    // Back: Outlook redraws the previous item from its URL.
    await b.page.goBack();
    await itemShown(b.page, itemA);
    await expectVisible(b.partnerCard(acme.name), `the "${acme.name}" card after going back`);
    await expectAbsent(b.partnerCard(globex.name), `the "${globex.name}" card after going back`);
  });

  it("makes room: none of Outlook's own controls is under the open sidebar", async () => {
    const b = browser!;
    await openItem(b.page, outlookItemUrl(itemA), itemA);
    await expectVisible(b.partnerCard(acme.name), `the "${acme.name}" card`);
    const panel = await b.sidebar().locator("aside.panel").boundingBox();
    if (!panel) throw new Error("the sidebar's panel is not on screen");
    const covered = await b.page.evaluate((box) => [...document.querySelectorAll("button, a[href], input, [role=button], [role=option], [role=heading]")]
      .filter((element) => !element.closest("mutual-sidebar"))
      .filter((element) => {
        const r = element.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && r.x < box.x + box.width && box.x < r.x + r.width && r.y < box.y + box.height && box.y < r.y + r.height;
      })
      .map((element) => element.getAttribute("aria-label") ?? element.textContent ?? element.tagName), panel);
    expect(covered).toEqual([]);
    // The account button at the top bar's far right is still on screen, left of the panel.
    const account = await b.page.getByRole("button", { name: "Account manager for Morgan Lee" }).boundingBox();
    expect(account!.x + account!.width).toBeLessThanOrEqual(panel.x);
  });

  it("adds the company of an unknown message as a partner, with its domain and the people shown", async () => {
    const b = browser!;
    await openItem(b.page, outlookItemUrl(itemC), itemC);
    await expectText(b.panel(), "Piedpiper isn't a partner yet.", "the unknown-company note");
    await b.sidebar().getByRole("button", { name: "Add partner", exact: true }).click();
    const form = b.sidebar().getByRole("form", { name: "Add partner" });
    await expectVisible(form, "the Add partner form");
    expect(await form.getByLabel("Email / web domains").inputValue()).toBe("piedpiper.io");
    // Richard and Jared; not the outlook.com friend, not you.
    expect(await form.getByRole("group", { name: "Add as contacts" }).getByRole("checkbox").count()).toBe(2);
    await form.getByLabel("Company name").fill("Pied Piper");
    await form.getByRole("button", { name: "Add partner", exact: true }).click();
    await expectVisible(b.partnerCard("Pied Piper"), 'the new "Pied Piper" card');

    // By its domain: another file's "Pied Piper" (piedpiper.com) may share the workspace.
    const added = (await api.list<Partner>("/v1/partners?q=pied")).filter((partner) => partner.name === "Pied Piper" && partner.domains.includes("piedpiper.io"));
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ domains: ["piedpiper.io"] });
    await expect.poll(async () => (await api.list<Contact>(`/v1/partners/${added[0]!.id}/contacts`)).map((c) => c.email).sort(), {
      ...patience, message: "Pied Piper's contacts",
    }).toEqual(["jared@piedpiper.io", "richard@piedpiper.io"]);
  });

  it("captures the open message as Globex's email, once, and Undo removes it", async () => {
    const b = browser!;
    interface Interaction { id: string; kind: string; direction: string; occurred_at: string; participants: string[] }
    // Only what this test logs: other files may have logged Priya's emails in this workspace before it runs.
    const loggedBefore = new Set((await api.list<Interaction>(`/v1/partners/${globex.id}/interactions`)).map((interaction) => interaction.id));
    const priyasEmails = async () => (await api.list<Interaction>(`/v1/partners/${globex.id}/interactions`))
      .filter((interaction) => !loggedBefore.has(interaction.id) && interaction.kind === "email" && interaction.participants.includes("priya@globex-systems.com"));
    await api.patch("/v1/workspace/settings", { capture: { email: true, subjects: false } });
    // The background keeps the workspace's capture setting for 5 minutes: a fresh worker asks again.
    await b.stopServiceWorker();
    try {
      await openItem(b.page, outlookItemUrl(itemB), itemB);
      const notice = b.sidebar().locator(".capture-notice");
      await expectText(notice, "1 email from this thread logged · Undo", "the capture notice");
      const logged = await priyasEmails();
      // "Tue 11/17/2026 2:03 PM" in the browser's time zone, which is this process's.
      expect(logged.map(({ direction, occurred_at, participants }) => ({ direction, occurred_at, participants }))).toEqual([
        { direction: "inbound", occurred_at: new Date(2026, 10, 17, 14, 3).toISOString(), participants: ["priya@globex-systems.com"] },
      ]);
      await notice.getByRole("button", { name: "Undo" }).click();
      await expectText(notice, "Undone", "the notice after Undo");
      expect(await priyasEmails()).toEqual([]);
    } finally {
      await api.patch("/v1/workspace/settings", { capture: { email: false } });
      await b.stopServiceWorker();
    }
  });

  it("reads a message popped out into its own window", async () => {
    const b = browser!;
    await openItem(b.page, poppedOutUrl(itemB), itemB);
    await expectVisible(b.partnerCard(globex.name), `the "${globex.name}" card in the popped-out window`);
    await expectText(b.partnerCard(globex.name), "MSP · Silver · Active", "the card's kind line");
  });
});
