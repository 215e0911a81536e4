import { lookupInputsKey, readLookupEntry, type LookupCacheEntry } from "../messaging/lookup-cache-entry.ts";
import type { LookupInput } from "../messaging/protocol.ts";
import { send } from "../messaging/send.ts";
import { lookupState, pageContext } from "./store.ts";
import { pageUrl } from "../content/page-query.ts";

/**
 * A User Timing mark once the frame after this render has been painted (the
 * task after the next animation frame), for bench/extension-paint.ts; the
 * page's own timeline shows it. `frameAt` is when that frame's callbacks ran
 * (the render is done by then), `frameTime` the frame's own timestamp, the
 * same for every callback of that frame, the page's included (so the bench
 * can tell whether the sidebar came in the same frame as the thread). One
 * frame callback and one timer per paint.
 */
function markPainted(name: "mutual:painted-cache" | "mutual:painted-fresh"): void {
  const url = pageUrl(pageContext.value, location.href);
  requestAnimationFrame((frameTime) => {
    const frameAt = performance.now();
    setTimeout(() => performance.mark(name, { detail: { url, frameAt, frameTime } }), 0);
  });
}

export interface LookupOptions {
  /** The page's first lookup, which takes the one its content script started (background/lookup-ahead.ts). */
  joinAhead?: boolean;
  /** Painted from cache, the API is asked again only once this resolves (sidebar/page-settled.ts); a miss asks at once. */
  freshAfter?: () => Promise<void>;
}

export interface LookupFlow {
  /**
   * Paints from the local cache at once (stale-while-revalidate) and
   * repaints with the API's answer. Joining a look-ahead, the API is asked
   * at the same time as the cache, so a cache miss never waits for the
   * storage read first; otherwise a cached page is asked for again after
   * `freshAfter`. An API that can't be reached leaves the cached picture up
   * with a note, rather than an empty sidebar. `early` is the page's storage
   * read started when the URL changed.
   */
  lookUp(query: LookupInput, pageKey: string | null, early: Promise<LookupCacheEntry | null> | null, signal: AbortSignal, options?: LookupOptions): Promise<void>;
}

function untilAborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => (signal.aborted ? resolve() : signal.addEventListener("abort", () => resolve(), { once: true })));
}

/** One tab's lookups, with the lookups it has seen kept in memory, for going back to a thread without asking storage. */
export function createLookupFlow(recentMax = 50): LookupFlow {
  const recent = new Map<string, LookupCacheEntry>();

  const remember = (pageKey: string, entry: LookupCacheEntry): void => {
    recent.delete(pageKey);
    recent.set(pageKey, entry);
    if (recent.size > recentMax) recent.delete(recent.keys().next().value!);
  };

  /** The page's cached lookup, if it was made with these inputs: from this tab's memory, else from storage. */
  const cachedEntry = async (pageKey: string | null, inputs: string, early: Promise<LookupCacheEntry | null> | null) => {
    if (!pageKey) return null;
    const inMemory = recent.get(pageKey);
    if (inMemory?.inputs === inputs) return inMemory;
    const stored = await (early ?? readLookupEntry(pageKey).catch(() => null));
    return stored?.inputs === inputs ? stored : null;
  };

  return {
    async lookUp(query, pageKey, early, signal, options = {}) {
      const inputs = lookupInputsKey(query);
      // Nothing of the previous page stays up while this one's cache is read.
      lookupState.value = { status: "loading", data: null, fromCache: false, fetchedAt: null, error: null, people: lookupState.value.people };
      const url = pageUrl(pageContext.value, location.href);
      const ask = () => {
        performance.mark("mutual:lookup-sent", { detail: { url } });
        return send({ type: "lookup", query, pageKey, ...(options.joinAhead ? { ahead: "join" as const } : {}) });
      };
      // Joining a look-ahead, asked at once, while the cache is read: the API's answer never waits for storage.
      let answer = options.joinAhead || !options.freshAfter ? ask() : null;
      const cached = await cachedEntry(pageKey, inputs, early);
      if (signal.aborted) return;
      performance.mark("mutual:cache-answered", { detail: { url, hit: !!cached } });
      if (cached) {
        lookupState.value = { status: "loading", data: cached.data, fromCache: true, fetchedAt: cached.fetchedAt, error: null, people: cached.people };
        markPainted("mutual:painted-cache");
        if (!answer && options.freshAfter) {
          await Promise.race([options.freshAfter(), untilAborted(signal)]);
          if (signal.aborted) return;
        }
      }
      answer ??= ask();
      const fresh = await answer;
      performance.mark("mutual:lookup-answered", { detail: { url } });
      if (signal.aborted) return;
      if (fresh.ok && pageKey) remember(pageKey, { inputs, data: fresh.data.data, fetchedAt: fresh.data.fetchedAt, people: fresh.data.people });
      lookupState.value = fresh.ok
        ? { status: "ready", data: fresh.data.data, fromCache: false, fetchedAt: fresh.data.fetchedAt, error: null, people: fresh.data.people }
        : { ...lookupState.value, status: lookupState.value.data ? "ready" : "error", error: fresh.error };
      if (fresh.ok) markPainted("mutual:painted-fresh");
    },
  };
}
