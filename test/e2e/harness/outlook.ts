/**
 * The Outlook on the web fixture page and its table of items (one source:
 * the JSON block inside fixtures/outlook.html, which the page itself draws
 * from), served at Outlook's real address for every path under /mail/.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { BrowserContext, Page } from "playwright-core";

export const outlookFixturePath = fileURLToPath(new URL("../fixtures/outlook.html", import.meta.url));
export const outlookOrigin = "https://outlook.office.com";

export interface OutlookItem {
  key: "A" | "B" | "C";
  /** Exchange's item id, as the URL carries it once decoded. */
  id: string;
  convId: string;
  subject: string;
  messages: { from: { name: string; email: string }; cc: { name: string; email: string }[]; date: string; body: string; bodyPerson?: string }[];
}

export function outlookItem(key: OutlookItem["key"]): OutlookItem {
  const match = /<script type="application\/json" id="outlook-items">([\s\S]*?)<\/script>/.exec(readFileSync(outlookFixturePath, "utf8"));
  if (!match) throw new Error(`no <script id="outlook-items"> table in ${outlookFixturePath}`);
  const found = (JSON.parse(match[1]!) as { items: OutlookItem[] }).items.find((item) => item.key === key);
  if (!found) throw new Error(`no item ${key} in ${outlookFixturePath}`);
  return found;
}

/** The URL Outlook shows for an item opened from the inbox. */
export function outlookItemUrl(item: OutlookItem): string {
  return `${outlookOrigin}/mail/inbox/id/${encodeURIComponent(item.id)}`;
}

/** The URL of the item popped out into its own window ("Open in new window"). */
export function poppedOutUrl(item: OutlookItem): string {
  return `${outlookOrigin}/mail/deeplink/read/${encodeURIComponent(item.id)}?ItemID=${encodeURIComponent(item.id)}&exvsurl=1`;
}

/** Serves the fixture for every Outlook path, as Outlook answers any deep link with its app. */
export async function routeOutlook(context: BrowserContext): Promise<void> {
  const html = readFileSync(outlookFixturePath, "utf8");
  await context.route(`${outlookOrigin}/**`, (route) => route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html }));
}

/** Resolves once the reading pane shows the item's subject, as a user would wait to read it. */
export async function itemShown(page: Page, item: OutlookItem): Promise<void> {
  await page.locator(`[data-app-section="MailReadCompose"] [role=heading] span[title="${item.subject}"]`).waitFor({ state: "visible", timeout: 10_000 });
}

/** A fresh page load of an item (from about:blank, so it is never an in-app navigation). */
export async function openItem(page: Page, url: string, item: OutlookItem): Promise<void> {
  await page.goto("about:blank");
  await page.goto(url);
  await itemShown(page, item);
}
