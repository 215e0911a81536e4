import { storage } from "wxt/utils/storage";
import { lookupEntryItem, lookupEntryPrefix, type LookupCacheEntry } from "../messaging/lookup-cache-entry.ts";
import { serialQueue } from "./one-at-a-time.ts";

// Enough for a day of threads; the oldest go first.
const maxEntries = 300;
/** Which pages are cached and when each was fetched, for eviction: pageKey → fetchedAt. */
const indexItem = storage.defineItem<Record<string, string>>("local:lookupIndex", { fallback: {} });
/** Where an earlier version kept every entry in one object. */
const legacyItem = storage.defineItem<unknown>("local:lookupCache");

// Lookups land concurrently; the index is read, changed and written back, so
// its updates run one at a time (this worker is the cache's only writer).
const oneAtATime = serialQueue();

export function storeLookup(pageKey: string, entry: LookupCacheEntry): Promise<void> {
  return oneAtATime(async () => {
    const index = { ...(await indexItem.getValue()) };
    index[pageKey] = entry.fetchedAt;
    const pages = Object.keys(index);
    const evicted: string[] = [];
    if (pages.length > maxEntries) {
      pages.sort((a, b) => index[a]!.localeCompare(index[b]!));
      for (const old of pages.slice(0, pages.length - maxEntries)) {
        delete index[old];
        evicted.push(old);
      }
    }
    await storage.setItems([{ item: lookupEntryItem(pageKey), value: entry }, { item: indexItem, value: index }]);
    if (evicted.length > 0) await storage.removeItems(evicted.map(lookupEntryItem));
  });
}

/** Resolves once every cache write queued so far has landed: a lookup's reply does not wait for its own. */
export function cacheWritesSettled(): Promise<void> {
  return oneAtATime(async () => {});
}

/** Every cached lookup, indexed or not (a new API or token must not show the old workspace's partners). */
export function forgetAll(): Promise<void> {
  return oneAtATime(async () => {
    const everything = await storage.snapshot("local");
    const pages = Object.keys(everything).filter((key) => key.startsWith(lookupEntryPrefix)).map((key) => key.slice(lookupEntryPrefix.length));
    await storage.removeItems([...pages.map(lookupEntryItem), indexItem, legacyItem]);
  });
}

/** An update from the single-object cache leaves nothing behind. */
export async function dropLegacyCache(): Promise<void> {
  await legacyItem.removeValue();
}
