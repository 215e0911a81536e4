import { browser } from "wxt/browser";
import { storage } from "wxt/utils/storage";

/**
 * Where the API URL and token live: never in `storage.local`, which every
 * content script can read and write (a content script that could change the
 * URL could send the token to another server). The lasting copy is in the
 * extension origin's IndexedDB, which only the extension's own pages and
 * worker can open (a content script's IndexedDB is the page's); a copy in
 * `storage.session`, kept to trusted contexts, saves opening the database each
 * time the worker wakes, and goes when the browser closes.
 */
export interface StoredCredentials {
  apiUrl: string;
  token: string;
  /** Who the token belongs to, from GET /v1/me when it was saved; null when the API could not be asked then. */
  member: { id: string | null; email: string; workspaceId: string | null; workspaceName: string } | null;
  /** The API answered 401 to this token: nothing is sent with it again until the user signs in again. */
  rejected: boolean;
}

const databaseName = "mutual";
const storeName = "credentials";
const recordKey = "current";
const sessionItem = storage.defineItem<StoredCredentials | null>("session:credentials", { fallback: null });

function openDatabase(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(databaseName, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(storeName);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error("IndexedDB would not open"));
  });
}

async function inDatabase<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await openDatabase();
  try {
    return await new Promise<T>((resolve, reject) => {
      const transaction = db.transaction(storeName, mode);
      const request = work(transaction.objectStore(storeName));
      transaction.oncomplete = () => resolve(request.result);
      transaction.onerror = () => reject(transaction.error ?? new Error("IndexedDB transaction failed"));
    });
  } finally {
    db.close();
  }
}

let sessionRestricted = false;
/** Session storage is trusted-only by default in Chrome; said explicitly, in case a default changes. */
async function restrictSession(): Promise<void> {
  if (sessionRestricted) return;
  sessionRestricted = true;
  const session = browser.storage.session as { setAccessLevel?: (options: { accessLevel: string }) => Promise<void> };
  try {
    await session.setAccessLevel?.({ accessLevel: "TRUSTED_CONTEXTS" });
  } catch {
    // Not every browser (nor the test fake) has it; session storage is trusted-only there anyway.
  }
}

// This context's own copy: every lookup read the session copy (2–3 ms on the
// sidebar's path to the API). Any change to the session copy, from any
// context, replaces it; a removed one makes the next read look again.
let remembered: StoredCredentials | undefined;
let unwatch: (() => void) | undefined;

function remember(credentials: StoredCredentials | null): void {
  unwatch ??= sessionItem.watch((value) => {
    remembered = value ?? undefined;
  });
  remembered = credentials ?? undefined;
}

/**
 * Drops this context's copy. Chrome reports every change to the session copy;
 * a test set-up that swaps the whole storage out from under the module does
 * not, so it calls this.
 */
export function forgetRememberedCredentials(): void {
  unwatch?.();
  unwatch = undefined;
  remembered = undefined;
}

export async function readCredentials(): Promise<StoredCredentials | null> {
  if (remembered) return remembered;
  await restrictSession();
  const cached = await sessionItem.getValue();
  if (cached) {
    remember(cached);
    return cached;
  }
  const stored = (await inDatabase("readonly", (store) => store.get(recordKey))) as StoredCredentials | undefined;
  if (!stored) return null;
  await sessionItem.setValue(stored);
  remember(stored);
  return stored;
}

export async function writeCredentials(credentials: StoredCredentials): Promise<void> {
  await restrictSession();
  await inDatabase("readwrite", (store) => store.put(credentials, recordKey));
  await sessionItem.setValue(credentials);
  remember(credentials);
}
