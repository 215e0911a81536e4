import { browser } from "wxt/browser";

/**
 * What someone has typed into a form, kept in extension storage on every
 * keystroke, so closing the sidebar, navigating away or a crash loses nothing.
 * Cleared only once the write is saved (or queued to sync).
 */
const prefix = "draft:";

export async function loadDraft<T>(key: string): Promise<T | null> {
  const stored = await browser.storage.local.get(prefix + key);
  return (stored[prefix + key] as T | undefined) ?? null;
}

export function saveDraft(key: string, value: unknown): void {
  void browser.storage.local.set({ [prefix + key]: value });
}

export async function clearDraft(key: string): Promise<void> {
  await browser.storage.local.remove(prefix + key);
}
