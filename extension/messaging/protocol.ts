import { z } from "zod";
import { commitmentCreate, commitmentPatch } from "../../shared/schemas/commitment.ts";
import { contactCreate } from "../../shared/schemas/contact.ts";
import { interactionCreate } from "../../shared/schemas/interaction.ts";
import { meetingCreate } from "../../shared/schemas/meeting.ts";
import { partnerCreate, partnerPatch } from "../../shared/schemas/partner.ts";
import { referralPatch } from "../../shared/schemas/referral.ts";

/**
 * The typed messages between the pages (sidebar, popup, options, dashboard)
 * and the background worker, which alone holds the token and talks to the API.
 */

const id = z.string().min(1).max(100);

export const lookupInput = z.object({
  /** Every address on the page; the background leaves out the user's own and their colleagues'. */
  emails: z.array(z.string()).max(200).default([]),
  ownAddress: z.string().nullable().default(null),
  domains: z.array(z.string()).max(50).default([]),
  salesforce: z.array(z.string()).max(50).default([]),
});
export type LookupInput = z.input<typeof lookupInput>;

/** Every write the sidebar can make; bodies are checked with the API's own schemas before they are queued. */
export const writeAction = z.discriminatedUnion("action", [
  z.object({ action: z.literal("createCommitment"), partnerId: id, body: commitmentCreate }),
  z.object({ action: z.literal("patchCommitment"), partnerId: id, commitmentId: id, body: commitmentPatch }),
  z.object({ action: z.literal("createMeeting"), partnerId: id, body: meetingCreate }),
  z.object({ action: z.literal("createInteraction"), partnerId: id, body: interactionCreate }),
  z.object({ action: z.literal("createPartner"), body: partnerCreate }),
  z.object({ action: z.literal("createContact"), partnerId: id, body: contactCreate }),
  z.object({ action: z.literal("patchPartner"), partnerId: id, body: partnerPatch }),
  z.object({ action: z.literal("patchReferral"), partnerId: id, referralId: id, body: referralPatch }),
]);
export type WriteAction = z.input<typeof writeAction>;

export const settingsInput = z.object({
  apiUrl: z.string().trim().url("must be a URL such as http://127.0.0.1:8787").transform((url) => url.replace(/\/+$/, "")),
  token: z.string().trim().regex(/^mutual_[0-9a-z]{40}$/, "must be a Mutual API token (mutual_ and 40 letters or digits)"),
});

export const request = z.discriminatedUnion("type", [
  /** Asks the API; the answer is cached under `pageKey` (see lookup-cache-entry.ts), which the content script reads itself. */
  z.object({ type: z.literal("lookup"), query: lookupInput, pageKey: z.string().min(1).max(2000).nullable().default(null) }),
  z.object({ type: z.literal("write"), write: z.unknown(), label: z.string().max(200) }),
  z.object({ type: z.literal("outbox") }),
  z.object({ type: z.literal("flushOutbox") }),
  z.object({ type: z.literal("discardWrite"), id }),
  z.object({ type: z.literal("getSettings") }),
  z.object({ type: z.literal("saveSettings"), settings: z.unknown() }),
  z.object({ type: z.literal("testConnection"), settings: z.unknown().optional() }),
  z.object({ type: z.literal("openOptions") }),
  z.object({ type: z.literal("api"), path: z.string().regex(/^\/v1\/(partners|commitments|health\/trends)(\/|\?|$)/) }),
]);
export type Request = z.input<typeof request>;

export interface ErrorInfo {
  code: string;
  message: string;
  issues?: { path: string; message: string }[];
}

export type Reply<T> = { ok: true; data: T } | { ok: false; error: ErrorInfo };

export interface PendingWrite {
  id: string;
  label: string;
  partnerId: string | null;
  method: "POST" | "PATCH";
  path: string;
  body: unknown;
  idempotencyKey: string;
  createdAt: string;
  attempts: number;
  nextAttemptAt: string;
  /** Set when the API refused the write (4xx): it will not be retried, and is kept for the user to see. */
  failed: ErrorInfo | null;
  lastError: string | null;
}

export interface ConnectionReport {
  state: "connected" | "not_configured" | "unreachable" | "bad_token" | "wrong_url" | "error";
  message: string;
  workspace?: string;
  email?: string;
}

export interface CachedLookup<T> {
  data: T;
  fetchedAt: string;
  fromCache: boolean;
  /**
   * Who on the page could be from a partner, and their companies' domains
   * (for "Add partner"). Worked out in the background, which carries the
   * public-suffix list so the content script doesn't have to.
   */
  people: { emails: string[]; companyDomains: string[] };
}
