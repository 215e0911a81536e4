/**
 * Part of bench/extension-paint.ts: the sidebar's paint from the lookup cache
 * beside Outlook on the web's reading pane, next to Gmail's figures. The e2e
 * Outlook fixture (test/e2e/fixtures/outlook.html) is served at
 * https://outlook.office.com/ (bench/extension-browser.ts); "thread in the
 * DOM" is the reading pane's first sender line appearing for the URL's item.
 * Only the warm cache is measured here: a miss costs the same API path as on
 * Gmail.
 */
import type { Page } from "playwright-core";
import { outlookItem, outlookItemUrl, type OutlookItem } from "../test/e2e/harness/outlook.ts";

interface PaintVisits<V> {
  /** A fresh page load of the URL (from about:blank), once its sidebar is painted. */
  load(url: string): Promise<V>;
  /** The visit to the URL whose page was drawn at or after `since` (the page's clock). */
  visitSince(url: string, since: number): Promise<V>;
  /** Whether the visit's sidebar was painted from the cache. */
  fromCache(visit: V): boolean;
}

/** Outlook's in-app navigation: a click on the item's list row (pushState), the fixture draws it 250 ms later. */
async function clickRow(page: Page, key: OutlookItem["key"]): Promise<number> {
  return page.evaluate((rowKey) => {
    const now = performance.now();
    document.querySelector<HTMLElement>(`[role=option][data-item-key="${rowKey}"]`)!.click();
    return now;
  }, key);
}

export async function outlookPaintScenarios<V>(page: Page, visits: PaintVisits<V>, runs: number): Promise<{ name: string; visits: V[]; discarded: number }[]> {
  const items = [outlookItem("A"), outlookItem("B")];
  const urls = items.map(outlookItemUrl);
  // Warm up: each item twice (fills the lookup cache).
  for (const url of [...urls, ...urls]) await visits.load(url);
  const warmLoad: V[] = [];
  for (let run = 0; run < runs; run += 1) warmLoad.push(await visits.load(urls[run % 2]!));
  await visits.load(urls[0]!);
  const warmNav: V[] = [];
  for (let run = 0; run < runs; run += 1) {
    const to = (run + 1) % 2;
    const since = await clickRow(page, items[to]!.key);
    warmNav.push(await visits.visitSince(urls[to]!, since));
  }
  for (const [name, list] of [["page load", warmLoad], ["in-app navigation", warmNav]] as const) {
    const misses = list.filter((visit) => !visits.fromCache(visit)).length;
    if (misses > 0) throw new Error(`Outlook, cache warm, ${name}: ${misses} of ${list.length} visits painted no cached lookup`);
  }
  return [
    { name: "Outlook: cache warm, page load", visits: warmLoad, discarded: 0 },
    { name: "Outlook: cache warm, in-app navigation (pushState)", visits: warmNav, discarded: 0 },
  ];
}
