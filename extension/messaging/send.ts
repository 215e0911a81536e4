import { browser } from "wxt/browser";
import type { Reply, Request } from "./protocol.ts";

/**
 * Asks the background worker. A worker that was asleep wakes for the message;
 * if the extension was updated under the page, say so plainly.
 */
export async function send<T>(message: Request): Promise<Reply<T>> {
  try {
    const reply = (await browser.runtime.sendMessage(message)) as Reply<T> | undefined;
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
