import { browser, type Browser } from "wxt/browser";
import type { ContentScriptContext } from "wxt/utils/content-script-context";
import { createShadowRootUi } from "wxt/utils/content-script-ui/shadow-root";
import { framePage, framePortPrefix, type FromFrame, type ToFrame } from "../messaging/frame-link.ts";

/**
 * The sidebar's frame on the host page: an extension page in an <iframe>, so
 * nothing of what it shows is in the page's document (its text is out of
 * reach of window.find(), selections and the page's events), inside a closed
 * shadow root, so the page cannot reach the <iframe> to move or re-point it.
 * The frame is made as soon as the content script starts and loads while the
 * host page does; painting never waits for it.
 */

/** The collapsed tab's rail and the open panel, in CSS pixels (sidebar.css draws within them). */
export const railWidthPx = 40;
export const panelWidthPx = 360;

const frameCss = `
:host { all: initial; }
iframe {
  position: fixed; z-index: 2147483000; right: 0; top: var(--mutual-top, 64px);
  width: ${railWidthPx}px; height: calc(100vh - var(--mutual-top, 64px));
  border: 0; margin: 0; padding: 0; background: transparent; color-scheme: normal;
  /* Out of the page's flow and sized by us alone: opening or collapsing it lays out nothing of the page's but the root box's width. */
  contain: strict;
}
iframe.open { width: ${panelWidthPx}px; }
`;

export interface SidebarFrame {
  /** Sent now if the frame is listening, else the latest of each type once it is. */
  post(message: ToFrame): void;
  setOpen(open: boolean): void;
  /** Takes the frame off the page (the user moved the sidebar to the side panel). */
  remove(): void;
}

function randomNonce(): string {
  return [...crypto.getRandomValues(new Uint8Array(16))].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

export async function mountSidebarFrame(ctx: ContentScriptContext, headerHeightPx: number, onMessage: (message: FromFrame) => void): Promise<SidebarFrame> {
  const nonce = randomNonce();
  const frame = document.createElement("iframe");
  frame.title = "Mutual";
  frame.src = `${(browser.runtime as unknown as { getURL(path: string): string }).getURL(framePage)}?link=${nonce}`;
  let port: Browser.runtime.Port | null = null;
  // What the frame must know on connecting: the last message of each type.
  const latest = new Map<ToFrame["type"], ToFrame>();
  const connect = () => {
    port?.disconnect();
    const opened = browser.runtime.connect({ name: `${framePortPrefix}${nonce}` });
    opened.onMessage.addListener((message: FromFrame) => onMessage(message));
    opened.onDisconnect.addListener(() => {
      if (port === opened) port = null;
    });
    port = opened;
    for (const message of latest.values()) opened.postMessage(message);
  };
  // The frame listens from its first script, which runs before its load event.
  frame.addEventListener("load", () => {
    if (ctx.isValid) connect();
  });
  ctx.onInvalidated(() => port?.disconnect());

  const ui = await createShadowRootUi(ctx, {
    name: "mutual-sidebar",
    position: "inline",
    anchor: "body",
    append: "last",
    css: frameCss,
    // Closed: the page's scripts get null for the host's shadowRoot, and so
    // cannot reach the <iframe>. Only the e2e build opens it, for Playwright.
    mode: import.meta.env.MUTUAL_E2E_OPEN_SIDEBAR === "true" ? "open" : "closed",
    onMount: (container) => {
      container.style.setProperty("--mutual-top", `${headerHeightPx}px`);
      container.append(frame);
      return container;
    },
  });
  ui.mount();
  return {
    post(message) {
      latest.set(message.type, message);
      port?.postMessage(message);
    },
    setOpen(open) {
      frame.classList.toggle("open", open);
    },
    remove() {
      port?.disconnect();
      port = null;
      ui.remove();
    },
  };
}
