import { browser } from "wxt/browser";
import type { ErrorInfo, OutboxView, PendingWrite, WriteIdentity } from "../messaging/protocol.ts";
import { outboxItem } from "../messaging/outbox-item.ts";
import { outboxView, sameIdentity } from "../messaging/write-identity.ts";
import { ApiUnreachable, callApi, errorOf, signInAgain } from "./api-client.ts";
import { serialQueue } from "./one-at-a-time.ts";
import { loadSignedIn, markRejected, type SignedIn } from "./settings.ts";

/**
 * Every write goes through here: saved to extension storage first (so a
 * closed tab, a sleeping service worker or a browser restart loses nothing),
 * then sent with its own Idempotency-Key until the API has it (so a retry
 * after a lost answer never writes twice). Each write is bound to the API and
 * member it was made as, and sent only as them: a write made before a switch
 * to another workspace waits for a sign-in as its own member, or for the user
 * to discard it.
 */
const alarmName = "mutual-outbox";

// Retries: 2 s, 4 s, 8 s … up to 5 minutes apart, unless the API says when (Retry-After).
const firstRetryMs = 2_000;
const maxRetryMs = 5 * 60_000;

// Every change reads the whole list and writes it back: one at a time, or a
// write queued while another's retry is recorded would be overwritten.
const oneAtATime = serialQueue();

let flushing: Promise<void> | null = null;
// The send of each write being sent right now, claimed before the first
// await: a flush that comes upon a write the form is sending waits for that
// send's answer instead of making a second one (the same Idempotency-Key
// would make it harmless, but it would still be a second request).
const sending = new Map<string, Promise<SentWrite>>();
let wakeTimer: ReturnType<typeof setTimeout> | undefined;

/** Matches nobody: for entries queued by a version that did not record who made them. */
const unknownIdentity: WriteIdentity = { apiUrl: "", tokenHash: "", memberId: null, email: null, workspaceId: null, workspaceName: null };

export async function pendingWrites(): Promise<PendingWrite[]> {
  return (await outboxItem.getValue()).map((entry) => (entry.identity ? entry : { ...entry, identity: unknownIdentity }));
}

/** The outbox split by who may send what, for the sidebar. */
export async function viewOutbox(): Promise<OutboxView> {
  const signedIn = await loadSignedIn();
  return outboxView(await pendingWrites(), signedIn?.identity ?? null, signedIn?.rejected ?? false);
}

export type NewWrite = Pick<PendingWrite, "label" | "partnerId" | "method" | "path" | "body" | "identity" | "ifMatch">;

export async function enqueue(write: NewWrite): Promise<PendingWrite> {
  const now = new Date().toISOString();
  const entry: PendingWrite = {
    ...write, id: crypto.randomUUID(), idempotencyKey: crypto.randomUUID(), createdAt: now,
    attempts: 0, nextAttemptAt: now, failed: null, lastError: null,
  };
  await oneAtATime(async () => outboxItem.setValue([...(await outboxItem.getValue()), entry]));
  return entry;
}

export function discard(id: string): Promise<void> {
  return oneAtATime(async () => outboxItem.setValue((await outboxItem.getValue()).filter((entry) => entry.id !== id)));
}

/** On update from a version whose writes carried no identity: they were made as whoever is signed in. */
export async function bindUnboundWrites(): Promise<void> {
  const identity = (await loadSignedIn())?.identity;
  if (!identity) return;
  await oneAtATime(async () => {
    const entries = await outboxItem.getValue();
    if (entries.every((entry) => entry.identity)) return;
    await outboxItem.setValue(entries.map((entry) => (entry.identity ? entry : { ...entry, identity })));
  });
}

function update(id: string, change: (entry: PendingWrite) => PendingWrite | null): Promise<void> {
  return oneAtATime(() => rewrite(id, change));
}

async function rewrite(id: string, change: (entry: PendingWrite) => PendingWrite | null): Promise<void> {
  const entries = await outboxItem.getValue();
  const next: PendingWrite[] = [];
  for (const entry of entries) {
    if (entry.id !== id) next.push(entry);
    else {
      const changed = change(entry);
      if (changed) next.push(changed);
    }
  }
  await outboxItem.setValue(next);
}

export interface SentWrite {
  entry: PendingWrite;
  result: "synced" | "queued" | "refused" | "signInNeeded";
  response?: unknown;
  error?: ErrorInfo;
}

/**
 * The writes the sidebar makes (handle-request.ts's routes). Content scripts
 * can write storage.local: an entry planted there is never sent with the
 * token unless it is one of these, which they may ask for anyway.
 */
const sidebarWrites: [PendingWrite["method"], RegExp][] = [
  ["POST", /^\/v1\/partners$/],
  ["POST", /^\/v1\/partners\/[\w-]+\/(commitments|meetings|interactions|contacts|pulse)$/],
  ["POST", /^\/v1\/partners\/[\w-]+\/interactions\/batch$/],
  ["PATCH", /^\/v1\/(partners|commitments|referrals)\/[\w-]+$/],
  ["PATCH", /^\/v1\/meetings\/[\w-]+$/],
  ["DELETE", /^\/v1\/(contacts|interactions|commitments|referrals|goals|meetings)\/[\w-]+$/],
  ["POST", /^\/v1\/(contacts|interactions|commitments|referrals|goals|meetings)\/[\w-]+\/restore$/],
];
const notASidebarWrite: ErrorInfo = { code: "not_a_sidebar_write", message: "This is not a change Mutual's sidebar makes; it was not sent." };

/** Sends one write now, if it may be sent as whoever is signed in. */
async function attempt(entry: PendingWrite, signedIn: SignedIn | null): Promise<SentWrite> {
  if (!signedIn || !sameIdentity(entry.identity, signedIn.identity) || signedIn.rejected) return { entry, result: "signInNeeded", error: signInAgain };
  if (!sidebarWrites.some(([method, path]) => entry.method === method && path.test(entry.path))) {
    await update(entry.id, (e) => ({ ...e, failed: notASidebarWrite, lastError: notASidebarWrite.message }));
    return { entry, result: "refused", error: notASidebarWrite };
  }
  return send(entry, signedIn);
}

/** The write's running send if there is one, else `run` started now and known as it. */
function claim(id: string, run: () => Promise<SentWrite>): Promise<SentWrite> {
  const running = sending.get(id);
  if (running) return running;
  const sent = run().finally(() => sending.delete(id));
  sending.set(id, sent);
  return sent;
}

/** Unreachable, 429 or 5xx: stays queued with backoff. 401: waits for a new sign-in. Other 4xx: refused, kept for the user. */
async function send(entry: PendingWrite, signedIn: SignedIn): Promise<SentWrite> {
  let retryAfterMs: number | null = null;
  try {
    const response = await callApi(signedIn, entry.path, { method: entry.method, body: entry.body, idempotencyKey: entry.idempotencyKey, ifMatch: entry.ifMatch });
    if (response.status < 300) {
      await discard(entry.id);
      return { entry, result: "synced", response: response.body };
    }
    if (response.status === 401) {
      // Retrying with a revoked token changes nothing (and counts as failed sign-ins): wait for the user.
      await markRejected(signedIn.token);
      await update(entry.id, (e) => ({ ...e, attempts: e.attempts + 1, lastError: signInAgain.message }));
      return { entry, result: "signInNeeded", error: signInAgain };
    }
    if (response.status >= 500 || response.status === 429) {
      retryAfterMs = response.retryAfterMs;
      throw new ApiUnreachable(errorOf(response).message);
    }
    const error = errorOf(response);
    // The workspace turned capture off since: the emails are not to be logged, and there is nothing for the user to fix.
    if (error.code === "capture_disabled") {
      await discard(entry.id);
      return { entry, result: "refused", error };
    }
    await update(entry.id, (e) => ({ ...e, failed: error, lastError: error.message }));
    return { entry, result: "refused", error };
  } catch (error) {
    if (!(error instanceof ApiUnreachable)) throw error;
    const attempts = entry.attempts + 1;
    const delay = retryAfterMs ?? Math.min(maxRetryMs, firstRetryMs * 2 ** (attempts - 1));
    await update(entry.id, (e) => ({ ...e, attempts, lastError: error.message, nextAttemptAt: new Date(Date.now() + delay).toISOString() }));
    return { entry, result: "queued" };
  }
}

/** Sends a newly queued write at once, so the form knows whether it synced. */
export async function sendNow(entry: PendingWrite): Promise<SentWrite> {
  const result = await claim(entry.id, async () => attempt(entry, await loadSignedIn()));
  await scheduleWake();
  return result;
}

/**
 * For a flush, whose list was read before it got to this write: another send
 * may have delivered it since, so it is read again once claimed. `null`: gone.
 */
function attemptIfStillQueued(entry: PendingWrite, signedIn: SignedIn): Promise<SentWrite | null> {
  let gone = false;
  const sent = claim(entry.id, async () => {
    const current = (await pendingWrites()).find((e) => e.id === entry.id);
    if (current) return attempt(current, signedIn);
    gone = true;
    return { entry, result: "synced" };
  });
  return sent.then((result) => (gone ? null : result));
}

/** Sends everything that is due and may be sent as whoever is signed in, oldest first, one at a time. */
export function flush(force = false): Promise<void> {
  flushing ??= (async () => {
    try {
      const signedIn = await loadSignedIn();
      if (!signedIn || signedIn.rejected) return;
      for (const entry of await pendingWrites()) {
        if (entry.failed || !sameIdentity(entry.identity, signedIn.identity)) continue;
        if (!force && Date.parse(entry.nextAttemptAt) > Date.now()) continue;
        const sent = await attemptIfStillQueued(entry, signedIn);
        if (!sent) continue;
        if (sent.result !== "synced" && sent.result !== "refused") break; // the API is down, busy or refuses the token: the rest would fail too
      }
    } finally {
      flushing = null;
      await scheduleWake();
    }
  })();
  return flushing;
}

/**
 * A timer for quick retries while the worker is awake, and an alarm that
 * survives the worker being stopped or the browser restarting. Only writes
 * that can be sent now count: the others wait for a sign-in, not a clock.
 */
async function scheduleWake(): Promise<void> {
  const signedIn = await loadSignedIn();
  const waiting = signedIn && !signedIn.rejected
    ? (await pendingWrites()).filter((entry) => !entry.failed && sameIdentity(entry.identity, signedIn.identity))
    : [];
  clearTimeout(wakeTimer);
  if (waiting.length === 0) {
    await browser.alarms.clear(alarmName);
    return;
  }
  const next = Math.min(...waiting.map((entry) => Date.parse(entry.nextAttemptAt)));
  const delay = Math.max(0, next - Date.now());
  wakeTimer = setTimeout(() => void flush(), delay);
  await browser.alarms.create(alarmName, { when: Date.now() + Math.max(delay, 30_000) });
}

export function isOutboxAlarm(alarm: { name: string }): boolean {
  return alarm.name === alarmName;
}
