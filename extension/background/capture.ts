import { storage } from "wxt/utils/storage";
import { captureBatch, captureResult, captureSettings, type CaptureSettings } from "../../shared/schemas/capture.ts";
import type { CaptureReceipt, UndoReceipt } from "../messaging/capture-messages.ts";
import type { ErrorInfo, Reply, WriteIdentity } from "../messaging/protocol.ts";
import { ApiUnreachable, callApi, errorOf } from "./api-client.ts";
import { discard, enqueue, pendingWrites, sendNow } from "./outbox.ts";
import { loadSignedIn, type SignedIn } from "./settings.ts";

/**
 * Email capture, the background's half: checks the batch with the API's own
 * schema, asks the workspace whether it may capture (and keep subjects),
 * leaves out the messages this member's extension has already sent, and
 * queues the rest as one write in the outbox (bound to who is signed in,
 * kept while the API can't be reached). Undo removes exactly that capture.
 */

/** The workspace's capture settings, asked at most this often per sign-in. */
const settingsTtlMs = 5 * 60_000;
const settingsCache = new Map<string, { settings: CaptureSettings; at: number }>();

/** Message ids already sent for capture, per member: reopening a thread sends nothing, nor does one undone. */
const rememberedPerMember = 5_000;
export const capturedMessagesItem = storage.defineItem<Record<string, string[]>>("local:capturedMessages", { fallback: {} });

/** Whose remembered ids: the API and member (or token, when the member is not known). */
function memberKey(identity: WriteIdentity): string {
  return `${identity.apiUrl}|${identity.memberId ?? identity.tokenHash}`;
}

async function rememberSent(identity: WriteIdentity, ids: string[]): Promise<void> {
  // A copy: the item's fallback object is shared, and must never be changed in place.
  const all = { ...(await capturedMessagesItem.getValue()) };
  const key = memberKey(identity);
  all[key] = [...new Set([...(all[key] ?? []), ...ids])].slice(-rememberedPerMember);
  await capturedMessagesItem.setValue(all);
}

/**
 * What the workspace allows; null when the API can't be asked now. Then the
 * batch is queued anyway, without subjects: the API applies the setting when
 * it arrives (capture off → refused, and the outbox drops it).
 */
async function workspaceCaptureSettings(signedIn: SignedIn): Promise<CaptureSettings | null> {
  const key = `${memberKey(signedIn.identity)}|${signedIn.identity.tokenHash}`;
  const cached = settingsCache.get(key);
  if (cached && Date.now() - cached.at < settingsTtlMs) return cached.settings;
  try {
    const response = await callApi(signedIn, "/v1/workspace/settings", { timeoutMs: 5_000 });
    const parsed = captureSettings.safeParse((response.body as { capture?: unknown } | null)?.capture);
    if (response.status !== 200 || !parsed.success) return null;
    settingsCache.set(key, { settings: parsed.data, at: Date.now() });
    return parsed.data;
  } catch (error) {
    if (error instanceof ApiUnreachable) return null;
    throw error;
  }
}

/** On a new sign-in: ask the workspace again (it may be another workspace, or its settings changed). */
export function forgetCaptureSettings(): void {
  settingsCache.clear();
}

const receipt = (state: CaptureReceipt["state"], rest: Partial<CaptureReceipt> = {}): CaptureReceipt => ({
  state, count: 0, captureId: null, outboxId: null, error: null, ...rest,
});

const emailsLabel = (count: number) => (count === 1 ? "1 email" : `${count} emails`);

export async function captureEmails(message: { partnerId: string; partnerName: string; items: unknown }): Promise<Reply<CaptureReceipt>> {
  const batch = captureBatch.safeParse({ items: message.items });
  if (!batch.success) {
    const issues = batch.error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message }));
    return { ok: false, error: { code: "invalid_request", message: `${issues[0]?.path ?? "items"}: ${issues[0]?.message ?? "invalid"}`, issues } };
  }
  const signedIn = await loadSignedIn();
  if (!signedIn) return { ok: false, error: { code: "not_configured", message: "Mutual is not connected: add the API URL and token on its options page." } };
  const sent = new Set((await capturedMessagesItem.getValue())[memberKey(signedIn.identity)] ?? []);
  const fresh = batch.data.items.filter((item) => !sent.has(item.external_id));
  if (fresh.length === 0) return { ok: true, data: receipt("already") };
  const settings = await workspaceCaptureSettings(signedIn);
  if (settings && !settings.email) return { ok: true, data: receipt("off") };
  // Subjects only when the workspace keeps them: never sent to be dropped.
  const items = settings?.subjects ? fresh : fresh.map(({ subject: _subject, ...item }) => item);
  const entry = await enqueue({
    label: `${emailsLabel(items.length)} with ${message.partnerName} logged`, partnerId: message.partnerId,
    method: "POST", path: `/v1/partners/${message.partnerId}/interactions/batch`, body: { items }, identity: signedIn.identity,
  });
  const outcome = await sendNow(entry);
  if (outcome.result === "refused") return { ok: true, data: receipt(outcome.error?.code === "capture_disabled" ? "off" : "refused", { error: outcome.error ?? null }) };
  await rememberSent(signedIn.identity, items.map((item) => item.external_id));
  if (outcome.result !== "synced") return { ok: true, data: receipt(outcome.result, { count: items.length, outboxId: entry.id }) };
  const result = captureResult.safeParse(outcome.response);
  if (!result.success) return { ok: true, data: receipt("logged", { count: items.length }) };
  const created = result.data.created.length;
  return { ok: true, data: receipt(created === 0 ? "already" : "logged", { count: created, captureId: result.data.capture_id }) };
}

const undoFailed = (error: ErrorInfo): Reply<UndoReceipt> => ({ ok: false, error });

/** Before it has synced, Undo takes the batch out of the outbox; after, it asks the API to remove exactly that capture. */
export async function undoCapture(message: { captureId: string | null; outboxId: string | null }): Promise<Reply<UndoReceipt>> {
  if (message.outboxId && (await pendingWrites()).some((entry) => entry.id === message.outboxId)) {
    await discard(message.outboxId);
    return { ok: true, data: { undone: "outbox" } };
  }
  if (!message.captureId) return undoFailed({ code: "not_found", message: "This capture has already been sent and can't be found to undo." });
  const signedIn = await loadSignedIn();
  if (!signedIn) return undoFailed({ code: "not_configured", message: "Mutual is not connected." });
  try {
    const response = await callApi(signedIn, `/v1/captures/${encodeURIComponent(message.captureId)}`, { method: "DELETE" });
    return response.status === 204 ? { ok: true, data: { undone: "api" } } : undoFailed(errorOf(response));
  } catch (error) {
    if (error instanceof ApiUnreachable) return undoFailed({ code: "unreachable", message: `Can't reach the Mutual API at ${signedIn.apiUrl} to undo; try again.` });
    throw error;
  }
}
