import { storage } from "wxt/utils/storage";
import type { LookupResult } from "../../shared/schemas/lookup.ts";
import type { CachedLookup, LookupInput } from "./protocol.ts";

/**
 * The lookup cache, one storage entry per page (a Gmail thread, a Salesforce
 * record). The background writes it after each lookup; the content script
 * reads its page's entry straight from extension storage, without a round
 * trip through the background, and can start that read as soon as the URL
 * names the page, before the page has drawn it: the sidebar then paints from
 * cache in the same task that reads the page.
 */
export interface LookupCacheEntry {
  /** What the page showed when it was looked up (lookupInputsKey); a page whose people changed is a miss. */
  inputs: string;
  data: LookupResult;
  fetchedAt: string;
  people: CachedLookup<LookupResult>["people"];
}

/** Every entry's key in extension storage starts with this ("lookup:<pageKey>"). */
export const lookupEntryPrefix = "lookup:";

/** One page's entry: a storage item per page, so a read or write touches that page alone. */
export function lookupEntryItem(pageKey: string) {
  return storage.defineItem<LookupCacheEntry | null>(`local:${lookupEntryPrefix}${pageKey}`, { fallback: null });
}

/** The same inputs in any order and case give the same key. */
export function lookupInputsKey(input: LookupInput): string {
  const set = (values: string[] | undefined) => [...new Set((values ?? []).map((value) => value.trim().toLowerCase()))].sort().join(",");
  return [
    `e:${set(input.emails)}`,
    `o:${(input.ownAddress ?? "").trim().toLowerCase()}`,
    `d:${set(input.domains)}`,
    // Salesforce ids are case-sensitive (15-character ones differ only by case).
    `s:${[...new Set(input.salesforce ?? [])].sort().join(",")}`,
    // Only when asked, so entries of pages that never ask keep their keys.
    ...(input.hubspot?.length ? [`h:${set(input.hubspot)}`] : []),
    ...(input.linkedin?.length ? [`l:${set(input.linkedin)}`] : []),
  ].join("|");
}

export function readLookupEntry(pageKey: string): Promise<LookupCacheEntry | null> {
  return lookupEntryItem(pageKey).getValue();
}
