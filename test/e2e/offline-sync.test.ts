/**
 * Writing while the API is down: the promise is kept in the extension's
 * outbox, the sidebar says so, and once the same API comes back (same port,
 * same data) it is sent by itself, exactly once, also when Chrome stopped the
 * extension's service worker in between.
 *
 * This file stops and restarts the run's shared wrangler dev; the e2e project
 * runs files one at a time, so no other file sees the API down.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiClient, type Commitment } from "./harness/api.ts";
import { ExtensionBrowser, useExtensionBrowser } from "./harness/browser.ts";
import { e2eEnv, startApi, stopApi } from "./harness/context.ts";
import { expectAbsent, expectText, expectVisible } from "./harness/expect.ts";
import { threadUrl } from "./harness/mailbox.ts";

const env = e2eEnv();
const api = apiClient(env.apiUrl, env.token);
const { acme } = env.seed;
const run = Date.now().toString(36);
/** How long after the API is back the write must have landed. */
const syncWithinMs = 40_000;
let browser: ExtensionBrowser | undefined;
useExtensionBrowser(() => browser);

beforeAll(async () => {
  browser = await ExtensionBrowser.launch(env);
  await browser.signIn();
});
afterAll(async () => {
  // Never leave the shared API down for the next file, whatever happened here.
  await startApi(env);
  await browser?.close();
});

interface QueuedWrite { label: string; path: string; idempotencyKey: string; attempts: number; failed: unknown }

async function outbox(): Promise<QueuedWrite[]> {
  return ((await browser!.storage(["outbox"])).outbox as QueuedWrite[] | undefined) ?? [];
}

async function withTitle(title: string): Promise<Commitment[]> {
  return (await api.list<Commitment>(`/v1/commitments?partner_id=${acme.id}`)).filter((commitment) => commitment.title === title);
}

/** Opens thread A with the API up, stops the API, logs a promise; checks it is shown and kept as waiting to sync. */
async function promiseWhileApiDown(title: string): Promise<void> {
  const b = browser!;
  await b.openThread("A");
  const card = b.partnerCard(acme.name);
  await expectVisible(card, `the "${acme.name}" card`);

  await stopApi(env);
  await card.getByRole("button", { name: "Log a promise", exact: true }).click();
  const form = card.getByRole("form", { name: `Log a promise with ${acme.name}` });
  await form.getByLabel("What was promised").fill(title);
  await form.getByRole("button", { name: "Tomorrow", exact: true }).click();
  await form.getByRole("button", { name: "Save promise", exact: true }).click();

  await expectText(b.announcement(), `Promise "${title}": saved, will sync when Mutual's API answers.`, "the announcement");
  const pending = b.panel().getByRole("region", { name: "Waiting to sync" });
  await expectVisible(pending.getByRole("heading", { name: "Saved here, waiting to sync", exact: true }), "the pending writes section");
  const item = pending.locator("li", { hasText: `Promise "${title}"` });
  await expectText(item, "saved, will sync", "the pending promise");
  await expectVisible(pending.getByRole("button", { name: "Retry now", exact: true }), 'the "Retry now" button');

  const queued = (await outbox()).filter((write) => write.label === `Promise "${title}"`);
  expect(queued).toHaveLength(1);
  expect(queued[0]).toMatchObject({ path: `/v1/partners/${acme.id}/commitments`, failed: null });
  expect(queued[0]!.attempts).toBeGreaterThanOrEqual(1);
  expect(queued[0]!.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
}

/** Restarts the API, then waits (without touching the browser) for the write to land once. */
async function restartAndAwaitSync(title: string): Promise<number> {
  await startApi(env);
  const back = Date.now();
  await expect.poll(async () => (await withTitle(title)).length, {
    timeout: syncWithinMs, interval: 500, message: `"${title}" should reach the API within ${syncWithinMs / 1000} s of its restart`,
  }).toBeGreaterThan(0);
  const tookMs = Date.now() - back;

  // Give any further retry time to (wrongly) write it again, then count.
  await expect.poll(async () => (await outbox()).length, { timeout: 10_000, message: "the outbox should empty" }).toBe(0);
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  const landed = await withTitle(title);
  expect(landed).toHaveLength(1);
  expect(landed[0]).toMatchObject({ owed_by: "us", status: "open", source_url: threadUrl("A") });
  return tookMs;
}

describe("Writing while the API is down", () => {
  let syncedTitle: string | null = null;

  it("keeps a promise while the API is down, then syncs it exactly once when the API is back", async () => {
    const title = `Book the joint webinar room ${run}`;
    await promiseWhileApiDown(title);
    const tookMs = await restartAndAwaitSync(title);
    console.info(`synced ${(tookMs / 1000).toFixed(1)} s after the API was back`);
    syncedTitle = title;
  });

  it("stops showing the promise as waiting to sync once it has synced", async () => {
    if (!syncedTitle) throw new Error("the previous test did not get as far as syncing a promise");
    const b = browser!;
    // Nothing was done in the page since the write synced: the sidebar should notice on its own.
    await expectAbsent(b.panel().getByRole("region", { name: "Waiting to sync" }), '"Saved here, waiting to sync"', 10_000);
    await expectText(b.partnerCard(acme.name).getByRole("region", { name: "Open commitments" }), syncedTitle, "the synced promise in the sidebar", 10_000);
  });

  it("still syncs a queued promise after Chrome stopped the extension's service worker", async () => {
    const b = browser!;
    const title = `Send the renewal quote ${run}`;
    await promiseWhileApiDown(title);
    // Chrome stops an idle extension worker after 30 s; its retry timer goes with it.
    await b.stopServiceWorker();
    const tookMs = await restartAndAwaitSync(title);
    console.info(`synced ${(tookMs / 1000).toFixed(1)} s after the API was back; worker states: ${b.workerStatusLog.join(", ")}`);
    // It was the extension that woke up to send it (not a page poking it).
    const stoppedAt = b.workerStatusLog.findLastIndex((entry) => entry.endsWith(" stopped"));
    expect(stoppedAt).toBeGreaterThanOrEqual(0);
    expect(b.workerStatusLog.slice(stoppedAt + 1).some((entry) => entry.endsWith(" running"))).toBe(true);
  });
});

describe("Reading while the API is down", () => {
  it("shows a thread looked up before from this computer's copy, saying so, and no other thread's partner on one never looked up", async () => {
    const b = browser!;
    const { globex } = env.seed;
    // Only thread A is looked up (and so saved) in this browser.
    await b.forgetLookups();
    await b.openThread("A");
    await expectVisible(b.partnerCard(acme.name), `the "${acme.name}" card`);
    await expect.poll(async () => Object.keys(await b.storage()).filter((key) => key.startsWith("lookup:")).length, { message: "thread A's lookup should be saved" }).toBe(1);

    await stopApi(env);
    try {
      await b.openThread("A");
      await expectVisible(b.partnerCard(acme.name), `the "${acme.name}" card from the saved copy`);
      await expectText(b.panel(), `Can't reach the Mutual API at ${env.apiUrl}. Showing what was saved on this computer.`, "the unreachable note");

      await b.openThread("B");
      await expectText(b.panel(), `Can't reach the Mutual API at ${env.apiUrl}.`, "the unreachable note on thread B");
      await expectAbsent(b.partnerCard(globex.name), `the "${globex.name}" card, never looked up`, 2_000);
      await expectAbsent(b.partnerCard(acme.name), `thread A's "${acme.name}" card on thread B`, 2_000);
    } finally {
      await startApi(env);
    }
  });
});
