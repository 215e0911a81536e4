import { beforeEach, describe, expect, it } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { forgetAll, storeLookup } from "../../extension/background/lookup-cache.ts";
import { lookupInputsKey, readLookupEntry, type LookupCacheEntry as Entry } from "../../extension/messaging/lookup-cache-entry.ts";

const entry = (name: string, fetchedAt: string): Entry => ({
  inputs: `e:${name}@acme.co.uk|o:|d:|s:`,
  data: { matches: [] },
  fetchedAt,
  people: { emails: [`${name}@acme.co.uk`], companyDomains: ["acme.co.uk"] },
});

const storedKeys = async () => Object.keys(await fakeBrowser.storage.local.get(null)).filter((key) => key.startsWith("lookup:")).sort();

beforeEach(() => fakeBrowser.reset());

describe("lookupInputsKey", () => {
  it("is the same whatever the order, case and repeats of the page's addresses", () => {
    expect(lookupInputsKey({ emails: ["B@x.com", "a@x.com", "a@x.com"], ownAddress: "Me@y.com" }))
      .toBe(lookupInputsKey({ emails: ["a@x.com", "b@x.com"], ownAddress: "me@y.com" }));
  });

  it("differs when someone joins the thread or the signed-in account changes", () => {
    const base = lookupInputsKey({ emails: ["a@x.com"], ownAddress: "me@y.com" });
    expect(lookupInputsKey({ emails: ["a@x.com", "c@x.com"], ownAddress: "me@y.com" })).not.toBe(base);
    expect(lookupInputsKey({ emails: ["a@x.com"], ownAddress: "other@y.com" })).not.toBe(base);
  });

  it("keeps Salesforce ids' case (15-character ids differ only by case) but not the website's", () => {
    expect(lookupInputsKey({ salesforce: ["001aa000003abcd"] })).not.toBe(lookupInputsKey({ salesforce: ["001AA000003ABCD"] }));
    expect(lookupInputsKey({ salesforce: ["001aa000003abcd"], domains: ["Acme.CO.uk"] }))
      .toBe(lookupInputsKey({ salesforce: ["001aa000003abcd"], domains: ["acme.co.uk"] }));
  });
});

describe("the lookup inputs of HubSpot and LinkedIn pages", () => {
  it("differ by the record's id or the page's name, and leave the key of a page that asks neither as it was", () => {
    const company = lookupInputsKey({ hubspot: ["7001"], domains: ["piedpiper.com"] });
    expect(lookupInputsKey({ hubspot: ["7002"], domains: ["piedpiper.com"] })).not.toBe(company);
    expect(lookupInputsKey({ domains: ["piedpiper.com"] })).not.toBe(company);
    expect(lookupInputsKey({ linkedin: ["aviato"] })).not.toBe(lookupInputsKey({ linkedin: ["endframe"] }));
    expect(lookupInputsKey({ linkedin: ["Aviato"] })).toBe(lookupInputsKey({ linkedin: ["aviato"] }));
    expect(lookupInputsKey({ domains: ["acme.co.uk"], hubspot: [], linkedin: [] })).toBe("e:|o:|d:acme.co.uk|s:");
  });
});

describe("the lookup cache", () => {
  it("gives a page back its own entry, and nothing for a page never looked up", async () => {
    await storeLookup("gmail:mail.google.com/mail/u/0/#T1", entry("ada", "2026-11-23T10:00:00.000Z"));
    expect(await readLookupEntry("gmail:mail.google.com/mail/u/0/#T1")).toEqual(entry("ada", "2026-11-23T10:00:00.000Z"));
    expect(await readLookupEntry("gmail:mail.google.com/mail/u/1/#T1")).toBeNull();
  });

  it("keeps every one of many lookups that land at once", async () => {
    await Promise.all(Array.from({ length: 40 }, (_, i) => storeLookup(`page-${i}`, entry(`p${i}`, `2026-11-23T10:00:${String(i).padStart(2, "0")}.000Z`))));
    expect(await storedKeys()).toHaveLength(40);
    const index = (await fakeBrowser.storage.local.get("lookupIndex")).lookupIndex as Record<string, string>;
    expect(Object.keys(index)).toHaveLength(40);
  });

  it("drops the oldest pages beyond 300, entry and index alike", async () => {
    const at = (i: number) => new Date(Date.UTC(2026, 10, 1) + i * 60_000).toISOString();
    // Stored newest-first, so eviction must go by fetch time, not by arrival.
    for (let i = 304; i >= 0; i -= 1) await storeLookup(`page-${i}`, entry(`p${i}`, at(i)));
    const keys = await storedKeys();
    expect(keys).toHaveLength(300);
    for (let i = 0; i < 5; i += 1) expect(keys).not.toContain(`lookup:page-${i}`);
    expect(keys).toContain("lookup:page-5");
    const index = (await fakeBrowser.storage.local.get("lookupIndex")).lookupIndex as Record<string, string>;
    expect(Object.keys(index)).toHaveLength(300);
  });

  it("forgets every entry (indexed or not) and the old single-object cache, and nothing else", async () => {
    await storeLookup("page-a", entry("a", "2026-11-23T10:00:00.000Z"));
    await fakeBrowser.storage.local.set({ "lookup:orphan": entry("b", "2026-11-23T10:00:00.000Z"), lookupCache: { old: 1 }, apiUrl: "http://127.0.0.1:8787" });
    await forgetAll();
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ apiUrl: "http://127.0.0.1:8787" });
  });
});
