import { afterEach, describe, expect, it, vi } from "vitest";
import { forgetPageSettled, pageIdle, pageShown, settleFallbackMs, whenPageSettled } from "../../extension/sidebar/page-settled.ts";

/** The sidebar's work beyond its first paint waits for the host page's idle report of the page shown last. */
async function isSettled(): Promise<boolean> {
  let settled = false;
  void whenPageSettled().then(() => (settled = true));
  await Promise.resolve();
  await Promise.resolve();
  return settled;
}

afterEach(() => {
  forgetPageSettled();
  vi.useRealTimers();
});

describe("waiting for the host page to settle", () => {
  it("waits for nothing before any page was shown", async () => {
    expect(await isSettled()).toBe(true);
  });

  it("settles on the idle report of the visit shown, not an earlier one's", async () => {
    pageShown(1);
    pageShown(2);
    pageIdle(1);
    expect(await isSettled()).toBe(false);
    pageIdle(2);
    expect(await isSettled()).toBe(true);
  });

  it("lets a waiter for an earlier page go on when the next page is shown", async () => {
    pageShown(1);
    const first = whenPageSettled();
    pageShown(2);
    await expect(first).resolves.toBeUndefined();
    expect(await isSettled()).toBe(false);
  });

  it("settles by itself when no report comes", async () => {
    vi.useFakeTimers();
    pageShown(7);
    await vi.advanceTimersByTimeAsync(settleFallbackMs - 1);
    expect(await isSettled()).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await isSettled()).toBe(true);
  });
});
