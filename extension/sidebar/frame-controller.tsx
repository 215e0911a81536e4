import { effect } from "@preact/signals";
import { render, type VNode } from "preact";
import { browser, type Browser } from "wxt/browser";
import { captureThread } from "./capture-flow.ts";
import { createLookupFlow, type LookupOptions } from "./lookup-flow.ts";
import { openPromiseFromSelection } from "./promise-from-selection.ts";
import { pageFacts, pageUrl, queryFor, unknownCompany } from "../content/page-query.ts";
import { ignoreUntrustedEvents } from "./trusted-events.ts";
import { framePortPrefix, type FromFrame, type ToFrame } from "../messaging/frame-link.ts";
import { readLookupEntry, type LookupCacheEntry } from "../messaging/lookup-cache-entry.ts";
import { outboxItem } from "../messaging/outbox-item.ts";
import type { LookupInput } from "../messaging/protocol.ts";
import { Sidebar } from "./Sidebar.tsx";
import { openNotesOnEvents } from "./event-ready.ts";
import { pageIdle, pageShown, whenPageSettled } from "./page-settled.ts";
import { collapsed, lookupState, noPeople, openForm, pageContext } from "./store.ts";
import { refreshOutbox } from "./submit-write.ts";
import { followTheme, pageDark } from "./theme.ts";

/**
 * The sidebar inside its extension frame (entrypoints/sidebar-frame/): it
 * hears what the host page shows from its own content script only, over the
 * port named with the nonce in this frame's URL, looks it up (cache first,
 * then the background) and renders. Nothing the host page can send reaches
 * it: there is no `message` listener, and the page cannot open a port.
 */

let host = "";

/** The sidebar for the page last reported; `closes`: its button closes the side panel rather than collapsing. */
export function App({ onToggle, closes, status }: { onToggle: () => void; closes?: boolean; status?: string | null }) {
  const context = pageContext.value;
  const people = lookupState.value.people;
  return <Sidebar page={pageFacts(context, people.emails, host)} unknownCompany={unknownCompany(context, people)} onToggle={onToggle} closes={closes} status={status} />;
}

/**
 * Looks up each page the content script reports; `again` when a write of
 * ours has landed. `onCached`: the page the URL names has a cached lookup
 * (the content script then leaves the asking to us).
 *
 * One lookup paints at a time: each new one (a page, or a write landing)
 * ends the one before, so an older answer arriving late never paints over a
 * newer one, and a write landing while a cached page waits for the host page
 * to settle asks the API once, not twice. The page's thread is logged once,
 * after the first of its lookups that finishes; it belongs to the page, so a
 * lookup ended by a newer one does not end it.
 */
export function pageLookups(onCached?: (urlKey: string) => void) {
  const flow = createLookupFlow();
  let page: AbortController | null = null;
  let lookup: AbortController | null = null;
  let early: { urlKey: string | null; entry: Promise<LookupCacheEntry | null> | null } = { urlKey: null, entry: null };
  let lastQuery: LookupInput | null = null;
  let lastPageKey: string | null = null;
  let capture: (() => void) | null = null;
  // Each message ends the page before it: a page the frame heard of late (it replays on connecting) never overwrites a newer one.
  const restart = () => {
    page?.abort();
    lookup?.abort();
    capture = null;
    page = new AbortController();
    return page.signal;
  };
  // Leaving the page (restart) ends its newest lookup, and each lookup ended the one before it.
  const startLookup = (query: LookupInput, entry: Promise<LookupCacheEntry | null> | null, options?: LookupOptions) => {
    lookup?.abort();
    const current = new AbortController();
    lookup = current;
    void flow.lookUp(query, lastPageKey, entry, current.signal, options).then(() => {
      if (current.signal.aborted || !capture) return;
      const start = capture;
      capture = null;
      start();
    });
  };
  const navigating = (urlKey: string | null) => {
    restart();
    const entry = urlKey ? readLookupEntry(urlKey).catch(() => null) : null;
    early = { urlKey, entry };
    if (urlKey && onCached) void entry?.then((found) => found && early.entry === entry && onCached(urlKey));
  };
  const shown = (message: Extract<ToFrame, { type: "page" }>) => {
    const signal = restart();
    host = message.href;
    pageContext.value = message.context;
    openForm.value = openForm.value?.form === "addPartner" ? null : openForm.value;
    pageShown(message.visit);
    lastQuery = queryFor(message.context);
    lastPageKey = message.pageKey;
    if (!lastQuery) {
      lookupState.value = { status: "idle", data: null, fromCache: false, fetchedAt: null, error: null, people: noPeople };
      return;
    }
    capture = () => void captureThread(message.context, signal);
    startLookup(lastQuery, lastPageKey === early.urlKey ? early.entry : null, message.lookedAhead ? { joinAhead: true } : { freshAfter: whenPageSettled });
  };
  const again = () => {
    if (lastQuery) startLookup(lastQuery, null);
  };
  /** The side panel moved to another tab, or its page went: nothing of the old page stays on screen. */
  const clear = () => {
    restart();
    lastQuery = null;
    lastPageKey = null;
    early = { urlKey: null, entry: null };
    pageContext.value = null;
    openForm.value = null;
    lookupState.value = { status: "idle", data: null, fromCache: false, fetchedAt: null, error: null, people: noPeople };
  };
  return { navigating, shown, again, clear };
}

export type PageLookups = ReturnType<typeof pageLookups>;

/** What the content script says, acted on; the side panel (panel-controller.tsx) shares it, keeping its own open state. */
export function answerPage(lookups: PageLookups, message: ToFrame, followCollapsed = true): void {
  if (message.type === "navigating") lookups.navigating(message.urlKey);
  else if (message.type === "page") lookups.shown(message);
  else if (message.type === "pageIdle") pageIdle(message.visit);
  else if (message.type === "collapsed") {
    if (followCollapsed) collapsed.value = message.collapsed;
  } else if (message.type === "pageTheme") pageDark.value = message.dark;
  else if (message.type === "promiseFromSelection") void openPromiseFromSelection(message.selection);
}

/** Draws the sidebar in `root`, once: `toPage` tells the content script (the frame's, or the panel's current tab's) the partners shown. */
export function drawSidebar(root: HTMLElement, lookups: PageLookups, app: VNode, toPage: (message: FromFrame) => void): void {
  ignoreUntrustedEvents(root);
  followTheme(document.documentElement);
  render(app, root);
  followOutbox(lookups.again);
  openNotesOnEvents();
  effect(() => {
    const partners = (lookupState.value.data?.matches ?? []).map((m) => ({ name: m.partner.name, score: m.health.score, band: m.health.band }));
    toPage({ type: "partners", partners });
  });
}

/** The background sends queued writes on its own schedule: follow the outbox, and call `landed` when one of ours has reached the API. */
function followOutbox(landed: () => void): void {
  window.addEventListener("focus", () => void refreshOutbox());
  outboxItem.watch((after, before) => {
    // Who may send which write is the background's to say (it alone knows who is signed in).
    void refreshOutbox();
    if ((before ?? []).some((write) => !write.failed && !after.some((remaining) => remaining.id === write.id))) landed();
  });
  void refreshOutbox();
}

/** Answers the port of this frame's own content script: a tab's top frame, with this frame's nonce. */
export function runSidebarFrame(root: HTMLElement): void {
  const nonce = new URLSearchParams(location.search).get("link");
  let port: Browser.runtime.Port | null = null;
  const lookups = pageLookups((urlKey) => port?.postMessage({ type: "cached", urlKey } satisfies FromFrame));
  const onToggle = () => port?.postMessage({ type: "toggle" } satisfies FromFrame);
  browser.runtime.onConnect.addListener((opened) => {
    if (!nonce || opened.name !== `${framePortPrefix}${nonce}` || opened.sender?.tab === undefined || opened.sender.frameId !== 0) return;
    const first = port === null;
    port = opened;
    opened.onMessage.addListener((message: ToFrame) => answerPage(lookups, message));
    if (!first) return;
    // Nothing is drawn until the content script has connected: a copy of this
    // page framed by anyone else shows nothing.
    drawSidebar(root, lookups, <App onToggle={onToggle} />, (message) => port?.postMessage(message));
  });
}
