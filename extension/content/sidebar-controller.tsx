import { effect } from "@preact/signals";
import { render } from "preact";
import { browser } from "wxt/browser";
import type { ContentScriptContext } from "wxt/utils/content-script-context";
import { createShadowRootUi } from "wxt/utils/content-script-ui/shadow-root";
import { readLookupEntry } from "../messaging/lookup-cache-entry.ts";
import type { LookupInput, PendingWrite, TabReplies } from "../messaging/protocol.ts";
import type { SiteAdapter } from "../sites/site-adapter.ts";
import { Sidebar } from "../sidebar/Sidebar.tsx";
import { collapsed, collapsedItem, lookupState, noPeople, openForm, pageContext } from "../sidebar/store.ts";
import { refreshOutbox } from "../sidebar/submit-write.ts";
import { createLookupFlow } from "./lookup-flow.ts";
import { pageFacts, pageUrl, queryFor, unknownCompany } from "./page-query.ts";
import { reserveSpace } from "./reserve-space.ts";
import { ignoreUntrustedEvents } from "./trusted-events.ts";
import sidebarCss from "../sidebar/sidebar.css?inline";

/**
 * The sidebar on a host page, for any site adapter: mounts it, reads the page
 * after every in-app navigation, looks up what it shows, and follows the
 * outbox. Every listener, timer and wait belongs to the content script's
 * context (`ctx`) and ends when it is invalidated.
 */

/** The collapsed tab's rail and the open panel, in CSS pixels (sidebar.css uses the same). */
const railWidthPx = 40;
const panelWidthPx = 360;

function App({ onToggle }: { onToggle: () => void }) {
  const context = pageContext.value;
  const people = lookupState.value.people;
  return <Sidebar page={pageFacts(context, people.emails, location.href)} unknownCompany={unknownCompany(context, people)} onToggle={onToggle} />;
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

async function mountSidebar(ctx: ContentScriptContext, site: SiteAdapter, toggle: () => void): Promise<void> {
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
    mode: import.meta.env.MUTUAL_E2E_OPEN_SIDEBAR === "true" ? "open" : "closed",
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
}

/** Reads the page and looks it up; `refresh` again after each navigation, `again` when a write of ours has landed. */
function pageReader(ctx: ContentScriptContext, site: SiteAdapter) {
  const flow = createLookupFlow();
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
    performance.mark("mutual:page-read", { detail: { kind: context.kind, url: pageUrl(context, location.href) } });
    pageContext.value = context;
    openForm.value = openForm.value?.form === "addPartner" ? null : openForm.value;
    lastQuery = queryFor(context);
    lastPageKey = site.pageKey(pageUrl(context, location.href));
    if (lastQuery) await flow.lookUp(lastQuery, lastPageKey, lastPageKey === urlKey ? early : null, controller.signal);
    else lookupState.value = { status: "idle", data: null, fromCache: false, fetchedAt: null, error: null, people: noPeople };
  };
  const again = () => {
    if (lastQuery && current) void flow.lookUp(lastQuery, lastPageKey, null, current.signal);
  };
  return { refresh, again };
}

/**
 * WXT announces a navigation from the Navigation API's "navigate" event,
 * before the new URL is in `location`: look a task later. A pushState has
 * landed by then; a link to another page has not (this page is being left,
 * and must not be looked up again), nor has a navigation the page cancelled.
 * Fragment changes are hashchange's.
 */
function followNavigation(ctx: ContentScriptContext, refresh: () => Promise<void>): void {
  ctx.addEventListener(window, "wxt:locationchange", ({ newUrl, oldUrl }) => {
    ctx.setTimeout(() => {
      const sameDocumentHop = location.href === newUrl.href;
      const hashOnly = newUrl.href.split("#")[0] === oldUrl.href.split("#")[0];
      if (sameDocumentHop && !hashOnly) void refresh();
    }, 0);
  });
  ctx.addEventListener(window, "hashchange", () => void refresh());
}

/** The keyboard command and the popup ask the tab's sidebar (messaging/protocol.ts, TabReplies). */
function answerTabMessages(ctx: ContentScriptContext, toggle: () => void): void {
  const handlers: { [K in keyof TabReplies]: () => TabReplies[K] } = {
    toggleSidebar: () => {
      toggle();
      return null;
    },
    currentPartner: () => ({
      partners: (lookupState.value.data?.matches ?? []).map((m) => ({ name: m.partner.name, score: m.health.score, band: m.health.band })),
      state: pageContext.value?.kind === "nothing-to-show" ? "Nothing to show on this page." : "No partner on this page.",
    }),
  };
  const onMessage = (message: { type?: string }, _sender: unknown, sendResponse: (reply: unknown) => void) => {
    const type = message?.type;
    if (type && Object.hasOwn(handlers, type)) sendResponse(handlers[type as keyof TabReplies]());
    return false;
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
}

/**
 * The background sends queued writes on its own schedule: follow the outbox,
 * and call `landed` when one of ours has reached the API.
 */
function followOutbox(ctx: ContentScriptContext, landed: () => void): void {
  ctx.addEventListener(window, "focus", () => void refreshOutbox());
  const onStorage = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, area: string) => {
    if (area !== "local" || !changes.outbox) return;
    const before = (changes.outbox.oldValue as PendingWrite[] | undefined) ?? [];
    const after = (changes.outbox.newValue as PendingWrite[] | undefined) ?? [];
    // Who may send which write is the background's to say (it alone knows who is signed in).
    void refreshOutbox();
    if (before.some((write) => !write.failed && !after.some((remaining) => remaining.id === write.id))) landed();
  };
  browser.storage.onChanged.addListener(onStorage);
  ctx.onInvalidated(() => browser.storage.onChanged.removeListener(onStorage));
  void refreshOutbox();
}

export async function runSidebar(ctx: ContentScriptContext, site: SiteAdapter): Promise<void> {
  collapsed.value = await collapsedItem.getValue();
  const toggle = () => {
    collapsed.value = !collapsed.value;
    void collapsedItem.setValue(collapsed.value);
  };
  await mountSidebar(ctx, site, toggle);
  const reader = pageReader(ctx, site);
  followNavigation(ctx, reader.refresh);
  answerTabMessages(ctx, toggle);
  followOutbox(ctx, reader.again);
  await reader.refresh();
}
