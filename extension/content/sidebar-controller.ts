import { browser } from "wxt/browser";
import type { ContentScriptContext } from "wxt/utils/content-script-context";
import type { FromFrame, ToFrame } from "../messaging/frame-link.ts";
import type { CurrentPage, TabReplies } from "../messaging/protocol.ts";
import type { PageContext } from "../sites/page-context.ts";
import type { SiteAdapter } from "../sites/site-adapter.ts";
import { collapsedItem } from "../sidebar/store.ts";
import { isDarkBackground } from "../../shared/page-theme.ts";
import { pageUrl, queryFor } from "./page-query.ts";
import { send } from "../messaging/send.ts";
import { whenBodyExists, whenParsed } from "./document-ready.ts";
import { panelWidthPx, railWidthPx, type SidebarFrame } from "./sidebar-frame.ts";
import { sidebarPlacement } from "./sidebar-placement.ts";

/**
 * The sidebar on a host page, for any site adapter: makes room for its frame,
 * reads the page after every in-app navigation and tells the frame, which
 * looks the page up and shows it (sidebar/frame-controller.tsx). Every
 * listener, timer and wait belongs to the content script's context (`ctx`)
 * and ends when it is invalidated.
 */

/**
 * Asks the background for the page's lookup the moment it is read: the API's
 * answer is then on its way before the frame has heard of the page (a port
 * hop and a runtime message later, the frame's own lookup joins it). Not
 * for a page the frame holds in its cache: it paints from that and asks
 * again once the page is idle (sidebar/page-settled.ts). True if it asked.
 */
function lookAhead(context: PageContext, pageKey: string | null): boolean {
  const query = queryFor(context);
  if (!query || !pageKey) return false;
  performance.mark("mutual:lookup-ahead", { detail: { url: pageUrl(context, location.href) } });
  void send({ type: "lookup", query, pageKey, ahead: "start" });
  return true;
}

/** How long the frame's extra work may wait for the page to go idle after it showed a page. */
const pageIdleTimeoutMs = 2_000;

/**
 * Reads the page and hands it to the frame; `refresh` again after each
 * navigation. `cachedInFrame`: the page the frame last said it holds a
 * cached lookup for. Exported for its test.
 */
export function pageReader(ctx: ContentScriptContext, site: SiteAdapter, frame: SidebarFrame, shown: (context: PageContext) => void, docked: () => boolean = () => true, cachedInFrame: () => string | null = () => null) {
  let current: AbortController | null = null;
  let visits = 0;
  // One listener for the script's life, not one per navigation.
  ctx.onInvalidated(() => current?.abort());
  const postTheme = () => frame.post({ type: "pageTheme", dark: isDarkBackground(getComputedStyle(document.body).backgroundColor) });
  return async () => {
    current?.abort();
    const controller = new AbortController();
    current = controller;
    // The URL names the thread or record before the page draws it: the frame
    // reads its cached lookup meanwhile, so it can paint as soon as it's read.
    frame.post({ type: "navigating", urlKey: site.pageKey(location.href) });
    // The theme now, before the page draws what the URL names: straight after
    // it has, getComputedStyle would restyle the whole new view inside our task.
    postTheme();
    const context = await site.readPage(controller.signal);
    if (controller.signal.aborted) return;
    const url = pageUrl(context, location.href);
    const pageKey = site.pageKey(url);
    performance.mark("mutual:page-read", { detail: { kind: context.kind, url } });
    // Docked, our frame will ask for it at once; a side panel may not be open to ask at all.
    const lookedAhead = docked() && pageKey !== cachedInFrame() && lookAhead(context, pageKey);
    shown(context);
    const visit = ++visits;
    frame.post({ type: "page", context, pageKey, href: location.href, visit, lookedAhead });
    // Once the page has drawn its next frame (style clean, the read cheap): the
    // theme again, as one applied late on load shows; and idle after that
    // frame, which has styled and laid out what the page showed (an idle
    // period can come before it, while its layout is still pending).
    ctx.requestAnimationFrame(() => {
      ctx.setTimeout(postTheme, 0);
      ctx.requestIdleCallback(() => {
        if (!controller.signal.aborted) frame.post({ type: "pageIdle", visit });
      }, { timeout: pageIdleTimeoutMs });
    });
  };
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
function answerTabMessages(ctx: ContentScriptContext, toggle: () => void, current: () => CurrentPage): void {
  const handlers: { [K in keyof TabReplies]: () => TabReplies[K] } = {
    toggleSidebar: () => {
      toggle();
      return null;
    },
    currentPartner: current,
  };
  const onMessage = (message: { type?: string }, _sender: unknown, sendResponse: (reply: unknown) => void) => {
    const type = message?.type;
    if (type && Object.hasOwn(handlers, type)) sendResponse(handlers[type as keyof TabReplies]());
    return false;
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
}

/** What a site's own features (Gmail's "Log as promise" on a selection) may do with the sidebar. */
export interface SidebarHandle {
  post(message: ToFrame): void;
  /** Opens it if collapsed (the user asked for something it shows). */
  open(): void;
}

export async function runSidebar(ctx: ContentScriptContext, site: SiteAdapter, withSidebar?: (sidebar: SidebarHandle) => void): Promise<void> {
  // The page gives up a rail for the tab, or the panel's width when it is
  // open. Set now, at document_start, before the page has laid anything out:
  // set after, it would re-lay out the whole page at the new width. Nothing
  // changes it again but the user opening or collapsing the sidebar. The
  // panel's width before the stored choice is read: on a busy machine the
  // parser can finish first, and open is what a sidebar is unless the user
  // collapsed it (then the rail follows as soon as storage answers).
  // Docked or in the side panel (content/sidebar-placement.ts): in the side panel the page gets no room.
  const placement = sidebarPlacement(ctx);
  const space = placement.space;
  space.set(panelWidthPx);
  let collapsed = await collapsedItem.getValue();
  if (!ctx.isValid) return;
  space.set(collapsed ? railWidthPx : panelWidthPx);
  let partners: CurrentPage["partners"] = [];
  let kind: PageContext["kind"] | null = null;
  let cachedInFrame: string | null = null;
  // The frame goes on <body> as soon as there is one, so it loads while the page does.
  if (!(await whenBodyExists(document, ctx.signal)) || !ctx.isValid) return;
  const frame = await placement.mount(site.headerHeightPx, (message) => {
    if (message.type === "toggle") toggle();
    else if (message.type === "partners") partners = message.partners;
    else if (message.type === "cached") cachedInFrame = message.urlKey;
  });
  // A page with nothing to show (the Gmail inbox) folds the sidebar to its
  // tab without changing the user's choice; the next thread opens it again.
  let foldedForPage = false;
  const show = () => {
    const folded = collapsed || foldedForPage;
    space.set(folded ? railWidthPx : panelWidthPx);
    frame.setOpen(!folded);
    frame.post({ type: "collapsed", collapsed: folded });
  };
  function toggle() {
    collapsed = !(collapsed || foldedForPage);
    foldedForPage = false;
    show();
    void collapsedItem.setValue(collapsed);
  }
  show();
  const refresh = pageReader(ctx, site, frame, (context) => {
    kind = context.kind;
    partners = [];
    if (foldedForPage !== (kind === "nothing-to-show")) {
      foldedForPage = kind === "nothing-to-show";
      show();
    }
  }, () => placement.docked(), () => cachedInFrame);
  followNavigation(ctx, refresh);
  site.watch?.(() => void refresh(), ctx.signal);
  answerTabMessages(ctx, () => placement.docked() && toggle(), () => ({
    partners,
    state: kind === "nothing-to-show" ? "Nothing to show on this page." : "No partner on this page.",
  }));
  withSidebar?.({
    post: (message) => frame.post(message),
    open: () => {
      if (!placement.docked()) placement.openPanel();
      else if (collapsed) toggle();
    },
  });
  // The adapters read the parsed page, as they did when the script started at document_idle.
  await whenParsed(document, ctx.signal);
  if (ctx.isValid) await refresh();
}
