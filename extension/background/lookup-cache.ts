import { storage } from "wxt/utils/storage";
import type { LookupResult } from "../../shared/schemas/lookup.ts";

interface Entry {
  data: LookupResult;
  fetchedAt: string;
}

// Enough for a day of threads; the oldest go first.
const maxEntries = 300;
const cacheItem = storage.defineItem<Record<string, Entry>>("local:lookupCache", { fallback: {} });

/** One key per set of people/records, whatever order the page lists them in. */
export function lookupKey(query: { emails: string[]; domains: string[]; salesforce: string[] }): string {
  const part = (values: string[]) => [...new Set(values.map((v) => v.toLowerCase()))].sort().join(",");
  return `e:${part(query.emails)}|d:${part(query.domains)}|s:${query.salesforce.slice().sort().join(",")}`;
}

export async function cachedLookup(key: string): Promise<Entry | null> {
  return (await cacheItem.getValue())[key] ?? null;
}

export async function storeLookup(key: string, data: LookupResult, fetchedAt: string): Promise<void> {
  // A copy: the storage helper hands out its shared fallback object when empty.
  const entries = { ...(await cacheItem.getValue()) };
  entries[key] = { data, fetchedAt };
  const keys = Object.keys(entries);
  if (keys.length > maxEntries) {
    keys.sort((a, b) => entries[a]!.fetchedAt.localeCompare(entries[b]!.fetchedAt));
    for (const old of keys.slice(0, keys.length - maxEntries)) delete entries[old];
  }
  await cacheItem.setValue(entries);
}

export async function forgetAll(): Promise<void> {
  await cacheItem.setValue({});
}
