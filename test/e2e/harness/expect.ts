/**
 * Waiting assertions on Playwright locators with vitest's expect.poll
 * (playwright-core has no expect of its own). Each read is non-blocking, so
 * the poll's timeout is the only wait, and a failure shows the last value.
 */
import type { Locator } from "playwright-core";
import { expect } from "vitest";

export const patience = { timeout: 20_000, interval: 200 };

/** The visible text of everything the locator matches (empty when nothing does). */
export async function textOf(locator: Locator): Promise<string> {
  return (await locator.allInnerTexts()).join("\n");
}

/** How many matching elements are visible right now. */
export async function visibleCount(locator: Locator): Promise<number> {
  let count = 0;
  for (const element of await locator.all()) if (await element.isVisible()) count += 1;
  return count;
}

export async function expectVisible(locator: Locator, what: string, timeout = patience.timeout): Promise<void> {
  await expect.poll(() => visibleCount(locator), { timeout, interval: patience.interval, message: `${what} should be visible` }).toBeGreaterThan(0);
}

export async function expectAbsent(locator: Locator, what: string, timeout = patience.timeout): Promise<void> {
  await expect.poll(() => locator.count(), { timeout, interval: patience.interval, message: `${what} should not be there` }).toBe(0);
}

export async function expectText(locator: Locator, expected: string | RegExp, what: string, timeout = patience.timeout): Promise<void> {
  const poll = expect.poll(() => textOf(locator), { timeout, interval: patience.interval, message: `${what} should say ${String(expected)}` });
  if (typeof expected === "string") await poll.toContain(expected);
  else await poll.toMatch(expected);
}
