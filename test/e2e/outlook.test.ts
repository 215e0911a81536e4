/**
 * Outlook on the web: the sidebar beside the message open in the reading
 * pane, at Outlook's real address, shows its partner and figures from the
 * real API, keeps the item's Outlook link on a promise logged from there,
 * follows Outlook's in-app navigation (pushState) to another message, and
 * reads a message popped out into its own window.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiClient, type Commitment } from "./harness/api.ts";
import { ExtensionBrowser, useExtensionBrowser } from "./harness/browser.ts";
import { e2eEnv } from "./harness/context.ts";
import { expectAbsent, expectText, expectVisible } from "./harness/expect.ts";
import { itemShown, openItem, outlookItem, outlookItemUrl, poppedOutUrl, routeOutlook } from "./harness/outlook.ts";

const env = e2eEnv();
const api = apiClient(env.apiUrl, env.token);
const { acme, globex } = env.seed;
const itemA = outlookItem("A"); // Jo at Acme, a conversation of two messages
const itemB = outlookItem("B"); // Priya at Globex
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

  it("reads a message popped out into its own window", async () => {
    const b = browser!;
    await openItem(b.page, poppedOutUrl(itemB), itemB);
    await expectVisible(b.partnerCard(globex.name), `the "${globex.name}" card in the popped-out window`);
    await expectText(b.partnerCard(globex.name), "MSP · Silver · Active", "the card's kind line");
  });
});
