import { storage } from "wxt/utils/storage";

/**
 * What someone has typed into a form, kept in extension storage on every
 * keystroke, so closing the sidebar, navigating away or a crash loses nothing.
 * Cleared only once the write is saved (or queued to sync). One storage item
 * per form and page ("draft:<key>").
 */
function draftItem<T>(key: string) {
  return storage.defineItem<T | null>(`local:draft:${key}`, { fallback: null });
}

export function loadDraft<T>(key: string): Promise<T | null> {
  return draftItem<T>(key).getValue();
}

export function saveDraft(key: string, value: unknown): void {
  void draftItem(key).setValue(value);
}

/** Saves a draft and resolves once it is stored: for a form opened prefilled right after. */
export async function writeDraft(key: string, value: unknown): Promise<void> {
  await draftItem(key).setValue(value);
}

export async function clearDraft(key: string): Promise<void> {
  await draftItem(key).removeValue();
}
