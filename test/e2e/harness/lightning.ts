/**
 * The Salesforce Lightning fixture page and its table of records (one
 * source: the JSON block inside fixtures/salesforce-lightning.html, which
 * the page itself draws from), served at a real Lightning org's address.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { BrowserContext, Page } from "playwright-core";
import { toEighteenCharacterId } from "../../../shared/salesforce-id.ts";

export const lightningFixturePath = fileURLToPath(new URL("../fixtures/salesforce-lightning.html", import.meta.url));
export const lightningOrigin = "https://acme-dev.lightning.force.com";

export interface LightningRecord {
  key: "linked" | "byDomain" | "unknown" | "unknown2" | "contact";
  object: "Account" | "Contact";
  /** 18 characters, checksum included. */
  id: string;
  name: string;
  website?: string;
}

export function lightningFixtureHtml(): string {
  return readFileSync(lightningFixturePath, "utf8");
}

export function lightningRecords(): LightningRecord[] {
  const match = /<script type="application\/json" id="records">([\s\S]*?)<\/script>/.exec(lightningFixtureHtml());
  if (!match) throw new Error(`no <script id="records"> table in ${lightningFixturePath}`);
  const records = (JSON.parse(match[1]!) as { records: LightningRecord[] }).records;
  for (const record of records) {
    // An id the API would refuse (wrong checksum) would fail every lookup, not the thing under test.
    if (record.id.length !== 18 || toEighteenCharacterId(record.id.slice(0, 15)) !== record.id) {
      throw new Error(`${lightningFixturePath}: ${record.key}'s id ${record.id} is not a valid 18-character Salesforce id (expected ${toEighteenCharacterId(record.id.slice(0, 15))})`);
    }
  }
  return records;
}

export function lightningRecord(key: LightningRecord["key"]): LightningRecord {
  const found = lightningRecords().find((record) => record.key === key);
  if (!found) throw new Error(`no record ${key} in ${lightningFixturePath}`);
  return found;
}

/** The URL Lightning shows for a record page. */
export function recordUrl(record: LightningRecord): string {
  return `${lightningOrigin}/lightning/r/${record.object}/${record.id}/view`;
}

/** Serves the fixture for every path of the org, as Lightning answers any deep link with its app. */
export async function routeLightning(context: BrowserContext): Promise<void> {
  const html = lightningFixtureHtml();
  await context.route(`${lightningOrigin}/**`, (route) => route.fulfill({
    status: 200, contentType: "text/html; charset=utf-8", body: html,
  }));
}

/** Resolves once Lightning shows the record (its tab is the active one), as a user would wait to see it. */
export async function recordShown(page: Page, record: LightningRecord): Promise<void> {
  await page.locator(`div.oneContent.active[data-record-id="${record.id}"]`).waitFor({ state: "visible", timeout: 10_000 });
}

/** A fresh page load of a record (from about:blank, so it is never an in-app navigation), until Lightning shows it. */
export async function openRecord(page: Page, record: LightningRecord): Promise<void> {
  await page.goto("about:blank");
  await page.goto(recordUrl(record));
  await recordShown(page, record);
}

/**
 * A click on a record's link inside Lightning: pushState at once, the record
 * drawn a moment later (resolves once it is, so the next click comes from a
 * page showing this record).
 */
export async function navigateInApp(page: Page, record: LightningRecord): Promise<void> {
  await page.locator(`one-appnav a[data-record-id="${record.id}"]`).click();
  await recordShown(page, record);
}
