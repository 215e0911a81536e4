import { browser } from "wxt/browser";
import type { ContentScriptContext } from "wxt/utils/content-script-context";
import type { SidebarHandle } from "../content/sidebar-controller.ts";
import { promiseFromSelectionMessage, type SelectedSentence } from "../messaging/selection-messages.ts";
import { readGmailMessages } from "./gmail-messages.ts";
import { gmailSelectors } from "./gmail-selectors.ts";

/**
 * "Log as promise" beside words selected in a Gmail message: a small button
 * in our own closed shadow root, acting only on the user's own (trusted)
 * clicks; and the same from the context menu's item (the background sends
 * the tab promiseFromSelectionMessage). Either way the sidebar's promise form
 * opens, prefilled from the words, the message's date and its sender's side.
 * The words are read as text and only ever set as text.
 *
 * Try it: open a thread, select "I'll send the numbers by Wednesday." in a message.
 */

/** Longer than any sentence: a selection of a whole message is not one promise. */
const maxSelectionLength = 600;

/** The selection, when it lies within one message's body: its words and that message's header. */
export function selectedSentence(selection: Selection | null): SelectedSentence | null {
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const text = selection.toString().replace(/\s+/g, " ").trim();
  if (text === "" || text.length > maxSelectionLength) return null;
  const range = selection.getRangeAt(0);
  const start = range.commonAncestorContainer;
  const element = start.nodeType === Node.ELEMENT_NODE ? (start as Element) : start.parentElement;
  const body = element?.closest(gmailSelectors.messageBody.join(", "));
  const message = body?.closest(gmailSelectors.message.join(", "));
  if (!body || !message) return null;
  const [header] = readGmailMessages([message]);
  return { id: crypto.randomUUID(), text, messageId: header?.id ?? null, timeText: header?.timeText ?? null, from: header?.from ?? null };
}

const buttonCss = `
:host { all: initial; }
button {
  position: fixed; z-index: 2147483001; font: 600 12px/1 system-ui, sans-serif; padding: 6px 10px;
  border: 1px solid #1a56db; border-radius: 14px; background: #1a56db; color: #fff; cursor: pointer;
  box-shadow: 0 1px 4px rgba(0, 0, 0, 0.25);
}
button[hidden] { display: none; }
`;

/** The floating button, in a closed shadow root: the page can neither restyle it nor reach it to click it. */
function mountButton(ctx: ContentScriptContext, onClick: () => void): { showAt(rect: DOMRect): void; hide(): void; host: Element } {
  const host = document.createElement("mutual-selection");
  // Closed: the page's scripts get null for the host's shadowRoot. Only the e2e build opens it, for Playwright.
  const root = host.attachShadow({ mode: import.meta.env.MUTUAL_E2E_OPEN_SIDEBAR === "true" ? "open" : "closed" });
  const style = document.createElement("style");
  style.textContent = buttonCss;
  const button = document.createElement("button");
  button.type = "button";
  button.textContent = "Log as promise";
  button.hidden = true;
  // Pressing the button must not clear the selection it is about.
  button.addEventListener("mousedown", (event) => event.preventDefault());
  button.addEventListener("click", (event) => {
    if (event.isTrusted) onClick();
  });
  root.append(style, button);
  document.body.append(host);
  ctx.onInvalidated(() => host.remove());
  return {
    host,
    showAt(rect) {
      button.style.top = `${Math.max(4, rect.bottom + 6)}px`;
      button.style.left = `${Math.max(4, Math.min(rect.left, window.innerWidth - 140))}px`;
      button.hidden = false;
    },
    hide() {
      button.hidden = true;
    },
  };
}

export function watchGmailSelection(ctx: ContentScriptContext, sidebar: SidebarHandle): void {
  let current: SelectedSentence | null = null;
  const log = (selection: SelectedSentence | null) => {
    if (!selection) return;
    sidebar.open();
    sidebar.post({ type: "promiseFromSelection", selection });
  };
  const button = mountButton(ctx, () => {
    log(current);
    button.hide();
  });
  // After the user's own mouse or keyboard ends a selection (never a script's), a task later when it has settled.
  const check = (event: Event) => {
    // A click on the button itself is the button's (its events reach us retargeted to its host).
    if (!event.isTrusted || event.target === button.host) return;
    ctx.setTimeout(() => {
      const selection = document.getSelection();
      current = selectedSentence(selection);
      if (current && selection) button.showAt(selection.getRangeAt(0).getBoundingClientRect());
      else button.hide();
    }, 0);
  };
  ctx.addEventListener(document, "mouseup", check);
  ctx.addEventListener(document, "keyup", check);
  ctx.addEventListener(window, "hashchange", () => button.hide());
  const onMessage = (message: { type?: string }) => {
    if (message?.type !== promiseFromSelectionMessage.type) return false;
    log(selectedSentence(document.getSelection()));
    return false;
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
}
