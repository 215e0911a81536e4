/**
 * The dashboard as the place to work: search finds a partner by name or
 * domain, its page shows promises both ways, the timeline, referrals, goals
 * and contacts in the product's words, and a record deleted there comes back
 * with Undo.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { apiClient } from "./harness/api.ts";
import { useSignedInBrowser } from "./harness/browser.ts";
import { e2eEnv } from "./harness/context.ts";
import { expectText, expectVisible, textOf } from "./harness/expect.ts";

const env = e2eEnv();
const api = apiClient(env.apiUrl, env.token);
const { acme } = env.seed;
const browser = useSignedInBrowser(env);
const dashboardUrl = () => browser().optionsUrl().replace("/options.html", "/dashboard.html");

describe("Dashboard partner page", () => {
  it("finds a partner by domain, and filters by kind", async () => {
    const b = browser();
    await b.page.goto(dashboardUrl());
    const table = b.page.getByRole("table", { name: "Partners" });
    await expectVisible(table, "the partners table");
    await b.page.getByRole("searchbox").fill(acme.domain);
    await expect.poll(async () => table.locator("tbody tr td:first-child").allTextContents(), { message: "only Acme, found by its domain" }).toEqual([acme.name]);
    await b.page.getByRole("searchbox").fill("");
    await b.page.getByLabel("Kind").selectOption("msp");
    const listed = await api.list<{ name: string; kind: string }>("/v1/partners?sort=health&limit=100");
    await expect.poll(async () => (await table.count()) === 0 ? [] : table.locator("tbody tr td:first-child").allTextContents())
      .toEqual(listed.filter((p) => p.kind === "msp").slice(0, 50).map((p) => p.name));
  });

  it("shows Acme's promises, timeline, referrals, goals and contacts, with no raw values", async () => {
    const b = browser();
    await b.page.goto(`${dashboardUrl()}#partner/${acme.id}`);
    await expectVisible(b.page.getByRole("heading", { level: 1, name: acme.name, exact: true }), "Acme's page");
    const promises = b.page.getByRole("region", { name: "Open promises" });
    await expectText(promises, acme.overdueTitle, "the overdue promise we owe");
    await expectText(promises, "overdue, was due", "said as a relative day");
    await expectText(b.page.getByRole("region", { name: "Interactions and meetings" }), /(Email|Meeting|Call|Note|Event)/, "the timeline");
    await expectText(b.page.getByRole("region", { name: "Referrals" }), acme.referralAccount, "the referral");
    await expectText(b.page.getByRole("region", { name: "Shared goals" }), acme.goalTitle, "the goal");
    await expectVisible(b.page.getByRole("region", { name: "Partnership health" }), "the sidebar's health panel");
    await expectVisible(b.page.getByRole("link", { name: "Partnership plan" }), "the way to the plan");
    const text = await textOf(b.page.locator("main"));
    expect(text).not.toMatch(/\b0 days ago\b|\bisv\b|\bto_us\b|\bto_partner\b/);
  });

  it("deletes a contact from the partner page, and Undo restores it", async () => {
    const email = `mistake-${randomUUID().slice(0, 8)}@acme.co.uk`;
    const created = await api.post<{ id: string }>(`/v1/partners/${acme.id}/contacts`, { email, name: "Wrong Person" });
    const b = browser();
    await b.page.goto(`${dashboardUrl()}#partner/${acme.id}`);
    // The page may be open on Acme already: read it afresh, with the contact just made.
    await b.page.reload();
    const contacts = b.page.getByRole("region", { name: "Contacts" });
    await expectText(contacts, email, "the contact");
    await contacts.getByRole("button", { name: "Delete Wrong Person", exact: true }).click();
    await expect.poll(async () => (await api.list<{ id: string }>(`/v1/partners/${acme.id}/contacts`)).some((c) => c.id === created.id)).toBe(false);
    await expect.poll(async () => textOf(contacts)).not.toContain(email);
    await b.page.locator(".toast").getByRole("button", { name: "Undo", exact: true }).click();
    await expect.poll(async () => (await api.list<{ id: string }>(`/v1/partners/${acme.id}/contacts`)).some((c) => c.id === created.id)).toBe(true);
    await expectText(contacts, email, "the restored contact");
  });
});
