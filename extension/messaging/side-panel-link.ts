import { storage } from "wxt/utils/storage";
import type { SidebarMode } from "../../shared/side-panel.ts";
import type { FromFrame, ToFrame } from "./frame-link.ts";

/**
 * Where the sidebar lives (options page: "Docked on the page" or "In
 * Chrome's side panel"), and the ports of the side panel. The content
 * script, the background and the panel all follow the stored choice
 * (`watch`), so a change applies to open tabs without a reload.
 */
export const sidebarModeItem = storage.defineItem<SidebarMode>("local:sidebarMode", { fallback: "docked" });

/** The side panel's page, as runtime.getURL names it (Chrome only: Firefox's build has none). */
export const sidePanelPage = "/sidepanel.html" as const;

/**
 * The port the panel opens to the followed tab's content script
 * (`tabs.connect(tabId, { frameId: 0 })`): only our content script in that
 * tab's top frame can answer it, so whatever comes over it is that tab's.
 * Messages are those of the frame's port (messaging/frame-link.ts).
 */
export const panelLinkName = "mutual-side-panel";
export type ToPanel = ToFrame;
export type FromPanel = FromFrame;

/**
 * What a content script sends the background, in the task of the user's
 * click, when the sidebar should show something (the page's own "Log as
 * promise" button): in side-panel mode the panel opens. Not in `Replies`:
 * the background answers it before anything async (background/side-panel.ts).
 */
export const openSidePanelRequest = { type: "openSidePanel" } as const;
