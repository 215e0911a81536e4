/**
 * Waits for one of a few selectors to match inside one subtree, for pages
 * that render after their URL changes (Gmail's threads, Lightning records).
 *
 * Why a MutationObserver on the given root only: a document-wide observer
 * on Gmail or Lightning fires on every keystroke and animation frame. The
 * caller picks the smallest stable ancestor (gmailThreadWait's container,
 * Lightning's visible tab). Each batch of mutations costs one native query
 * of that subtree.
 *
 * Limits: mutations inside shadow roots are not reported to an observer on
 * the light tree, and attribute changes are watched only for the attributes
 * named in `attributeFilter`. Wait for light-DOM frame elements, then read
 * through shadow roots.
 */
export interface WaitOptions {
  /** Aborting (navigation, extension unloaded) stops the wait and resolves null. */
  signal?: AbortSignal;
  /** After this long, resolve null; the caller shows "couldn't read this page" and logs which selector. */
  timeoutMs: number;
  /**
   * Also re-check an element when one of these attributes changes, for pages
   * that reveal content by moving an attribute (Gmail moves role=main to the
   * view it shows). Keep it to one or two names: each change costs a check.
   */
  attributeFilter?: readonly string[];
}

/** The first element matching any of the selectors under root, now or once added; null on timeout or abort. */
export function waitForElement(
  root: ParentNode & Node,
  selectors: readonly string[],
  { signal, timeoutMs, attributeFilter }: WaitOptions,
): Promise<Element | null> {
  if (selectors.length === 0 || signal?.aborted) return Promise.resolve(null);
  // A selector list throws here, synchronously, if any alternative is invalid CSS.
  const selector = selectors.join(", ");
  const present = root.querySelector(selector);
  if (present) return Promise.resolve(present);

  return new Promise((resolve) => {
    const finish = (element: Element | null): void => {
      observer.disconnect();
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      resolve(element);
    };
    const onAbort = (): void => finish(null);

    // One native query per batch of mutations, not one per added node: a page
    // that appends thousands of rows in one task delivers them as one batch,
    // and matching each of them lengthened that task (bench/extension-paint.ts).
    const observer = new MutationObserver(() => {
      const match = root.querySelector(selector);
      if (match) finish(match);
    });
    observer.observe(root, {
      childList: true,
      subtree: true,
      ...(attributeFilter?.length ? { attributeFilter: [...attributeFilter] } : {}),
    });
    const timer = setTimeout(() => finish(null), timeoutMs);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
