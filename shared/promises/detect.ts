/**
 * Finds the sentences of an email that commit someone to something, with the
 * title, due date and side of each, for the sidebar's suggestions and the
 * "Log as promise" form. Pure: the message's date and time zone come in, no
 * clock, DOM or Node API is read, so the same code runs in the extension off
 * the main thread and in tests.
 */
import { commitmentOwner, type Side } from "./commitment.ts";
import { resolveDueDate } from "./due-date.ts";
import { splitSentences } from "./sentences.ts";
import { promiseTitle } from "./title.ts";

export type { Side } from "./commitment.ts";

export interface DetectOptions {
  /** When the message was sent, ISO 8601; due dates count from its day in `timeZone`. */
  sentAt: string;
  /** Which side wrote the message. */
  authorSide: Side;
  /** The sender's IANA time zone, e.g. "Europe/London". */
  timeZone: string;
}

export interface DetectedPromise {
  sentence: string;
  title: string;
  /** YYYY-MM-DD, or null when the sentence names no day. */
  due_on: string | null;
  owed_by: Side;
}

/** Curly quotes, as mail clients type them, read as straight ones. */
function normalise(sentence: string): string {
  return sentence.replace(/[\u2018\u2019\u02BC]/g, "'").replace(/[\u201C\u201D]/g, '"');
}

/** The promise one sentence makes, or null. */
export function detectPromise(sentence: string, { sentAt, authorSide, timeZone }: DetectOptions): DetectedPromise | null {
  const text = normalise(sentence.trim());
  const due = resolveDueDate(text, sentAt, timeZone);
  const owed_by = commitmentOwner(text, authorSide, due !== null);
  if (!owed_by) return null;
  return { sentence: sentence.trim(), title: promiseTitle(text, due), due_on: due?.date ?? null, owed_by };
}

/** Every promise a message body makes, in order; quoted replies, signatures and footers are skipped. */
export function detectPromises(text: string, options: DetectOptions): DetectedPromise[] {
  if (Number.isNaN(Date.parse(options.sentAt))) throw new RangeError(`sentAt is not an ISO 8601 time: ${options.sentAt}`);
  return splitSentences(text).flatMap((sentence) => {
    const promise = detectPromise(sentence, options);
    return promise ? [promise] : [];
  });
}
