import { signal } from "@preact/signals";
import { browser, type Browser } from "wxt/browser";
import { followTab, type FollowedTab, type TabEvent } from "../../shared/side-panel.ts";
import type { ToFrame } from "../messaging/frame-link.ts";
import { panelLinkName, type FromPanel, type ToPanel } from "../messaging/side-panel-link.ts";
import { answerPage, App, drawSidebar, pageLookups } from "./frame-controller.tsx";
import { collapsed } from "./store.ts";
import { pageDark } from "./theme.ts";

/**
 * The sidebar in Chrome's side panel (entrypoints/sidepanel/): it follows
 * the active tab of its window. It trusts only what comes over the port it
 * opened itself to that tab's top frame (`tabs.connect`), which only our own
 * content script there can answer: a page cannot open or answer a port of
 * ours, nor can another extension, and a port to a tab no longer followed is
 * dropped and anything late on it ignored.
 */

/** The parts of the tabs API the panel uses, so its following can be tested without a browser. */
export interface PanelTabs {
  windowId(): Promise<number>;
  activeTab(windowId: number): Promise<number | null>;
  onActivated(listener: (tabId: number, windowId: number) => void): void;
  /** The tab finished loading a document. */
  onComplete(listener: (tabId: number) => void): void;
  connect(tabId: number): Browser.runtime.Port;
}

export function browserTabs(): PanelTabs {
  return {
    windowId: async () => (await browser.windows.getCurrent()).id ?? browser.windows.WINDOW_ID_NONE,
    activeTab: async (windowId) => (await browser.tabs.query({ active: true, windowId }))[0]?.id ?? null,
    onActivated: (listener) => browser.tabs.onActivated.addListener(({ tabId, windowId }) => listener(tabId, windowId)),
    onComplete: (listener) => browser.tabs.onUpdated.addListener((tabId, change) => {
      if (change.status === "complete") listener(tabId);
    }),
    connect: (tabId) => browser.tabs.connect(tabId, { name: panelLinkName, frameId: 0 }),
  };
}

export const followedTab = signal<FollowedTab>({ state: "none" });

const pageMessages = new Set<string>(["navigating", "page", "pageIdle", "pageTheme", "promiseFromSelection", "collapsed"] satisfies ToFrame["type"][]);
function isToPanel(message: unknown): message is ToPanel {
  const type = (message as { type?: unknown } | null)?.type;
  return typeof type === "string" && pageMessages.has(type);
}

/** Follows the window's active tab; `toTab` answers the followed tab's content script (the partners shown, for the popup). */
export async function followActiveTab(tabs: PanelTabs, onPage: (message: ToPanel) => void, onClear: () => void): Promise<{ toTab(message: FromPanel): void }> {
  let port: Browser.runtime.Port | null = null;
  const drop = () => {
    const old = port;
    port = null;
    old?.disconnect();
  };
  const open = (tabId: number) => {
    const opened = tabs.connect(tabId);
    let reported = false;
    port = opened;
    opened.onMessage.addListener((message: unknown) => {
      // A port dropped (the tab left behind) says nothing any more.
      if (port !== opened || !isToPanel(message)) return;
      if (!reported) {
        reported = true;
        step({ type: "reported", tabId });
      }
      onPage(message);
    });
    opened.onDisconnect.addListener(() => {
      // Read, so Chrome does not log "Receiving end does not exist" for a tab with no content script.
      void browser.runtime.lastError;
      if (port !== opened) return;
      port = null;
      step({ type: "closed", tabId, reported });
    });
  };
  function step(event: TabEvent) {
    const { next, connect, clear } = followTab(followedTab.value, event);
    followedTab.value = next;
    // The old port first: what is cleared is not the old tab's to hear about.
    if (connect || clear) drop();
    if (clear) onClear();
    if (connect && next.state !== "none") open(next.tabId);
  }
  const windowId = await tabs.windowId();
  tabs.onActivated((tabId, activeIn) => {
    if (activeIn === windowId) step({ type: "activated", tabId });
  });
  tabs.onComplete((tabId) => step({ type: "complete", tabId }));
  const active = await tabs.activeTab(windowId);
  if (active !== null && followedTab.value.state === "none") step({ type: "activated", tabId: active });
  return { toTab: (message) => port?.postMessage(message) };
}

/** The panel's word on the tab it follows, above the sidebar. */
export function tabStatus(tab: FollowedTab): string | null {
  if (tab.state === "connecting" || tab.state === "loading") return "Reading this tab…";
  if (tab.state === "unsupported") {
    return "This tab is not on a site Mutual reads, so there is no partner to show. If it is, reload the tab: it was open before Mutual was installed or updated.";
  }
  return null;
}

function PanelApp({ onClose }: { onClose: () => void }) {
  return <App onToggle={onClose} closes status={tabStatus(followedTab.value)} />;
}

export async function runSidePanel(root: HTMLElement, tabs: PanelTabs = browserTabs()): Promise<void> {
  const lookups = pageLookups();
  // The side panel is open or closed as a whole: the docked sidebar's collapsed tab has no place here.
  collapsed.value = false;
  let toTab: (message: FromPanel) => void = () => undefined;
  drawSidebar(root, lookups, <PanelApp onClose={() => window.close()} />, (message) => toTab(message));
  // A tab left behind takes its page with it, and its theme: the next tab's own comes with its page.
  const clear = () => {
    lookups.clear();
    pageDark.value = null;
  };
  const follower = await followActiveTab(tabs, (message) => answerPage(lookups, message, false), clear);
  toTab = follower.toTab;
}
