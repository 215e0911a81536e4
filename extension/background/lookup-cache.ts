import { browser } from "wxt/browser";
import { serialQueue } from "./one-at-a-time.ts";
import { lookupEntryPrefix, lookupStorageKey, type LookupCacheEntry } from "../messaging/lookup-cache-entry.ts";

// Enough for a day of threads; the oldest go first.
const maxEntries = 300;
/** Which pages are cached and when each was fetched, for eviction: pageKey → fetchedAt. */
const indexKey = "lookupIndex";
/** Where an earlier version kept every entry in one object. */
const legacyKey = "lookupCache";

// Lookups land concurrently; the index is read, changed and written back, so
// its updates run one at a time (this worker is the cache's only writer).
const oneAtATime = serialQueue();

async function readIndex(): Promise<Record<string, string>> {
  const items = await browser.storage.local.get(indexKey);
  return { ...((items[indexKey] as Record<string, string> | undefined) ?? {}) };
}

export function storeLookup(pageKey: string, entry: LookupCacheEntry): Promise<void> {
  return oneAtATime(async () => {
    const index = await readIndex();
    index[pageKey] = entry.fetchedAt;
    const pages = Object.keys(index);
    const evicted: string[] = [];
    if (pages.length > maxEntries) {
      pages.sort((a, b) => index[a]!.localeCompare(index[b]!));
      for (const old of pages.slice(0, pages.length - maxEntries)) {
        delete index[old];
        evicted.push(lookupStorageKey(old));
      }
    }
    await browser.storage.local.set({ [lookupStorageKey(pageKey)]: entry, [indexKey]: index });
    if (evicted.length > 0) await browser.storage.local.remove(evicted);
  });
}

/** Every cached lookup, indexed or not (a new API or token must not show the old workspace's partners). */
export function forgetAll(): Promise<void> {
  return oneAtATime(async () => {
    const everything = await browser.storage.local.get(null);
    const keys = Object.keys(everything).filter((key) => key.startsWith(lookupEntryPrefix));
    await browser.storage.local.remove([...keys, indexKey, legacyKey]);
  });
}

/** An update from the single-object cache leaves nothing behind. */
export async function dropLegacyCache(): Promise<void> {
  await browser.storage.local.remove(legacyKey);
}
