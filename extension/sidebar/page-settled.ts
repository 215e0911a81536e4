/**
 * The host page's own work comes first. The sidebar paints what the page
 * shows at once (from the cache, or the API's first answer on a miss); what
 * it does beyond that first paint waits until the page's content script says
 * the page went idle after drawing it: asking the API again for a page
 * painted from cache, the plan and pulse sections, logging the thread,
 * looking for promises. That work runs in other processes (this frame, the
 * background, the browser's network service, the API on a laptop) but on the
 * same cores: on a two-core machine it made the page's own style and layout
 * of a long thread wait for one (bench/extension-heavy.ts).
 *
 * Pages are told apart by the content script's visit number, so an idle
 * report replayed from an earlier visit settles nothing. If none comes (an
 * older content script, a page that never idles), the wait ends on its own.
 */

/** Beyond the content script's own bound (requestIdleCallback's timeout), for a report that never comes. */
export const settleFallbackMs = 3_000;

interface Waiting {
  visit: number;
  settled: Promise<void>;
  settle: () => void;
}

let waiting: Waiting | null = null;

/** A page was shown: what waits for it from now on waits for this visit's idle report. */
export function pageShown(visit: number): void {
  waiting?.settle();
  let settle!: () => void;
  const settled = new Promise<void>((resolve) => (settle = resolve));
  const timer = setTimeout(settle, settleFallbackMs);
  waiting = { visit, settled: settled.then(() => clearTimeout(timer)), settle };
}

/** The content script saw the page idle after showing this visit. */
export function pageIdle(visit: number): void {
  if (waiting?.visit === visit) waiting.settle();
}

/** Resolves once the page shown last has gone idle (at once if none was shown: nothing to wait for). */
export function whenPageSettled(): Promise<void> {
  return waiting?.settled ?? Promise.resolve();
}

/** For tests: no page shown. */
export function forgetPageSettled(): void {
  waiting?.settle();
  waiting = null;
}
