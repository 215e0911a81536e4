import type { Reply } from "../messaging/protocol.ts";

/**
 * A lookup the content script starts for its page the moment it has read it
 * (`ahead`), before the sidebar's frame has heard of the page: the frame's
 * first lookup of the same page and inputs, a few milliseconds later (one
 * port hop, one runtime message), takes that answer instead of asking the API
 * again. Each is taken once, and only by that first lookup: one after a write
 * of ours landed always asks the API. One not taken in `keepMs` (the frame
 * was not there, or asked first) is dropped.
 */
const keepMs = 5_000;
const ahead = new Map<string, Promise<Reply<unknown>>>();

/** Starts one, replacing any not taken yet: each visit to a page asks the API afresh. */
export function startAhead<T>(key: string, lookUp: () => Promise<Reply<T>>): Promise<Reply<T>> {
  const answer = lookUp();
  ahead.set(key, answer);
  setTimeout(() => {
    if (ahead.get(key) === answer) ahead.delete(key);
  }, keepMs);
  return answer;
}

/** The look-ahead for this page and inputs, if one was started and not taken yet; taking it ends it. */
export function takeAhead<T>(key: string): Promise<Reply<T>> | null {
  const answer = ahead.get(key) as Promise<Reply<T>> | undefined;
  if (!answer) return null;
  ahead.delete(key);
  return answer;
}
