/**
 * HubSpot: the sidebar beside a company record at the portal's real (regional)
 * address matches the partner linked to the record's id, or one whose domain
 * is the company's domain ("Link this record" saves the id, and the next visit
 * matches by it); a contact record shows the partner of the contact's company;
 * HubSpot's pushState navigation updates the sidebar. Writes are checked in
 * the API's own data.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiClient, type Partner } from "./harness/api.ts";
import { ExtensionBrowser, useExtensionBrowser } from "./harness/browser.ts";
import { e2eEnv } from "./harness/context.ts";
import { crmRecord, navigateCrmInApp, openCrmRecord, routeCrmApp } from "./harness/crm-apps.ts";
import { expectAbsent, expectText, expectVisible, patience } from "./harness/expect.ts";

interface HubspotPartner extends Partner {
  hubspot_company_id: string | null;
}

const env = e2eEnv();
const api = apiClient(env.apiUrl, env.token);
const byDomain = crmRecord("hubspot", "byDomain"); // Pied Piper: its domain is a partner's
const linked = crmRecord("hubspot", "linked"); // Hooli XYZ: its id is on a partner whose domain differs
const unknown = crmRecord("hubspot", "unknown"); // Raviga Capital: nobody
const contact = crmRecord("hubspot", "contact"); // Gavin Belson, gavin@hooli.xyz

let browser: ExtensionBrowser | undefined;
let piedPiper: HubspotPartner;
let hooli: HubspotPartner;
useExtensionBrowser(() => browser);

beforeAll(async () => {
  piedPiper = await api.post<HubspotPartner>("/v1/partners", {
    name: "Pied Piper", kind: "isv", tier: "Silver", status: "active", domains: ["piedpiper.com"], visibility: "shared",
  });
  hooli = await api.post<HubspotPartner>("/v1/partners", {
    name: "Hooli", kind: "reseller", tier: "Gold", status: "active", domains: ["hooli.xyz"], hubspot_company_id: linked.id!, visibility: "shared",
  });
  await api.post(`/v1/partners/${hooli.id}/commitments`, { title: "Send Hooli the co-sell deck", owed_by: "us", visibility: "shared" });
  browser = await ExtensionBrowser.launch(env);
  await routeCrmApp(browser.context, "hubspot");
  await browser.signIn();
});
afterAll(async () => {
  await browser?.close();
});

const partner = (id: string) => api.get<HubspotPartner>(`/v1/partners/${id}`);

describe("HubSpot sidebar", () => {
  it("shows the partner linked to the company's id, with its figures, and nothing to link", async () => {
    const b = browser!;
    await openCrmRecord(b.page, "hubspot", linked);
    const card = b.partnerCard(hooli.name);
    await expectVisible(card, `the "${hooli.name}" card`);
    await expectText(card, "Reseller · Gold · Active", "the card's kind line");
    await expectText(card, "Send Hooli the co-sell deck", "the open promise we owe");
    await expectAbsent(card.getByRole("button", { name: "Link this record" }), '"Link this record"', 1_000);
  });

  it("matches a partner by the company's domain; \"Link this record\" saves the id and the next visit matches by it", async () => {
    const b = browser!;
    await openCrmRecord(b.page, "hubspot", byDomain);
    const card = b.partnerCard(piedPiper.name);
    await expectVisible(card, `the "${piedPiper.name}" card (matched by piedpiper.com)`);
    const link = card.getByRole("button", { name: "Link this record", exact: true });
    await expectVisible(link, '"Link this record"');
    await link.click();
    await expectText(b.announcement(), `Linked this record to ${piedPiper.name}: saved.`, "the announcement");
    await expect.poll(async () => (await partner(piedPiper.id)).hubspot_company_id, { ...patience, message: "Pied Piper's hubspot_company_id" }).toBe(byDomain.id);
    await expectAbsent(link, '"Link this record" once linked');

    // The partner's domain no longer matters: the next visit finds it by the id alone.
    await api.patch(`/v1/partners/${piedPiper.id}`, { domains: ["piedpiper.io"] });
    await openCrmRecord(b.page, "hubspot", byDomain);
    await expectVisible(b.partnerCard(piedPiper.name), `the "${piedPiper.name}" card matched by the id`, 15_000);
    await expectAbsent(b.partnerCard(piedPiper.name).getByRole("button", { name: "Link this record" }), '"Link this record" on the next visit', 2_000);
  });

  it("shows the partner of a contact's company on a contact record", async () => {
    const b = browser!;
    await openCrmRecord(b.page, "hubspot", contact);
    await expectVisible(b.partnerCard(hooli.name), `the "${hooli.name}" card for ${contact.email}`);
    await expectAbsent(b.partnerCard(hooli.name).getByRole("button", { name: "Link this record" }), '"Link this record" on a contact', 1_000);
  });

  it("follows HubSpot's in-app navigation: each record's partner, never the previous one's", async () => {
    const b = browser!;
    await openCrmRecord(b.page, "hubspot", linked);
    await expectVisible(b.partnerCard(hooli.name), `the "${hooli.name}" card`);
    await navigateCrmInApp(b.page, "hubspot", unknown);
    await expectText(b.panel(), `${unknown.name} isn't a partner yet.`, "the unknown company note", 15_000);
    await expectAbsent(b.partnerCard(hooli.name), `the "${hooli.name}" card after navigating`, 5_000);
    await navigateCrmInApp(b.page, "hubspot", byDomain);
    await expectVisible(b.partnerCard(piedPiper.name), `the "${piedPiper.name}" card after navigating`, 15_000);
    await b.page.goBack();
    await expectText(b.panel(), `${unknown.name} isn't a partner yet.`, "the unknown company note after Back", 15_000);
  });
});
