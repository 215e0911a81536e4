import { browser } from "wxt/browser";
import type { Reply, ReplyTo, Request, TabReplies, TabRequest } from "./protocol.ts";

/**
 * Asks the background worker; the reply's type is the one its request type
 * has in Replies. A worker that was asleep wakes for the message; if the
 * extension was updated under the page, say so plainly.
 */
export async function send<M extends Request>(message: M): Promise<Reply<ReplyTo<M["type"]>>> {
  try {
    const reply = (await browser.runtime.sendMessage(message)) as Reply<ReplyTo<M["type"]>> | undefined;
    return reply ?? { ok: false, error: { code: "no_reply", message: "The extension did not answer; reload the page." } };
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    const reloaded = /context invalidated|Receiving end does not exist/i.test(text);
    return {
      ok: false,
      error: {
        code: reloaded ? "extension_reloaded" : "messaging_failed",
        message: reloaded ? "Mutual was updated; reload this page to use it." : text,
      },
    };
  }
}

/** Asks a tab's content script; null when the tab has none (not Gmail or Salesforce, or not loaded yet). */
export async function sendToTab<M extends TabRequest>(tabId: number, message: M): Promise<TabReplies[M["type"]] | null> {
  try {
    return ((await browser.tabs.sendMessage(tabId, message)) as TabReplies[M["type"]] | undefined) ?? null;
  } catch {
    return null;
  }
}
