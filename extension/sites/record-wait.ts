/**
 * Waiting for a single-page app's record page (HubSpot's records, LinkedIn's
 * company pages) to show the record its URL names. The URL changes first;
 * the app keeps the previous record on screen, then swaps in the next one
 * in place. So a read is taken once it finds the record's name, and, right
 * after a navigation between records, once what it reads differs from the
 * record read last. Both apps redraw far from any small stable root, so the
 * page is polled (a few attribute queries every 100 ms: no long task), as
 * Lightning's tabs are.
 */
import type { PageContext, RecordContext, SiteName } from "./page-context.ts";
import { renderWaitMs, type SiteAdapter } from "./site-adapter.ts";
import { pollUntil } from "./waiting.ts";

const signature = (context: RecordContext) => JSON.stringify([context.name, context.websiteDomain, context.emails ?? []]);

/** A record site's adapter: its URLs, how far its header reaches, and how to read its page now. */
export interface RecordSite {
  site: SiteName;
  headerHeightPx: number;
  pageKey(href: string): string | null;
  read(): PageContext;
  /** The selectors that found nothing, for the console, when the page never draws. */
  missing: readonly string[];
}

export function recordSiteAdapter({ site, headerHeightPx, pageKey, read, missing }: RecordSite): SiteAdapter {
  return { site, headerHeightPx, pageKey, readPage: recordPageReader(read, () => missing.join(" | ")) };
}

/**
 * readPage for a record site: `read` reads the page as it is now (pure DOM).
 * Holds what it read last in itself (one per adapter, so per content script).
 */
export function recordPageReader(read: () => PageContext, describeMissing: () => string): (signal: AbortSignal) => Promise<PageContext> {
  let last: { recordId: string; signature: string } | null = null;
  return async (signal) => {
    const previous = last;
    const stillPrevious = (context: RecordContext) => previous !== null && previous.recordId !== context.recordId && previous.signature === signature(context);
    const drawn = (context: PageContext): PageContext | null => {
      if (context.kind === "nothing-to-show") return context;
      if (context.kind !== "record" || stillPrevious(context)) return null;
      // Drawn once anything of the record shows (a contact may have an address and no name).
      if (context.name === null && context.websiteDomain === null && !context.emails?.length) return null;
      return context;
    };
    const found = await pollUntil(() => drawn(read()), { signal, timeoutMs: renderWaitMs, intervalMs: 100 });
    let context = found ?? read();
    if (!found && !signal.aborted) console.warn("Mutual: selector not found:", describeMissing());
    // Still the previous record after the whole wait: only the URL's id is known to be this record's.
    if (context.kind === "record" && stillPrevious(context)) context = { ...context, name: null, websiteDomain: null, emails: [] };
    if (!signal.aborted) last = context.kind === "record" ? { recordId: context.recordId, signature: signature(context) } : null;
    return context;
  };
}
