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

/** The batch for a thread's messages, oldest first, at most the API's 100 (the newest kept). */
export function emailBatch(messages: MessageHeader[], { ownAddress, subject, timeZone, now }: BatchOptions): EmailBatch {
  const items: CapturedEmail[] = [];
  const skipped: string[] = [];
  const seen = new Set<string>();
  for (const message of messages) {
    const occurredAt = message.timeText ? messageSentAt(message.timeText, timeZone, now) : null;
    const from = message.from?.toLowerCase() ?? null;
    if (seen.has(message.id)) continue;
    if (!occurredAt || !from || !isEmailAddress(from) || Date.parse(occurredAt) > now.getTime() + futureSlackMs) {
      skipped.push(message.id);
      continue;
    }
    seen.add(message.id);
    const participants = [...new Set([from, ...message.to.map((address) => address.toLowerCase())])].filter(isEmailAddress);
    items.push({
      external_id: message.id, kind: "email", direction: isOurSide(from, ownAddress) ? "outbound" : "inbound",
      occurred_at: occurredAt, participants: participants.slice(0, 100),
      ...(subject ? { subject: subject.slice(0, 1_000) } : {}),
    });
  }
  return { items: items.slice(-maxCaptureItems), skipped };
}
