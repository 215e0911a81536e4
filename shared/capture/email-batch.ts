/**
 * The emails of a thread on screen as one capture batch (POST
 * /v1/partners/:id/interactions/batch): metadata only, never a body. Pure:
 * the viewer's time zone and `now` come in.
 */
import { candidateDomains, emailDomain, isFreeMailDomain } from "../domains.ts";
import { isEmailAddress } from "../email-address.ts";
import { maxCaptureItems, type CapturedEmail } from "../schemas/capture.ts";
import { messageSentAt } from "./message-time.ts";

/** One message's header, as a site adapter reads it (extension/sites/page-context.ts's EmailMessage). */
export interface MessageHeader {
  id: string;
  timeText: string | null;
  from: string | null;
  to: string[];
}

export interface BatchOptions {
  /** The signed-in user's address: their messages, and their colleagues', are outbound. */
  ownAddress: string | null;
  /** The thread's subject: sent only when the workspace keeps subjects. */
  subject: string | null;
  timeZone: string;
  now: Date;
}

export interface EmailBatch {
  items: CapturedEmail[];
  /** Messages left out: no readable time or sender, or a time in the future. */
  skipped: string[];
}

/** A header may say "9:14 AM" a minute ahead of our clock; more than a day ahead is a misread. */
const futureSlackMs = 86_400_000;

function registrableDomain(address: string): string | null {
  const host = emailDomain(address);
  return host ? (candidateDomains(host).at(-1) ?? null) : null;
}

/**
 * Our side wrote it: the signed-in address, or a colleague at the same
 * company domain. Everyone else (the partner's people, or anyone outside)
 * wrote to us: inbound.
 */
export function isOurSide(sender: string, ownAddress: string | null): boolean {
  const own = ownAddress?.trim().toLowerCase() ?? null;
  if (!own) return false;
  if (sender === own) return true;
  const ownDomain = registrableDomain(own);
  // Free-mail addresses are people, not companies: a colleague is never "anyone else at gmail.com".
  return ownDomain !== null && !isFreeMailDomain(ownDomain) && registrableDomain(sender) === ownDomain;
}

/** FNV-1a, 32 bits, as 8 hex digits: a short, stable digest of a recipient list (not a secret). */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, "0");
}

/**
 * The email's id in the workspace: what every recipient's copy of it has in
 * common (the minute it was sent, its sender, everyone on it). Gmail's own
 * message ids belong to one mailbox, so a teammate opening the same thread
 * would otherwise log it again. Two emails from one sender to the same
 * people within the same minute count as one.
 */
export function emailKey(occurredAt: string, from: string, participants: string[]): string {
  return `mail:${occurredAt}:${fnv1a([...participants].sort().join(","))}:${from}`.slice(0, 200);
}

/** The batch for a thread's messages, oldest first, at most the API's 100 (the newest kept). */
export function emailBatch(messages: MessageHeader[], { ownAddress, subject, timeZone, now }: BatchOptions): EmailBatch {
  const items: CapturedEmail[] = [];
  const skipped: string[] = [];
  const seen = new Set<string>();
  for (const message of messages) {
    const occurredAt = message.timeText ? messageSentAt(message.timeText, timeZone, now) : null;
    const from = message.from?.toLowerCase() ?? null;
    if (!occurredAt || !from || !isEmailAddress(from) || Date.parse(occurredAt) > now.getTime() + futureSlackMs) {
      skipped.push(message.id);
      continue;
    }
    const participants = [...new Set([from, ...message.to.map((address) => address.toLowerCase())])].filter(isEmailAddress);
    const key = emailKey(occurredAt, from, participants);
    if (seen.has(key)) continue;
    seen.add(key);
    items.push({
      external_id: key, kind: "email", direction: isOurSide(from, ownAddress) ? "outbound" : "inbound",
      occurred_at: occurredAt, participants: participants.slice(0, 100),
      ...(subject ? { subject: subject.slice(0, 1_000) } : {}),
    });
  }
  return { items: items.slice(-maxCaptureItems), skipped };
}
