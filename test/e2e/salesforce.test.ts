/**
 * Salesforce Lightning: the sidebar beside an Account record at the org's
 * real address matches the partner linked to the Account's id, or one whose
 * domain is the Account's website (and links it), offers to add an unknown
 * Account, follows Lightning's pushState navigation, and stays out of the
 * way on records that are not Accounts. Results of writes are checked in
 * the API's own data.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiClient, type Partner } from "./harness/api.ts";
import { ExtensionBrowser, useExtensionBrowser } from "./harness/browser.ts";
import { e2eEnv } from "./harness/context.ts";
import { expectAbsent, expectText, expectVisible, patience, textOf } from "./harness/expect.ts";
import { lightningRecord, navigateInApp, openRecord, recordUrl, routeLightning } from "./harness/lightning.ts";

interface SalesforcePartner extends Partner {
  salesforce_account_id: string | null;
}

const env = e2eEnv();
const api = apiClient(env.apiUrl, env.token);
const linked = lightningRecord("linked"); // Vandelay Industries: its id is on a partner
const byDomain = lightningRecord("byDomain"); // Wayne Enterprises, Inc.: its website's domain is a partner's
const unknown = lightningRecord("unknown"); // Initech Holdings: nobody
const unknown2 = lightningRecord("unknown2"); // Soylent Corp: nobody (never added here)
const contact = lightningRecord("contact");

let browser: ExtensionBrowser | undefined;
let vandelay: SalesforcePartner;
let wayne: SalesforcePartner;
useExtensionBrowser(() => browser);

beforeAll(async () => {
  // Vandelay's own domain is not the Account's website: only the id can match it.
  vandelay = await api.post<SalesforcePartner>("/v1/partners", {
    name: "Vandelay Industries", kind: "distributor", tier: "Gold", status: "active", cadence_days: 30,
    domains: ["vandelay-imports.com"], salesforce_account_id: linked.id, visibility: "shared",
  });
  wayne = await api.post<SalesforcePartner>("/v1/partners", {
    name: "Wayne Enterprises", kind: "reseller", status: "active", domains: ["wayne-enterprises.com"], visibility: "shared",
  });
  expect(vandelay.salesforce_account_id).toBe(linked.id);
  expect(wayne.salesforce_account_id).toBeNull();

  browser = await ExtensionBrowser.launch(env);
  await routeLightning(browser.context);
  await browser.signIn();
});
afterAll(async () => {
  await browser?.close();
});

async function partner(id: string): Promise<SalesforcePartner> {
  return api.get<SalesforcePartner>(`/v1/partners/${id}`);
}

/** The names on the partner cards shown right now. */
async function cardNames(): Promise<string[]> {
  return browser!.sidebar().getByRole("article").evaluateAll((cards) => cards.map((card) => card.getAttribute("aria-label") ?? ""));
}

describe("Salesforce sidebar", () => {
  it("shows the partner whose Salesforce id is the Account's, without offering to link it", async () => {
    const b = browser!;
    await openRecord(b.page, linked);
    const card = b.partnerCard(vandelay.name);
    await expectVisible(card, `the "${vandelay.name}" card`);
    expect(await textOf(card.getByRole("heading", { level: 2 }))).toBe(vandelay.name);
    await expectText(card, "Distributor · Gold · Active", "the card's kind line");
    // Already linked: nothing to link.
    await expectAbsent(card.getByRole("button", { name: "Link this account" }), '"Link this account"', 1_000);
    expect(await cardNames()).toEqual([vandelay.name]);
    expect(b.page.url()).toBe(recordUrl(linked));
  });

  it("matches a partner by the Account's website domain, and \"Link this account\" saves the id on it", async () => {
    const b = browser!;
    expect((await partner(wayne.id)).salesforce_account_id).toBeNull();
    await openRecord(b.page, byDomain);
    const card = b.partnerCard(wayne.name);
    await expectVisible(card, `the "${wayne.name}" card (matched by www.wayne-enterprises.com)`);
    const link = card.getByRole("button", { name: "Link this account", exact: true });
    await expectVisible(link, '"Link this account"');
    await link.click();

    await expectText(b.announcement(), `Linked this account to ${wayne.name}: saved.`, "the announcement");
    await expect.poll(async () => (await partner(wayne.id)).salesforce_account_id, {
      ...patience, message: `${wayne.name}'s salesforce_account_id`,
    }).toBe(byDomain.id);
    // The sidebar reads the partner again: now matched by the id, there is nothing left to link.
    await expectAbsent(link, '"Link this account" once linked');
    await expectVisible(card, `the "${wayne.name}" card once linked`);
    // Its domain is untouched.
    expect((await partner(wayne.id)).domains).toEqual(["wayne-enterprises.com"]);
  });

  it("adds an unknown Account as a partner, prefilled with its name and website domain, linked to its id", async () => {
    const b = browser!;
    await openRecord(b.page, unknown);
    await expectText(b.panel(), `${unknown.name} isn't a partner yet.`, "the unknown-Account note");
    await b.sidebar().getByRole("button", { name: "Add partner", exact: true }).click();

    const form = b.sidebar().getByRole("form", { name: "Add partner" });
    await expectVisible(form, "the Add partner form");
    expect(await form.getByLabel("Company name").inputValue()).toBe("Initech Holdings");
    // The website is "http://www.initech-holdings.com": the domain, without scheme or www.
    expect(await form.getByLabel("Email / web domains").inputValue()).toBe("initech-holdings.com");
    expect(await form.getByRole("group", { name: "Add as contacts" }).count()).toBe(0);
    await form.getByLabel("Kind").selectOption({ label: "Systems integrator" });
    await form.getByRole("button", { name: "Add partner", exact: true }).click();

    const card = b.partnerCard("Initech Holdings");
    await expectVisible(card, 'the new "Initech Holdings" card');
    const created = (await api.list<SalesforcePartner>("/v1/partners?q=initech")).filter((p) => p.name === "Initech Holdings");
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ domains: ["initech-holdings.com"], salesforce_account_id: unknown.id, kind: "si" });
    // Found by the id it was created with: nothing to link.
    await expectAbsent(card.getByRole("button", { name: "Link this account" }), '"Link this account" on the new partner', 2_000);
  });

  it("follows Lightning's pushState navigation between records without a reload, and Back", async () => {
    const b = browser!;
    await openRecord(b.page, linked);
    await expectVisible(b.partnerCard(vandelay.name), `the "${vandelay.name}" card`);
    // A marker that only survives if the page is not reloaded.
    await b.page.evaluate(() => ((window as unknown as { __samePage: boolean }).__samePage = true));

    // Vandelay → Wayne: the URL changes at once, Lightning draws the record a moment later.
    await navigateInApp(b.page, byDomain);
    expect(b.page.url()).toBe(recordUrl(byDomain));
    await expectVisible(b.partnerCard(wayne.name), `the "${wayne.name}" card after navigating`, 15_000);
    await expectAbsent(b.partnerCard(vandelay.name), `the "${vandelay.name}" card after navigating`, 5_000);

    // Wayne → Soylent (nobody): no card at all; in particular not Wayne's, from the tab Lightning still keeps.
    await navigateInApp(b.page, unknown2);
    await expectText(b.panel(), `${unknown2.name} isn't a partner yet.`, "the unknown-Account note after navigating", 15_000);
    // It stays there: a late read of the previous tab must not bring a card back.
    await b.page.waitForTimeout(2_000);
    expect(await cardNames()).toEqual([]);
    await b.sidebar().getByRole("button", { name: "Add partner", exact: true }).click();
    const form = b.sidebar().getByRole("form", { name: "Add partner" });
    expect(await form.getByLabel("Company name").inputValue()).toBe(unknown2.name);
    expect(await form.getByLabel("Email / web domains").inputValue()).toBe("soylent-corp.com");
    await form.getByRole("button", { name: "Close", exact: true }).click();

    // Back (popstate): Wayne again.
    await b.page.goBack();
    expect(b.page.url()).toBe(recordUrl(byDomain));
    await expectVisible(b.partnerCard(wayne.name), `the "${wayne.name}" card after Back`, 15_000);
    expect(await cardNames()).toEqual([wayne.name]);
    expect(await b.page.evaluate(() => (window as unknown as { __samePage?: boolean }).__samePage)).toBe(true);
  });

  it("shows no partner on a Contact record, loaded or navigated to", async () => {
    const b = browser!;
    await openRecord(b.page, contact);
    // Nothing to show on a Contact: the sidebar folds itself to its tab.
    await expectVisible(b.foldedTab(), "the sidebar folded to its tab on the Contact");
    await b.page.waitForTimeout(1_000);
    expect(await cardNames()).toEqual([]);

    // Contact → Account → Contact inside the app: the card comes and goes.
    await navigateInApp(b.page, linked);
    await expectVisible(b.partnerCard(vandelay.name), `the "${vandelay.name}" card`, 15_000);
    await navigateInApp(b.page, contact);
    await expectVisible(b.foldedTab(), "the sidebar folded to its tab after navigating", 15_000);
    await expectAbsent(b.partnerCard(vandelay.name), `the "${vandelay.name}" card on the Contact`, 5_000);
  });

  it("reads the Account's own name and website after navigating to it from a Contact, not the Contact's tab still on screen", async () => {
    const b = browser!;
    await openRecord(b.page, contact);
    await expectVisible(b.foldedTab(), "the sidebar folded to its tab on the Contact");
    // Contact → Soylent (nobody): Lightning keeps the Contact's tab up until it has drawn the Account.
    await navigateInApp(b.page, unknown2);
    await expectText(b.panel(), `${unknown2.name} isn't a partner yet.`, "the unknown-Account note after navigating from a Contact", 15_000);
    await b.sidebar().getByRole("button", { name: "Add partner", exact: true }).click();
    const form = b.sidebar().getByRole("form", { name: "Add partner" });
    expect(await form.getByLabel("Company name").inputValue()).toBe(unknown2.name);
    expect(await form.getByLabel("Email / web domains").inputValue()).toBe("soylent-corp.com");
    await form.getByRole("button", { name: "Close", exact: true }).click();
  });
});
