import type { PageContext, SiteName } from "./page-context.ts";

/**
 * One site, as the sidebar uses it. An adapter turns the host page into a
 * PageContext and owns all knowledge of the host: its URLs, its selector
 * table, and how long and on what to wait after an in-app navigation. It
 * holds its state (what it read last) in itself, one instance per content
 * script, never in its module; every wait ends when the signal given to
 * readPage aborts. The sidebar (content/sidebar-controller.tsx) knows only
 * this interface.
 */
export interface SiteAdapter {
  readonly site: SiteName;
  /** How far down the host's own fixed header reaches: the open sidebar starts below it, so it never covers it. */
  readonly headerHeightPx: number;
  /**
   * The conversation or record a URL names, as a cache key, or null for a
   * page that shows none: known from the URL before the page has drawn it.
   */
  pageKey(href: string): string | null;
  /**
   * Reads the page after its URL changed: waits, bounded, for the host to
   * draw what the URL names (not what it showed before), then reads it.
   * Resolves (never rejects) once done or once `signal` aborts; a newer
   * navigation aborts the older read's signal and its answer is ignored.
   */
  readPage(signal: AbortSignal): Promise<PageContext>;
  /**
   * For what a site shows without a URL change (Calendar's event dialog):
   * calls `onChange` when the page should be read again, until `signal` aborts.
   */
  watch?(onChange: () => void, signal: AbortSignal): void;
}

/** The host page an adapter reads: the document and where it is (window.location, or a stand-in in tests). */
export interface HostPage {
  document: Document;
  location: { readonly href: string; readonly hash: string };
}

/** Whole seconds an adapter waits for the host to draw a page before calling it unreadable. */
export const renderWaitMs = 10_000;
