import { browser, type Browser } from "wxt/browser";
import type { ContentScriptContext } from "wxt/utils/content-script-context";
import { panelLinkName, sidePanelPage, type FromPanel, type ToPanel } from "../messaging/side-panel-link.ts";

/**
 * The content script's end of the side panel's port: the panel connects to
 * the tab it follows (`tabs.connect`), and hears what this page shows, as
 * the docked frame does. Only our own side panel page is answered: a page
 * cannot reach a content script's `runtime.onConnect`, and other extensions
 * cannot either; the check on the sender's page keeps the sidebar's frames
 * and any other page of ours out too.
 */
export interface PanelLink {
  post(message: ToPanel): void;
}

export function isOurSidePanel(port: Pick<Browser.runtime.Port, "name" | "sender">, extensionId: string, panelUrl: string): boolean {
  const sender = port.sender;
  return port.name === panelLinkName && sender?.id === extensionId && (sender.url ?? "").split(/[?#]/)[0] === panelUrl;
}

/** Messages worth replaying to a panel that connects later: what the page shows, not one-off requests. */
const replayed = new Set<ToPanel["type"]>(["navigating", "page", "pageIdle", "pageTheme"]);
/**
 * A one-off request ("Log as promise" on a selection) made while no panel
 * listens: the background is opening the panel for it, so it goes to the
 * panel that connects next, if that is soon; never to one opened later on.
 */
const requestKeptMs = 10_000;

export function listenForSidePanel(ctx: ContentScriptContext, onMessage: (message: FromPanel) => void): PanelLink {
  const panelUrl = (browser.runtime as unknown as { getURL(path: string): string }).getURL(sidePanelPage);
  const ports = new Set<Browser.runtime.Port>();
  const latest = new Map<ToPanel["type"], ToPanel>();
  let waiting: { message: ToPanel; at: number } | null = null;
  const onConnect = (port: Browser.runtime.Port) => {
    if (!isOurSidePanel(port, browser.runtime.id, panelUrl)) return;
    ports.add(port);
    port.onMessage.addListener((message: FromPanel) => onMessage(message));
    port.onDisconnect.addListener(() => ports.delete(port));
    for (const message of latest.values()) port.postMessage(message);
    if (waiting && Date.now() - waiting.at < requestKeptMs) port.postMessage(waiting.message);
    waiting = null;
  };
  browser.runtime.onConnect.addListener(onConnect);
  ctx.onInvalidated(() => {
    browser.runtime.onConnect.removeListener(onConnect);
    for (const port of ports) port.disconnect();
  });
  return {
    post(message) {
      if (replayed.has(message.type)) latest.set(message.type, message);
      else if (ports.size === 0) waiting = { message, at: Date.now() };
      for (const port of ports) port.postMessage(message);
    },
  };
}
