/**
 * The HubSpot and LinkedIn fixture apps and their tables of records (one
 * source each: the JSON block inside fixtures/hubspot.html and
 * fixtures/linkedin.html, which the pages draw from), served at the sites'
 * real addresses.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { BrowserContext, Page } from "playwright-core";

export type CrmApp = "hubspot" | "linkedin";

const apps = {
  hubspot: { origin: "https://app-eu1.hubspot.com", file: "../fixtures/hubspot.html" },
  linkedin: { origin: "https://www.linkedin.com", file: "../fixtures/linkedin.html" },
} as const;

export interface CrmRecord {
  key: string;
  name: string;
  /** The URL the app shows for it. */
  url: string;
  /** HubSpot's record id (company or contact). */
  id?: string;
  domain?: string;
  website?: string;
  email?: string;
}

const html = (app: CrmApp) => readFileSync(fileURLToPath(new URL(apps[app].file, import.meta.url)), "utf8");

export function crmRecord(app: CrmApp, key: string): CrmRecord {
  const match = /<script type="application\/json" id="records">([\s\S]*?)<\/script>/.exec(html(app));
  if (!match) throw new Error(`no <script id="records"> table in ${apps[app].file}`);
  const table = JSON.parse(match[1]!) as { portal?: string; records: (CrmRecord & { object?: string; path?: string })[] };
  const found = table.records.find((record) => record.key === key);
  if (!found) throw new Error(`no record ${key} in ${apps[app].file}`);
  const path = app === "hubspot" ? `/contacts/${table.portal}/record/${found.object}/${found.id}` : found.path!;
  return { ...found, url: `${apps[app].origin}${path}` };
}

/** Serves the app for every path of its host, as the real app answers each deep link. */
export async function routeCrmApp(context: BrowserContext, app: CrmApp): Promise<void> {
  const body = html(app);
  await context.route(`${apps[app].origin}/**`, (route) => route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body }));
}

/** Resolves once the app shows the record, as a user would wait to see it. */
async function shown(page: Page, app: CrmApp, record: CrmRecord): Promise<void> {
  const marker = app === "hubspot" ? `[data-record-id="${record.id}"][data-test-id="record-highlight-content"]` : `main [data-page="${record.key}"]`;
  await page.locator(marker).waitFor({ state: "visible", timeout: 10_000 });
}

/** A fresh page load (from about:blank, so never an in-app navigation), until the record shows. */
export async function openCrmRecord(page: Page, app: CrmApp, record: CrmRecord): Promise<void> {
  await page.goto("about:blank");
  await page.goto(record.url);
  await shown(page, app, record);
}

/** A click on the record's link inside the app: pushState at once, redrawn in place a moment later. */
export async function navigateCrmInApp(page: Page, app: CrmApp, record: CrmRecord): Promise<void> {
  const link = app === "hubspot" ? `#hs-nav-v4 a[data-record-id="${record.id}"]` : `#global-nav a[data-page="${record.key}"]`;
  await page.locator(link).click();
  await shown(page, app, record);
}
