import { browser } from "wxt/browser";
import type { ContentScriptContext } from "wxt/utils/content-script-context";
import { sidebarModeFrom, type SidebarMode } from "../../shared/side-panel.ts";
import type { FromFrame, ToFrame } from "../messaging/frame-link.ts";
import { openSidePanelRequest, sidebarModeItem } from "../messaging/side-panel-link.ts";
import { listenForSidePanel } from "./panel-link.ts";
import { reserveSpace } from "./reserve-space.ts";
import { mountSidebarFrame, type SidebarFrame } from "./sidebar-frame.ts";

/**
 * Where a content script's sidebar goes: docked (the page makes room, our
 * frame is on it) or in Chrome's side panel (the page keeps its width and
 * gets no frame; the panel hears the page over its own port). The user's
 * choice is followed as it changes, so open tabs move without a reload.
 */

/** Firefox has no `chrome.sidePanel` (its sidebar_action is another thing): always docked there. */
const sidePanelAvailable = import.meta.env.BROWSER !== "firefox";

export interface SidebarPlacement {
  /** The room the docked sidebar asks of the page; none in side-panel mode. */
  space: { set(widthPx: number): void };
  /** Puts the sidebar where the mode says: the frame (docked) and, always, the side panel's port. */
  mount(headerHeightPx: number, onMessage: (message: FromFrame) => void): Promise<SidebarFrame>;
  /** Whether the keyboard command's toggle is this page's to act on (docked) or the panel's. */
  docked(): boolean;
  /** In side-panel mode, asks the background to open the panel; call in the task of the user's click. */
  openPanel(): void;
}

/** One-off requests are not replayed to a frame mounted later; what the page shows is. */
const replayed = new Set<ToFrame["type"]>(["navigating", "page", "pageIdle", "pageTheme", "collapsed"]);

/**
 * Starts reading the mode at once: until storage answers the page is treated
 * as docked (room is made at document_start, before the page lays out), and
 * in side-panel mode the room is given back as soon as it does, which is
 * normally before the page has laid anything out.
 */
export function sidebarPlacement(ctx: ContentScriptContext): SidebarPlacement {
  const room = reserveSpace();
  ctx.onInvalidated(() => room.release());
  let mode: SidebarMode | null = null;
  let width: number | null = null;
  const applyRoom = () => {
    if (mode === "sidePanel") room.release();
    else if (width !== null) room.set(width);
  };
  const onModeChange: ((next: SidebarMode) => void)[] = [];
  const adopt = (stored: unknown) => {
    const next = sidebarModeFrom(stored, sidePanelAvailable);
    if (next === mode) return;
    mode = next;
    applyRoom();
    for (const listener of onModeChange) listener(next);
  };
  const modeRead = sidebarModeItem.getValue().then(adopt, () => adopt("docked"));
  const unwatch = sidebarModeItem.watch((stored) => adopt(stored));
  ctx.onInvalidated(unwatch);

  return {
    space: {
      set(widthPx) {
        width = widthPx;
        applyRoom();
      },
    },
    docked: () => mode !== "sidePanel",
    openPanel() {
      if (mode === "sidePanel") void browser.runtime.sendMessage(openSidePanelRequest).catch(() => undefined);
    },
    async mount(headerHeightPx, onMessage) {
      await modeRead;
      const panel = listenForSidePanel(ctx, onMessage);
      const latest = new Map<ToFrame["type"], ToFrame>();
      let open = false;
      let frame: SidebarFrame | null = null;
      // Mounting is async: one placement at a time, each for the mode of its moment.
      let placing = Promise.resolve();
      const place = () => {
        placing = placing.then(async () => {
          if (!ctx.isValid) return;
          if (mode === "sidePanel") {
            frame?.remove();
            frame = null;
          } else if (!frame) {
            frame = await mountSidebarFrame(ctx, headerHeightPx, onMessage);
            frame.setOpen(open);
            for (const message of latest.values()) frame.post(message);
          }
        });
        return placing;
      };
      onModeChange.push(() => void place());
      await place();
      return {
        post(message) {
          if (replayed.has(message.type)) latest.set(message.type, message);
          frame?.post(message);
          panel.post(message);
        },
        setOpen(next) {
          open = next;
          frame?.setOpen(next);
        },
        remove() {
          frame?.remove();
          frame = null;
        },
      };
    },
  };
}
