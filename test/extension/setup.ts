import { IDBFactory } from "fake-indexeddb";
import { beforeEach } from "vitest";

// The extension origin's IndexedDB (background/credential-store.ts), empty for each test like fakeBrowser's storage.
beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  // Imported here, once WXT's fake browser is in place; the same module the test imports.
  const { forgetRememberedCredentials } = await import("../../extension/background/credential-store.ts");
  forgetRememberedCredentials();
});
