import { effect } from "@preact/signals";
import { render } from "preact";
import { browser } from "wxt/browser";
import type { ContentScriptContext } from "wxt/utils/content-script-context";
import { createShadowRootUi } from "wxt/utils/content-script-ui/shadow-root";
import { lookupInputsKey, readLookupEntry, type LookupCacheEntry } from "../messaging/lookup-cache-entry.ts";
import type { LookupInput, PendingWrite, TabReplies } from "../messaging/protocol.ts";
import { send } from "../messaging/send.ts";
import type { PageContext } from "../sites/page-context.ts";
import { Sidebar } from "../sidebar/Sidebar.tsx";
import type { PageFacts } from "../sidebar/PartnerCard.tsx";
import { collapsed, lookupState, noPeople, openForm, pageContext, type LookupState } from "../sidebar/store.ts";
import { refreshOutbox } from "../sidebar/submit-write.ts";
import { reserveSpace } from "./reserve-space.ts";
import { ignoreUntrustedEvents } from "./trusted-events.ts";
import sidebarCss from "../sidebar/sidebar.css?inline";

/** One site adapter, as the sidebar uses it. */
export interface SiteAdapter {
  /** Reads the page (waiting, bounded, for it to render) into a context. */
  readPage: (signal: AbortSignal) => Promise<PageContext>;
  /**
   * The thread or record a URL names, as a cache key, or null for a page that
   * shows none: known from the URL before the page has drawn it.
   */
  pageKey: (href: string) => string | null;
  /** How far down the host's own fixed header reaches: the open sidebar starts below it, so it never covers it. */
  headerHeightPx: number;
}

/** The collapsed tab's rail and the open panel, in CSS pixels (sidebar.css uses the same). */
const railWidthPx = 40;
const panelWidthPx = 360;

const collapsedKey = "sidebarCollapsed";

function queryFor(context: PageContext): LookupInput | null {
  if (context.kind === "gmail-thread") {
    return context.emails.length > 0 ? { emails: context.emails, ownAddress: context.ownAddress } : null;
  }
  if (context.kind === "salesforce-record") {
    return { salesforce: [context.recordId], domains: context.websiteDomain ? [context.websiteDomain] : [] };
  }
  return null;
}

function pageFacts(context: PageContext | null, people: string[]): PageFacts {
  if (context?.kind === "gmail-thread") {
    return { sourceUrl: context.url, people, ownAddress: context.ownAddress, salesforceAccountId: null };
  }
  if (context?.kind === "salesforce-record") {
    return { sourceUrl: context.url, people: [], ownAddress: null, salesforceAccountId: context.recordId };
  }
  return { sourceUrl: location.href, people: [], ownAddress: null, salesforceAccountId: null };
}

/** What "Add partner" is prefilled with when nobody on the page is a known partner. */
function unknownCompany(context: PageContext | null, people: LookupState["people"]) {
  if (context?.kind === "gmail-thread") {
    const domain = people.companyDomains[0];
    if (!domain) return null;
    const label = domain.split(".")[0]!;
    const atCompany = (email: string) => people.companyDomains.some((d) => email.endsWith(`@${d}`) || email.endsWith(`.${d}`));
    return { name: label[0]!.toUpperCase() + label.slice(1), domains: people.companyDomains, contacts: people.emails.filter(atCompany) };
  }
  if (context?.kind === "salesforce-record") {
    return { name: context.name ?? "", domains: context.websiteDomain ? [context.websiteDomain] : [], contacts: [] };
  }
  return null;
}

function App({ onToggle }: { onToggle: () => void }) {
  const context = pageContext.value;
  const people = lookupState.value.people;
  return <Sidebar page={pageFacts(context, people.emails)} unknownCompany={unknownCompany(context, people)} onToggle={onToggle} />;
}

/** Where the page's record or thread is, for the performance marks below. */
function pageUrl(context: PageContext | null): string {
  return context && "url" in context ? context.url : location.href;
}

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
  const url = pageUrl(pageContext.value);
  requestAnimationFrame((frameTime) => {
    const frameAt = performance.now();
    setTimeout(() => performance.mark(name, { detail: { url, frameAt, frameTime } }), 0);
  });
}

/**
 * Lets the page finish the task in which it drew the thread before we render:
 * a MutationObserver's callback runs at the end of the page's own task, and
 * our render there would make that task longer. scheduler.yield() continues
 * ahead of other queued tasks (Chrome 129+), usually still before the frame.
 */
function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}

/** Lookups this tab has seen, for going back to a thread without asking storage. */
const recent = new Map<string, LookupCacheEntry>();
const recentMax = 50;

function remember(pageKey: string, entry: LookupCacheEntry): void {
  recent.delete(pageKey);
  recent.set(pageKey, entry);
  if (recent.size > recentMax) recent.delete(recent.keys().next().value!);
}

/**
 * The page's cached lookup, if it was made with these inputs: from this tab's
 * memory, else from the storage read started when the URL changed (usually
 * done by the time the page has drawn the thread).
 */
async function cachedEntry(pageKey: string | null, inputs: string, early: Promise<LookupCacheEntry | null> | null): Promise<LookupCacheEntry | null> {
  if (!pageKey) return null;
  const inMemory = recent.get(pageKey);
  if (inMemory?.inputs === inputs) return inMemory;
  const stored = await (early ?? readLookupEntry(pageKey).catch(() => null));
  return stored?.inputs === inputs ? stored : null;
}

/**
 * Paints from the local cache at once (stale-while-revalidate), then asks the
 * API and repaints. An API that can't be reached leaves the cached picture up
 * with a note, rather than an empty sidebar.
 */
async function lookUp(query: LookupInput, pageKey: string | null, early: Promise<LookupCacheEntry | null> | null, signal: AbortSignal): Promise<void> {
  const inputs = lookupInputsKey(query);
  // Nothing of the previous page stays up while this one's cache is read.
  lookupState.value = { status: "loading", data: null, fromCache: false, fetchedAt: null, error: null, people: lookupState.value.people };
  const cached = await cachedEntry(pageKey, inputs, early);
  if (signal.aborted) return;
  performance.mark("mutual:cache-answered", { detail: { url: pageUrl(pageContext.value), hit: !!cached } });
  if (cached) {
    lookupState.value = { status: "loading", data: cached.data, fromCache: true, fetchedAt: cached.fetchedAt, error: null, people: cached.people };
    markPainted("mutual:painted-cache");
  }
  const fresh = await send({ type: "lookup", query, pageKey });
  if (signal.aborted) return;
  if (fresh.ok && pageKey) remember(pageKey, { inputs, data: fresh.data.data, fetchedAt: fresh.data.fetchedAt, people: fresh.data.people });
  lookupState.value = fresh.ok
    ? { status: "ready", data: fresh.data.data, fromCache: false, fetchedAt: fresh.data.fetchedAt, error: null, people: fresh.data.people }
    : { ...lookupState.value, status: lookupState.value.data ? "ready" : "error", error: fresh.error };
  if (fresh.ok) markPainted("mutual:painted-fresh");
}

export async function runSidebar(ctx: ContentScriptContext, site: SiteAdapter): Promise<void> {
  const stored = await browser.storage.local.get(collapsedKey);
  collapsed.value = stored[collapsedKey] === true;
  const toggle = () => {
    collapsed.value = !collapsed.value;
    void browser.storage.local.set({ [collapsedKey]: collapsed.value });
  };

  // The page gives up a rail for the tab, or the panel's width when it is open.
  const space = reserveSpace();
  const stopReserving = effect(() => space.set(collapsed.value ? railWidthPx : panelWidthPx));
  ctx.onInvalidated(() => {
    stopReserving();
    space.release();
  });

  const ui = await createShadowRootUi(ctx, {
    name: "mutual-sidebar",
    position: "inline",
    anchor: "body",
    append: "last",
    css: sidebarCss,
    // Closed: the page's scripts get null for the host's shadowRoot, and so
    // can neither read the sidebar nor reach its controls (docs/extension.md).
    // Only the e2e build opens it, for Playwright's locators.
    mode: import.meta.env.WXT_MUTUAL_E2E_OPEN_SIDEBAR === "true" ? "open" : "closed",
    // Typing in our forms must never trigger Gmail's single-key shortcuts.
    isolateEvents: ["keydown", "keyup", "keypress", "input"],
    onMount: (container, shadow) => {
      ignoreUntrustedEvents(shadow);
      container.style.setProperty("--mutual-top", `${site.headerHeightPx}px`);
      render(<App onToggle={toggle} />, container);
      return container;
    },
    onRemove: (container) => {
      if (container) render(null, container);
    },
  });
  ui.mount();

  let current: AbortController | null = null;
  // One listener for the script's life, not one per navigation.
  ctx.onInvalidated(() => current?.abort());
  let lastQuery: LookupInput | null = null;
  let lastPageKey: string | null = null;
  const refresh = async () => {
    current?.abort();
    const controller = new AbortController();
    current = controller;
    // The URL names the thread or record before the page draws it: fetch its
    // cached lookup meanwhile, so the sidebar can paint as soon as it's read.
    const urlKey = site.pageKey(location.href);
    const early = urlKey ? readLookupEntry(urlKey).catch(() => null) : null;
    const context = await site.readPage(controller.signal);
    await yieldToPage();
    if (controller.signal.aborted) return;
    performance.mark("mutual:page-read", { detail: { kind: context.kind, url: pageUrl(context) } });
    pageContext.value = context;
    openForm.value = openForm.value?.form === "addPartner" ? null : openForm.value;
    lastQuery = queryFor(context);
    lastPageKey = site.pageKey(pageUrl(context));
    if (lastQuery) await lookUp(lastQuery, lastPageKey, lastPageKey === urlKey ? early : null, controller.signal);
    else lookupState.value = { status: "idle", data: null, fromCache: false, fetchedAt: null, error: null, people: noPeople };
  };

  // WXT announces a navigation from the Navigation API's "navigate" event,
  // before the new URL is in `location`: look a task later. A pushState has
  // landed by then; a link to another page has not (this page is being left,
  // and must not be looked up again), nor has a navigation the page cancelled.
  // Fragment changes are hashchange's.
  ctx.addEventListener(window, "wxt:locationchange", ({ newUrl, oldUrl }) => {
    ctx.setTimeout(() => {
      const sameDocumentHop = location.href === newUrl.href;
      const hashOnly = newUrl.href.split("#")[0] === oldUrl.href.split("#")[0];
      if (sameDocumentHop && !hashOnly) void refresh();
    }, 0);
  });
  ctx.addEventListener(window, "hashchange", () => void refresh());
  const tabHandlers: { [K in keyof TabReplies]: () => TabReplies[K] } = {
    toggleSidebar: () => {
      toggle();
      return null;
    },
    currentPartner: () => ({
      partners: (lookupState.value.data?.matches ?? []).map((m) => ({ name: m.partner.name, score: m.health.score, band: m.health.band })),
      state: pageContext.value?.kind === "nothing-to-show" ? "Nothing to show on this page." : "No partner on this page.",
    }),
  };
  const onTabMessage = (message: { type?: string }, _sender: unknown, sendResponse: (reply: unknown) => void) => {
    const type = message?.type;
    if (type && Object.hasOwn(tabHandlers, type)) sendResponse(tabHandlers[type as keyof TabReplies]());
    return false;
  };
  browser.runtime.onMessage.addListener(onTabMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onTabMessage));
  // The background sends queued writes on its own schedule: follow the
  // outbox, and re-read the partner when one of ours has landed.
  ctx.addEventListener(window, "focus", () => void refreshOutbox());
  const onStorage = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, area: string) => {
    if (area !== "local" || !changes.outbox) return;
    const before = (changes.outbox.oldValue as PendingWrite[] | undefined) ?? [];
    const after = (changes.outbox.newValue as PendingWrite[] | undefined) ?? [];
    // Who may send which write is the background's to say (it alone knows who is signed in).
    void refreshOutbox();
    const landed = before.some((write) => !write.failed && !after.some((remaining) => remaining.id === write.id));
    if (landed && lastQuery && current) void lookUp(lastQuery, lastPageKey, null, current.signal);
  };
  browser.storage.onChanged.addListener(onStorage);
  ctx.onInvalidated(() => browser.storage.onChanged.removeListener(onStorage));
  void refreshOutbox();
  await refresh();
}
