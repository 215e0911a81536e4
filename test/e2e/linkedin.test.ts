/**
 * LinkedIn company pages: the sidebar matches the partner linked to the
 * page's slug, or one whose domain is the website the page shows ("Link this
 * page" saves the slug); a company nobody knows can be added; in-app
 * navigation updates the sidebar and a person's profile shows nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiClient, type Partner } from "./harness/api.ts";
import { ExtensionBrowser, useExtensionBrowser } from "./harness/browser.ts";
import { e2eEnv } from "./harness/context.ts";
import { crmRecord, navigateCrmInApp, openCrmRecord, routeCrmApp } from "./harness/crm-apps.ts";
import { expectAbsent, expectText, expectVisible, patience } from "./harness/expect.ts";

interface LinkedinPartner extends Partner {
  linkedin_slug: string | null;
}

const env = e2eEnv();
const api = apiClient(env.apiUrl, env.token);
const byDomain = crmRecord("linkedin", "byDomain"); // Aviato: its website is a partner's domain
const linked = crmRecord("linkedin", "linked"); // Endframe: its slug is on a partner whose domain differs
const unknown = crmRecord("linkedin", "unknown"); // Nucleus Platform: nobody
const profile = crmRecord("linkedin", "profile"); // a person: out of scope

let browser: ExtensionBrowser | undefined;
let aviato: LinkedinPartner;
let endframe: LinkedinPartner;
useExtensionBrowser(() => browser);

beforeAll(async () => {
  aviato = await api.post<LinkedinPartner>("/v1/partners", { name: "Aviato", kind: "referral", status: "active", domains: ["aviato.com"], visibility: "shared" });
  endframe = await api.post<LinkedinPartner>("/v1/partners", {
    name: "Endframe", kind: "si", tier: "Bronze", status: "onboarding", domains: ["endframe.io"], linkedin_slug: "https://www.linkedin.com/company/endframe/", visibility: "shared",
  });
  expect(endframe.linkedin_slug).toBe("endframe");
  browser = await ExtensionBrowser.launch(env);
  await routeCrmApp(browser.context, "linkedin");
  await browser.signIn();
});
afterAll(async () => {
  await browser?.close();
});

describe("LinkedIn sidebar", () => {
  it("shows the partner linked to the page's slug, with its figures", async () => {
    const b = browser!;
    await openCrmRecord(b.page, "linkedin", linked);
    const card = b.partnerCard(endframe.name);
    await expectVisible(card, `the "${endframe.name}" card`);
    await expectText(card, "Systems integrator · Bronze · Onboarding", "the card's kind line");
    await expectAbsent(card.getByRole("button", { name: "Link this page" }), '"Link this page"', 1_000);
  });

  it("matches a partner by the website the page shows, and \"Link this page\" saves the slug", async () => {
    const b = browser!;
    await openCrmRecord(b.page, "linkedin", byDomain);
    const card = b.partnerCard(aviato.name);
    await expectVisible(card, `the "${aviato.name}" card (matched by aviato.com)`);
    await card.getByRole("button", { name: "Link this page", exact: true }).click();
    await expectText(b.announcement(), `Linked this page to ${aviato.name}: saved.`, "the announcement");
    await expect.poll(async () => (await api.get<LinkedinPartner>(`/v1/partners/${aviato.id}`)).linkedin_slug, { ...patience, message: "Aviato's linkedin_slug" }).toBe("aviato");
  });

  it("follows in-app navigation between company pages, and shows nothing on a person's profile", async () => {
    const b = browser!;
    await openCrmRecord(b.page, "linkedin", linked);
    await expectVisible(b.partnerCard(endframe.name), `the "${endframe.name}" card`);
    await navigateCrmInApp(b.page, "linkedin", unknown);
    await expectText(b.panel(), `${unknown.name} isn't a partner yet.`, "the unknown company note", 15_000);
    await expectAbsent(b.partnerCard(endframe.name), `the "${endframe.name}" card after navigating`, 5_000);
    await navigateCrmInApp(b.page, "linkedin", profile);
    await expectVisible(b.foldedTab(), "the sidebar folded to its tab on a profile", 15_000);
  });
});
