import { IDBFactory } from "fake-indexeddb";
import { beforeEach } from "vitest";

// The extension origin's IndexedDB (background/credential-store.ts), empty for each test like fakeBrowser's storage.
beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});
