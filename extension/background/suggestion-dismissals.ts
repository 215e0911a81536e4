import { storage } from "wxt/utils/storage";
import type { Reply } from "../messaging/protocol.ts";
import { loadSignedIn } from "./settings.ts";

/**
 * The promise suggestions the user dismissed (or logged from the list), per
 * member: "<message id>|<sentence>". Kept by the background, which alone
 * knows who is signed in.
 */
const keptPerMember = 2_000;
export const dismissedSuggestionsItem = storage.defineItem<Record<string, string[]>>("local:dismissedSuggestions", { fallback: {} });

async function memberKey(): Promise<string | null> {
  const identity = (await loadSignedIn())?.identity;
  return identity ? `${identity.apiUrl}|${identity.memberId ?? identity.tokenHash}` : null;
}

export async function dismissedSuggestions(): Promise<Reply<string[]>> {
  const key = await memberKey();
  return { ok: true, data: key ? ((await dismissedSuggestionsItem.getValue())[key] ?? []) : [] };
}

export async function dismissSuggestion(message: { key: string }): Promise<Reply<null>> {
  const key = await memberKey();
  if (!key) return { ok: true, data: null };
  // A copy: the item's fallback object is shared, and must never be changed in place.
  const all = { ...(await dismissedSuggestionsItem.getValue()) };
  all[key] = [...new Set([...(all[key] ?? []), message.key])].slice(-keptPerMember);
  await dismissedSuggestionsItem.setValue(all);
  return { ok: true, data: null };
}
