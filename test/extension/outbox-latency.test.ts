import { fakeBrowser } from "@webext-core/fake-browser";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("wxt/browser", () => ({ browser: fakeBrowser }));
// wxt/utils/storage takes `browser` from @wxt-dev/browser, which picks up the global `chrome` when first imported.
(globalThis as { chrome?: unknown }).chrome = fakeBrowser;

const { enqueue, pendingWrites, sendNow } = await import("../../extension/background/outbox.ts");

/** Every storage read and write takes this long, as extension storage does on a busy machine. */
const latencyMs = 3;

function slowStorage(): void {
  const local = fakeBrowser.storage.local;
  const get = local.get.bind(local);
  const set = local.set.bind(local);
  const later = <T>(work: () => Promise<T>) => new Promise<T>((resolve, reject) => setTimeout(() => work().then(resolve, reject), latencyMs));
  local.get = ((keys?: never) => later(() => get(keys))) as typeof local.get;
  local.set = ((items: Record<string, unknown>) => later(() => set(items))) as typeof local.set;
}

const write = (label: string) => ({ label, partnerId: "prt_1", method: "POST" as const, path: "/v1/partners/prt_1/commitments", body: { title: label } });

beforeEach(async () => {
  fakeBrowser.reset();
  await fakeBrowser.storage.local.set({ apiUrl: "http://127.0.0.1:8787", apiToken: `mutual_${"a".repeat(40)}` });
  slowStorage();
});
// Timers run at the real pace; the outbox's retry timers still pending at the end are dropped.
beforeAll(() => vi.useFakeTimers({ shouldAdvanceTime: true }));
afterAll(() => {
  vi.clearAllTimers();
  vi.useRealTimers();
});
// The API is down unless a test says otherwise; the outbox's own retry timers may still fire after a test.
beforeEach(() => vi.stubGlobal("fetch", vi.fn(async () => Promise.reject(new TypeError("Failed to fetch")))));

describe("the outbox under storage latency", () => {
  it("keeps a write queued while another write's retry is being recorded", async () => {
    const first = await enqueue(write("first"));
    let second: Promise<unknown> | null = null;
    // The API is down: while the first write's failure is being recorded, the user saves another.
    vi.stubGlobal("fetch", vi.fn(async () => {
      second ??= enqueue(write("second"));
      throw new TypeError("Failed to fetch");
    }));
    await sendNow(first);
    await second;
    const labels = (await pendingWrites()).map((entry) => entry.label).sort();
    expect(labels).toEqual(["first", "second"]);
  });
});
