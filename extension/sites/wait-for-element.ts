/**
 * Waits for one of a few selectors to match inside one subtree, for pages
 * that render after their URL changes (Gmail's threads, Lightning records).
 *
 * Why a MutationObserver on the given root only: a document-wide observer
 * on Gmail or Lightning fires on every keystroke and animation frame. The
 * caller picks the smallest stable ancestor (gmailThreadWait's container,
 * Lightning's visible tab). Each mutation batch looks only at the nodes it
 * added, and at elements whose watched attribute changed.
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

    const observer = new MutationObserver((mutations) => {
      for (const mutation of mutations) {
        const changed = mutation.type === "attributes" ? [mutation.target] : mutation.addedNodes;
        for (const node of changed) {
          const match = matchIn(node, selector);
          // An added node may have been removed again in the same batch.
          if (match && root.contains(match)) return finish(match);
        }
      }
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

/** The added node itself (matched in its full ancestor context) or its first matching descendant. */
function matchIn(node: Node, selector: string): Element | null {
  if (node.nodeType !== Node.ELEMENT_NODE) return null;
  const element = node as Element;
  return element.matches(selector) ? element : element.querySelector(selector);
}
