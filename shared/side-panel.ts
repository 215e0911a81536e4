/**
 * The sidebar's two homes: docked on the host page (a frame the page makes
 * room for) or Chrome's side panel, which follows the active tab. The rules
 * here are pure; the extension's adapters (background/side-panel.ts,
 * sidebar/panel-controller.tsx, content/sidebar-placement.ts) act on them.
 */

export const sidebarModes = ["docked", "sidePanel"] as const;
export type SidebarMode = (typeof sidebarModes)[number];

/**
 * The mode to use: what the user chose on the options page, unless this
 * browser has no side panel (Firefox), or storage holds something else
 * (storage.local is writable by any of our contexts): docked is the default.
 */
export function sidebarModeFrom(stored: unknown, sidePanelAvailable: boolean): SidebarMode {
  return stored === "sidePanel" && sidePanelAvailable ? "sidePanel" : "docked";
}

/**
 * What the side panel shows about the tab it follows (the active tab of its
 * window): `connecting` until that tab's content script reports, `showing`
 * once it has, `loading` while the tab loads another document (its port
 * closed after reporting: the tab is asked again once loaded; an in-app
 * navigation keeps the port and reports over it), and
 * `unsupported` when no content script of ours answered (not a site Mutual
 * reads, or a tab opened before Mutual was installed or updated).
 */
export type FollowedTab =
  | { state: "none" }
  | { state: "connecting" | "showing" | "loading" | "unsupported"; tabId: number };

export type TabEvent =
  /** The window's active tab is now this one. */
  | { type: "activated"; tabId: number }
  /** The tab finished loading: a content script of ours, if it matches, is running. */
  | { type: "complete"; tabId: number }
  /** The content script of that tab sent something over the panel's port. */
  | { type: "reported"; tabId: number }
  /** The panel's port to that tab closed (`reported`: whether anything came over it first). */
  | { type: "closed"; tabId: number; reported: boolean };

export interface FollowStep {
  next: FollowedTab;
  /** Open a port to `next.tabId`'s content script, dropping any other. */
  connect: boolean;
  /** Drop the page shown: it belongs to a tab no longer followed, or a document gone. */
  clear: boolean;
}

/**
 * One step of following the active tab. Events about any tab but the one
 * followed change nothing: a late report from the tab left behind must never
 * replace what the active tab shows.
 */
export function followTab(current: FollowedTab, event: TabEvent): FollowStep {
  const stay: FollowStep = { next: current, connect: false, clear: false };
  if (event.type === "activated") {
    const same = current.state !== "none" && current.tabId === event.tabId && current.state !== "unsupported";
    return same ? stay : { next: { state: "connecting", tabId: event.tabId }, connect: true, clear: true };
  }
  if (current.state === "none" || current.tabId !== event.tabId) return stay;
  const tabId = current.tabId;
  switch (event.type) {
    case "complete":
      // Connected already (an in-app navigation reports over the open port).
      if (current.state === "showing" || current.state === "connecting") return stay;
      return { next: { state: "connecting", tabId }, connect: true, clear: false };
    case "reported":
      return current.state === "showing" ? stay : { next: { state: "showing", tabId }, connect: false, clear: false };
    case "closed":
      if (current.state === "loading") return stay;
      // Nobody answered: no content script there. Gone after reporting: the
      // document is being replaced; its successor is asked once it has loaded.
      return event.reported
        ? { next: { state: "loading", tabId }, connect: false, clear: true }
        : { next: { state: "unsupported", tabId }, connect: false, clear: true };
  }
}

/**
 * What the keyboard command does. `chrome.sidePanel.open` only works within
 * the command's own task (a user gesture), so the background decides from
 * the mode it has already read (null: not yet, the worker just woke for
 * this command). An open panel is closed again once the background knows it
 * was open before (background/side-panel.ts).
 */
export interface CommandPlan {
  openPanel: boolean;
  /** Tell the tab's content script to show or hide its docked sidebar. */
  toggleDocked: boolean;
}

export function commandPlan(mode: SidebarMode | null): CommandPlan {
  // Unknown mode: try both. The panel is disabled while docked (open fails
  // harmlessly) and a content script in side-panel mode ignores the toggle.
  return { openPanel: mode !== "docked", toggleDocked: mode !== "sidePanel" };
}
