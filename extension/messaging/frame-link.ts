import type { PageContext } from "../sites/page-context.ts";
import type { CurrentPage } from "./protocol.ts";
import type { SelectedSentence } from "./selection-messages.ts";

/**
 * What the content script and the sidebar's extension frame
 * (entrypoints/sidebar-frame/) say to each other, over one
 * `runtime.connect` port: the page cannot see or send on it, unlike
 * `postMessage`, and nothing secret ever crosses to the page's side. The
 * frame reads the lookup cache and asks the background itself; the content
 * script only reads the host page and makes room for the frame.
 */

/** The port's name: the prefix and the nonce in the frame's URL, so each content script reaches its own frame only. */
export const framePortPrefix = "mutual-sidebar:";
/** The frame page, as runtime.getURL names it (listed in web_accessible_resources for the matched sites only). */
export const framePage = "/sidebar-frame.html" as const;

export type ToFrame =
  /** The URL changed: the frame starts reading the page's cache entry (`urlKey`) before the page is read. */
  | { type: "navigating"; urlKey: string | null }
  /**
   * What the page shows, once read; `href` is the host page's address (the
   * frame's own is the extension's). `visit` counts the pages this content
   * script has read; `lookedAhead`: it asked the background for the page's
   * lookup already, for the frame's first lookup to join.
   */
  | { type: "page"; context: PageContext; pageKey: string | null; href: string; visit: number; lookedAhead: boolean }
  /** The host page went idle after drawing that visit's page: the sidebar's work beyond its first paint may start (sidebar/page-settled.ts). */
  | { type: "pageIdle"; visit: number }
  | { type: "collapsed"; collapsed: boolean }
  /** Whether the host page is dark (null: it doesn't say), so the sidebar can match it. */
  | { type: "pageTheme"; dark: boolean | null }
  /** "Log as promise" on selected words: the frame opens the promise form prefilled from them. */
  | { type: "promiseFromSelection"; selection: SelectedSentence };

export type FromFrame =
  /** The user pressed the tab or "Collapse". */
  | { type: "toggle" }
  /** The partners shown, for the popup (TabReplies.currentPartner). */
  | { type: "partners"; partners: CurrentPage["partners"] }
  /** The frame holds a cached lookup for this page: it paints from that, and asks the API again once the page is idle, so the content script need not look ahead. */
  | { type: "cached"; urlKey: string };
