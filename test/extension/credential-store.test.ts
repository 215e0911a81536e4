import { browser } from "wxt/browser";
import { describe, expect, it } from "vitest";
import { readCredentials, writeCredentials, type StoredCredentials } from "../../extension/background/credential-store.ts";

const saved = (token: string): StoredCredentials => ({ apiUrl: "http://127.0.0.1:8787", token, member: null, rejected: false });
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("the credential store's in-memory copy", () => {
  it("follows a change another context makes to the session copy", async () => {
    await writeCredentials(saved("mutual_first"));
    expect((await readCredentials())?.token).toBe("mutual_first");
    // Another extension page writes the session copy (and the database) itself.
    await browser.storage.session.set({ credentials: saved("mutual_second") });
    await settled();
    expect((await readCredentials())?.token).toBe("mutual_second");
  });

  it("looks in the database again once the session copy is gone", async () => {
    await writeCredentials(saved("mutual_kept"));
    await browser.storage.session.remove("credentials");
    await settled();
    expect((await readCredentials())?.token).toBe("mutual_kept");
    expect(((await browser.storage.session.get("credentials")) as { credentials?: StoredCredentials }).credentials?.token).toBe("mutual_kept");
  });

  it("reads storage once, not on every lookup", async () => {
    await writeCredentials(saved("mutual_once"));
    const reads: string[] = [];
    const get = browser.storage.session.get.bind(browser.storage.session);
    browser.storage.session.get = ((keys: never) => (reads.push(String(keys)), get(keys))) as typeof browser.storage.session.get;
    try {
      for (let i = 0; i < 5; i++) expect((await readCredentials())?.token).toBe("mutual_once");
    } finally {
      browser.storage.session.get = get;
    }
    expect(reads).toEqual([]);
  });
});
