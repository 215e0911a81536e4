import { browser } from "wxt/browser";
import { storage } from "wxt/utils/storage";
import type { ErrorInfo, PendingWrite } from "../messaging/protocol.ts";
import { ApiUnreachable, callApi, errorOf } from "./api-client.ts";
import { serialQueue } from "./one-at-a-time.ts";
import { loadSettings } from "./settings.ts";

/**
 * Every write goes through here: saved to extension storage first (so a
 * closed tab, a sleeping service worker or a browser restart loses nothing),
 * then sent with its own Idempotency-Key until the API has it (so a retry
 * after a lost answer never writes twice).
 */
const outboxItem = storage.defineItem<PendingWrite[]>("local:outbox", { fallback: [] });
const alarmName = "mutual-outbox";

// Retries: 2 s, 4 s, 8 s … up to 5 minutes apart.
const firstRetryMs = 2_000;
const maxRetryMs = 5 * 60_000;

// Every change reads the whole list and writes it back: one at a time, or a
// write queued while another's retry is recorded would be overwritten.
const oneAtATime = serialQueue();

let flushing: Promise<void> | null = null;
// Writes being sent right now; the same Idempotency-Key would make a second
// send harmless, but there is no reason to make one.
const inFlight = new Set<string>();
let wakeTimer: ReturnType<typeof setTimeout> | undefined;

export async function pendingWrites(): Promise<PendingWrite[]> {
  return outboxItem.getValue();
}

export async function enqueue(write: Omit<PendingWrite, "id" | "idempotencyKey" | "createdAt" | "attempts" | "nextAttemptAt" | "failed" | "lastError">): Promise<PendingWrite> {
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
  result: "synced" | "queued" | "refused";
  response?: unknown;
  error?: ErrorInfo;
}

/** Sends one write now. Unreachable or 5xx: stays queued with backoff. 4xx: refused, kept for the user. */
async function attempt(entry: PendingWrite): Promise<SentWrite> {
  if (inFlight.has(entry.id)) return { entry, result: "queued" };
  inFlight.add(entry.id);
  try {
    return await send(entry);
  } finally {
    inFlight.delete(entry.id);
  }
}

async function send(entry: PendingWrite): Promise<SentWrite> {
  const settings = await loadSettings();
  if (!settings) {
    await update(entry.id, (e) => ({ ...e, lastError: "Mutual is not connected yet: open its options to add the API URL and token." }));
    return { entry, result: "queued" };
  }
  try {
    const response = await callApi(settings, entry.path, { method: entry.method, body: entry.body, idempotencyKey: entry.idempotencyKey });
    if (response.status < 300) {
      await discard(entry.id);
      return { entry, result: "synced", response: response.body };
    }
    if (response.status >= 500 || response.status === 429 || response.status === 401) {
      // 401: a token fixed on the options page makes the same write good.
      throw new ApiUnreachable(errorOf(response).message);
    }
    const error = errorOf(response);
    await update(entry.id, (e) => ({ ...e, failed: error, lastError: error.message }));
    return { entry, result: "refused", error };
  } catch (error) {
    if (!(error instanceof ApiUnreachable)) throw error;
    const attempts = entry.attempts + 1;
    const delay = Math.min(maxRetryMs, firstRetryMs * 2 ** (attempts - 1));
    await update(entry.id, (e) => ({ ...e, attempts, lastError: error.message, nextAttemptAt: new Date(Date.now() + delay).toISOString() }));
    return { entry, result: "queued" };
  }
}

/** Sends a newly queued write at once, so the form knows whether it synced. */
export async function sendNow(entry: PendingWrite): Promise<SentWrite> {
  const result = await attempt(entry);
  await scheduleWake();
  return result;
}

/** Sends everything that is due, oldest first, one at a time. */
export function flush(force = false): Promise<void> {
  flushing ??= (async () => {
    try {
      for (const entry of await outboxItem.getValue()) {
        if (entry.failed) continue;
        if (!force && Date.parse(entry.nextAttemptAt) > Date.now()) continue;
        const sent = await attempt(entry);
        if (sent.result === "queued") break; // the API is down: the rest would fail too
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
 * survives the worker being stopped or the browser restarting.
 */
async function scheduleWake(): Promise<void> {
  const waiting = (await outboxItem.getValue()).filter((entry) => !entry.failed);
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
