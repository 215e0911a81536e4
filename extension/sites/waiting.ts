/**
 * Waiting for pages that render after their URL changes (Gmail's threads,
 * Lightning's records), bounded by a timeout and stopped by an AbortSignal.
 * Every wait resolves (never rejects): with what it waited for, or null on
 * timeout or abort, and leaves no observer, timer or listener behind.
 *
 * Why a MutationObserver on a given root only: a document-wide observer on
 * Gmail or Lightning fires on every keystroke and animation frame. The
 * adapter picks the smallest stable ancestor (Gmail's view container,
 * Lightning's visible tab). Each batch of mutations costs one check.
 *
 * Limits: mutations inside shadow roots are not reported to an observer on
 * the light tree, and attribute changes are seen only for the attributes
 * named in `attributeFilter`. Wait for light-DOM frame elements, then read
 * through shadow roots; poll (pollUntil) what no small root contains.
 */
export interface WaitOptions {
  /** Aborting (navigation, extension unloaded) stops the wait and resolves null. */
  signal?: AbortSignal;
  /** After this long, resolve null; the adapter then reports which selector found nothing. */
  timeoutMs: number;
  /**
   * Also re-check when one of these attributes changes, for pages that reveal
   * content by moving an attribute (Gmail moves role=main to the view it
   * shows). Keep it to one or two names: each change costs a check.
   */
  attributeFilter?: readonly string[];
}

/**
 * Runs until `settle` is called, the timeout passes or the signal aborts;
 * `start` sets up whatever watches the page and returns how to stop it.
 */
function bounded<T>(signal: AbortSignal | undefined, timeoutMs: number, start: (settle: (value: T | null) => void) => () => void): Promise<T | null> {
  if (signal?.aborted) return Promise.resolve(null);
  return new Promise((resolve) => {
    let stop: (() => void) | null = null;
    let settled = false;
    const settle = (value: T | null): void => {
      if (settled) return;
      settled = true;
      stop?.();
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      resolve(value);
    };
    const onAbort = (): void => settle(null);
    const timer = setTimeout(() => settle(null), timeoutMs);
    signal?.addEventListener("abort", onAbort, { once: true });
    stop = start(settle);
    if (settled) stop();
  });
}

/**
 * Resolves in a task of its own, after the page's current one: ahead of
 * other queued tasks with scheduler.yield() (Chrome 129+), else a timer's.
 */
function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * `check()`'s first non-null answer, now or after a change under root; null
 * on timeout or abort. An answer found after a change resolves a task later:
 * the observer's callback runs at the end of the page's task that made the
 * change (Gmail drawing a thread), and whoever awaits the wait reads the page
 * next, which would lengthen that task by the whole read.
 */
export function waitUntil<T>(root: Node, check: () => T | null, { signal, timeoutMs, attributeFilter }: WaitOptions): Promise<T | null> {
  if (signal?.aborted) return Promise.resolve(null);
  const now = check();
  if (now !== null) return Promise.resolve(now);
  return bounded<T>(signal, timeoutMs, (settle) => {
    // One check per batch of mutations, not one per added node: a page that
    // appends thousands of rows in one task delivers them as one batch, and
    // matching each of them lengthened that task (bench/extension-paint.ts).
    const observer = new MutationObserver(() => {
      const found = check();
      if (found === null) return;
      observer.disconnect();
      void yieldToPage().then(() => settle(found));
    });
    observer.observe(root, { childList: true, subtree: true, ...(attributeFilter?.length ? { attributeFilter: [...attributeFilter] } : {}) });
    return () => observer.disconnect();
  });
}

/** The first element matching any of the selectors under root, now or once added; null on timeout or abort. */
export function waitForElement(root: ParentNode & Node, selectors: readonly string[], options: WaitOptions): Promise<Element | null> {
  if (selectors.length === 0) return Promise.resolve(null);
  // A selector list throws here, synchronously, if any alternative is invalid CSS.
  const selector = selectors.join(", ");
  root.querySelector(selector);
  return waitUntil(root, () => root.querySelector(selector), options);
}

/**
 * `check()`'s first non-null answer, asked now and every `intervalMs`, for
 * what no small subtree contains (Gmail's main pane on first load,
 * Lightning's tabs); null on timeout or abort.
 */
export function pollUntil<T>(check: () => T | null, { signal, timeoutMs, intervalMs }: { signal?: AbortSignal; timeoutMs: number; intervalMs: number }): Promise<T | null> {
  if (signal?.aborted) return Promise.resolve(null);
  const now = check();
  if (now !== null) return Promise.resolve(now);
  return bounded<T>(signal, timeoutMs, (settle) => {
    const poll = setInterval(() => {
      const found = check();
      if (found !== null) settle(found);
    }, intervalMs);
    return () => clearInterval(poll);
  });
}

/** Resolves after `ms`, or at once when the signal aborts. */
export function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return bounded<never>(signal, ms, () => () => undefined).then(() => undefined);
}
