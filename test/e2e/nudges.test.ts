/**
 * Nudges: the toolbar badge counts the overdue promises we owe (as the API
 * counts them for the user's own day), can be turned off in the options, and
 * the daily reminder is off until opted in, then set for the chosen time.
 * The dashboard's #nudges list (where the reminder leads) snoozes an item.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { Nudges } from "../../shared/schemas/nudges.ts";
import { apiClient } from "./harness/api.ts";
import { useSignedInBrowser, type ExtensionBrowser } from "./harness/browser.ts";
import { e2eEnv } from "./harness/context.ts";
import { expectText, expectVisible, patience } from "./harness/expect.ts";

const env = e2eEnv();
const api = apiClient(env.apiUrl, env.token);
const { acme } = env.seed;
const browser = useSignedInBrowser(env);

/** chrome.* as an extension page sees it (only what this file calls). */
declare const chrome: {
  action: { getBadgeText(details: object): Promise<string> };
  alarms: { get(name: string): Promise<{ scheduledTime: number; periodInMinutes?: number } | undefined> };
};

/** This process's calendar date: the browser's, which the extension asks the API for. */
function localDay(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
}

let extensionTab: Page | undefined;
async function extensionPage(b: ExtensionBrowser): Promise<Page> {
  if (!extensionTab || extensionTab.isClosed()) {
    extensionTab = await b.context.newPage();
    await extensionTab.goto(`chrome-extension://${b.extensionId}/manifest.json`);
    await b.page.bringToFront();
  }
  return extensionTab;
}
const badgeText = async (b: ExtensionBrowser) => (await extensionPage(b)).evaluate(() => chrome.action.getBadgeText({}));

describe("Nudges", () => {
  it("the badge shows how many promises we owe are overdue, after a lookup; off in the options, it shows none", async () => {
    const b = browser();
    const nudges = await api.get<Nudges>(`/v1/nudges?today=${localDay()}`);
    // The seed's "Send the MDF approval", ten days overdue, at least.
    expect(nudges.promises.overdue).toBeGreaterThan(0);
    await b.openThread("A");
    await expectVisible(b.partnerCard(acme.name), `the "${acme.name}" card`);
    await expect.poll(() => badgeText(b), { ...patience, message: "the badge should show the overdue count" }).toBe(String(nudges.promises.overdue));

    await b.page.goto(b.optionsUrl());
    const badgeBox = b.page.getByLabel("Show the number of overdue promises we owe on the toolbar button");
    await badgeBox.waitFor({ state: "visible" });
    expect(await badgeBox.isChecked()).toBe(true);
    await badgeBox.uncheck();
    await expect.poll(() => badgeText(b), { ...patience, message: "the badge should go" }).toBe("");
    await badgeBox.check();
    await expect.poll(() => badgeText(b), patience).toBe(String(nudges.promises.overdue));
  });

  it("the daily reminder is off until opted in, then an alarm waits for the chosen time", async () => {
    const b = browser();
    await b.page.goto(b.optionsUrl());
    const daily = b.page.getByLabel("One reminder a day", { exact: false });
    await daily.waitFor({ state: "visible" });
    expect(await daily.isChecked()).toBe(false);
    const page = await extensionPage(b);
    expect(await page.evaluate(() => chrome.alarms.get("mutual-nudges-daily"))).toBeUndefined();

    await daily.check();
    await b.page.getByLabel("Reminder time").fill("07:45");
    await expect.poll(async () => {
      const alarm = await page.evaluate(() => chrome.alarms.get("mutual-nudges-daily"));
      if (!alarm) return null;
      const at = new Date(alarm.scheduledTime);
      return `${at.getHours()}:${at.getMinutes()} every ${alarm.periodInMinutes}`;
    }, patience).toBe("7:45 every 1440");
    await daily.uncheck();
    await expect.poll(() => page.evaluate(() => chrome.alarms.get("mutual-nudges-daily")), patience).toBeUndefined();
  });

  it("the dashboard's list (where the reminder leads) shows what needs the user, and Snooze quiets an item", async () => {
    const b = browser();
    // A partner of this test's own, the user's (the reminder counts their own partners), quiet for 30 days on
    // a 7-day cadence: past it whatever other files logged.
    const run = Date.now().toString(36);
    const quiet = await api.post<{ id: string; name: string }>("/v1/partners", {
      name: `Brightpath ${run}`, kind: "referral", status: "active", cadence_days: 7, domains: [`brightpath-${run}.com`], owner_email: env.memberEmail, visibility: "shared",
    });
    await api.post(`/v1/partners/${quiet.id}/interactions`, {
      kind: "call", direction: "outbound", occurred_at: new Date(Date.now() - 30 * 86_400_000).toISOString(), summary: "Kick-off", participants: [], visibility: "shared",
    });
    const nudges = await api.get<Nudges>(`/v1/nudges?today=${localDay()}`);
    const listed = nudges.past_cadence.find((partner) => partner.partner_id === quiet.id);
    expect(listed).toMatchObject({ cadence_days: 7, days_since_contact: 30 });

    await b.page.goto(`chrome-extension://${b.extensionId}/dashboard.html#nudges`);
    const promises = b.page.getByRole("region", { name: "Promises we owe" });
    await expectText(promises, `${nudges.promises.overdue} overdue · ${nudges.promises.due_today} due today`, "the promise counts");
    const cadence = b.page.getByRole("region", { name: "Past their contact cadence" });
    const line = `${quiet.name}: no contact for 30 days; your cadence is 7`;
    await expectText(cadence, line, "the quiet partner");
    await cadence.getByRole("button", { name: `Snooze ${quiet.name} for a day` }).click();
    await expect.poll(async () => (await cadence.innerText()).includes(line), patience).toBe(false);
    await expectText(b.page.locator("main"), "snoozed until tomorrow or later", "the snoozed note");
  });
});
