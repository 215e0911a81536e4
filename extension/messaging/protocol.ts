import { z } from "zod";
import { sharingMessage } from "./sharing-message.ts";
import { commitmentCreate, commitmentPatch } from "../../shared/schemas/commitment.ts";
import { contactCreate } from "../../shared/schemas/contact.ts";
import { interactionCreate } from "../../shared/schemas/interaction.ts";
import { meetingCreate, meetingPatch } from "../../shared/schemas/meeting.ts";
import { partnerCreate, partnerPatch } from "../../shared/schemas/partner.ts";
import { referralPatch } from "../../shared/schemas/referral.ts";
import { pulseAnswerCreate } from "../../shared/schemas/pulse.ts";
import type { HealthBand } from "../../shared/schemas/health.ts";
import { importBatch, type ImportResult } from "../../shared/schemas/import.ts";
import type { ExportPage } from "../../shared/schemas/export.ts";
import type { LookupResult } from "../../shared/schemas/lookup.ts";
import type { PlanWrite, PlanWriteReply } from "./plan-write-message.ts";
import type { CapturedEmail } from "../../shared/schemas/capture.ts";
import type { CaptureReceipt, UndoReceipt } from "./capture-messages.ts";

/**
 * The requests the pages (sidebar, popup, options, dashboard) send to the
 * background worker, which alone holds the token and talks to the API. Each
 * is checked with zod when it arrives; what each one answers is declared
 * below (Replies), one reply type per request type.
 */

const id = z.string().min(1).max(100);

export const lookupInput = z.object({
  /** Every address on the page; the background leaves out the user's own and their colleagues'. */
  emails: z.array(z.string()).max(200).default([]),
  ownAddress: z.string().nullable().default(null),
  domains: z.array(z.string()).max(50).default([]),
  salesforce: z.array(z.string()).max(50).default([]),
  hubspot: z.array(z.string()).max(50).default([]),
  linkedin: z.array(z.string()).max(50).default([]),
});
export type LookupInput = z.input<typeof lookupInput>;

/** The partner's records that can be deleted and restored, by their API collection. */
export const recordCollection = z.enum(["contacts", "interactions", "commitments", "referrals", "goals", "meetings"]);
export type RecordCollection = z.infer<typeof recordCollection>;

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
  /** Continuing a meeting's notes: `ifMatch` is the version they were read at, so another's edit since is never overwritten (412). */
  z.object({ action: z.literal("patchMeeting"), partnerId: id, meetingId: id, ifMatch: z.number().int().positive(), body: meetingPatch }),
  // Delete, and its Undo: the API keeps a deleted record restorable (docs/api.md).
  z.object({ action: z.literal("deleteRecord"), partnerId: id, collection: recordCollection, recordId: id }),
  z.object({ action: z.literal("restoreRecord"), partnerId: id, collection: recordCollection, recordId: id }),
  /** This quarter's pulse for the partner: five 1–5 ratings and a comment, private unless marked shared. */
  z.object({ action: z.literal("answerPulse"), partnerId: id, body: pulseAnswerCreate }),
]);
export type WriteAction = z.input<typeof writeAction>;

export const settingsInput = z.object({
  apiUrl: z.string().trim().url("must be a URL such as http://127.0.0.1:8787").transform((url) => url.replace(/\/+$/, "")),
  token: z.string().trim().regex(/^mutual_[0-9a-z]{40}$/, "must be a Mutual API token (mutual_ and 40 letters or digits)"),
});
export type SettingsInput = z.input<typeof settingsInput>;

/** What the options form sends: an empty token means "keep the saved one" (its placeholder says so). */
export const settingsDraft = settingsInput.extend({ token: z.union([z.literal(""), settingsInput.shape.token]).default("") });
export type SettingsDraft = z.input<typeof settingsDraft>;

/**
 * The envelope of every request. A write's and the settings' contents are
 * checked in a second step, so that their errors name fields as the forms
 * know them ("body.title", "token"), not as parts of the envelope.
 */
export const request = z.discriminatedUnion("type", [
  /** Asks the API; the answer is cached under `pageKey` (see lookup-cache-entry.ts), which the content script reads itself. */
  z.object({
    type: z.literal("lookup"), query: lookupInput, pageKey: z.string().min(1).max(2000).nullable().default(null),
    /**
     * "start": the content script's, as soon as it has read the page; "join":
     * the frame's first lookup of a page it is shown, which takes that answer
     * (background/lookup-ahead.ts). A lookup after a write never joins.
     */
    ahead: z.enum(["start", "join"]).nullable().default(null),
  }),
  z.object({ type: z.literal("write"), write: z.unknown(), label: z.string().max(200) }),
  z.object({ type: z.literal("outbox") }),
  z.object({ type: z.literal("flushOutbox") }),
  z.object({ type: z.literal("discardWrite"), id }),
  z.object({ type: z.literal("getSettings") }),
  z.object({ type: z.literal("saveSettings"), settings: z.unknown() }),
  z.object({ type: z.literal("testConnection"), settings: z.unknown().optional() }),
  z.object({ type: z.literal("openOptions") }),
  /** Who is signed in (GET /v1/me): the member whose action items are "ours" by default. */
  z.object({ type: z.literal("me") }),
  z.object({ type: z.literal("api"), path: z.string().regex(/^\/v1\/(partners|commitments|health\/trends|nudges)(\/|\?|$)/) }),
  /** A change to a partner's plan, sent at once with If-Match (never queued): see background/plan-write.ts. */
  z.object({ type: z.literal("planWrite"), write: z.unknown() }),
  /** The emails of the thread on screen (metadata only), logged once each for the partner: background/capture.ts. */
  z.object({ type: z.literal("capture"), partnerId: id, partnerName: z.string().max(200), items: z.unknown() }),
  z.object({ type: z.literal("undoCapture"), captureId: id.nullable(), outboxId: id.nullable() }),
  /** Promise suggestions set aside by whoever is signed in ("<message id>|<sentence>"): background/suggestion-dismissals.ts. */
  z.object({ type: z.literal("dismissedSuggestions") }),
  z.object({ type: z.literal("dismissSuggestion"), key: z.string().min(1).max(2200) }),
  /** One batch of the dashboard's CSV import (POST /v1/imports), checked with the API's own schema. */
  z.object({ type: z.literal("importBatch"), batch: importBatch }),
  /** One page of the workspace export (GET /v1/export). */
  z.object({ type: z.literal("exportPage"), cursor: z.string().max(1_000).nullable() }),
  /** Invitations, connections, guest links and the workspace's default visibility (dashboard and options). */
  sharingMessage,
]);

/** A request as it arrives, after the envelope's check. */
export type ParsedRequest = z.output<typeof request>;
export type RequestType = ParsedRequest["type"];

type Unchecked = "write" | "saveSettings" | "testConnection" | "planWrite" | "capture";
/** A request as a page sends it: the parts checked in a second step are typed for the sender too. */
export type Request =
  | Exclude<z.input<typeof request>, { type: Unchecked }>
  | { type: "write"; write: WriteAction; label: string }
  | { type: "saveSettings"; settings: SettingsDraft }
  | { type: "testConnection"; settings?: SettingsDraft }
  | { type: "planWrite"; write: PlanWrite }
  | { type: "capture"; partnerId: string; partnerName: string; items: CapturedEmail[] };

/**
 * What the background answers to each request, declared once: send() returns
 * the reply of the request it sent, and the background's handler must answer
 * every request type with its reply (background/handle-request.ts).
 */
export interface Replies {
  lookup: CachedLookup<LookupResult>;
  write: WriteReceipt;
  outbox: OutboxView;
  flushOutbox: OutboxView;
  discardWrite: OutboxView;
  getSettings: SettingsSummary;
  saveSettings: ConnectionReport;
  testConnection: ConnectionReport;
  openOptions: null;
  /** The API's JSON as it came; the page checks it with the shared response schema it expects. */
  api: unknown;
  me: { email: string };
  planWrite: PlanWriteReply;
  capture: CaptureReceipt;
  undoCapture: UndoReceipt;
  dismissedSuggestions: string[];
  dismissSuggestion: null;
  importBatch: ImportResult;
  exportPage: ExportPage;
  /** The API's JSON as it came (null for 204); the page checks it with the shared schema it expects. */
  sharing: unknown;
}

/** The reply to a request of type K; a request type without an entry above does not compile. */
export type ReplyTo<K extends RequestType> = Replies[K];

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
  method: "POST" | "PATCH" | "DELETE";
  path: string;
  body: unknown;
  idempotencyKey: string;
  createdAt: string;
  attempts: number;
  nextAttemptAt: string;
  /** Set when the API refused the write (4xx): it will not be retried, and is kept for the user to see. */
  failed: ErrorInfo | null;
  lastError: string | null;
  /** The version it was made from, sent as If-Match (`"3"`): the API answers 412 if the record has moved on. */
  ifMatch?: number;
  /** Who it was made as: it is sent only as them (see write-identity.ts). */
  identity: WriteIdentity;
}

/** The API and member a write was made as. */
export interface WriteIdentity {
  apiUrl: string;
  /** Which token (the first 16 hex digits of its SHA-256), for when the member is not known. */
  tokenHash: string;
  memberId: string | null;
  email: string | null;
  workspaceId: string | null;
  workspaceName: string | null;
}

/** The outbox as the sidebar shows it. */
export interface OutboxView {
  /** Writes made as whoever is signed in now. */
  writes: PendingWrite[];
  /** The API refused the token in use (401): those writes wait until the user signs in again. */
  signInNeeded: boolean;
  /** Writes made as someone else (another member, workspace or API), by who: each waits for that sign-in. */
  held: { identity: WriteIdentity; writes: PendingWrite[] }[];
}

/**
 * How a write went: "synced" (the API has it), "queued" (kept, will sync),
 * "refused" (4xx, kept for the user), "signInNeeded" (kept; the token was
 * refused, so it waits until the user signs in again).
 */
export interface WriteReceipt {
  result: "synced" | "queued" | "refused" | "signInNeeded";
  response: unknown;
  error: ErrorInfo | null;
  /** The outbox entry's id. */
  id: string;
}

export interface ConnectionReport {
  state: "connected" | "not_configured" | "unreachable" | "bad_token" | "wrong_url" | "error";
  message: string;
  workspace?: string;
  email?: string;
  /** Ids from /v1/me, to bind queued writes to the member. */
  memberId?: string;
  workspaceId?: string;
}

/** What the options page shows: the URL in full, the token only by its prefix. */
export interface SettingsSummary {
  apiUrl: string;
  tokenPrefix: string | null;
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

/** Messages to a tab's content script (from the keyboard command and the popup), each with its reply. */
export interface TabReplies {
  toggleSidebar: null;
  currentPartner: CurrentPage;
}
export type TabRequest = { [K in keyof TabReplies]: { type: K } }[keyof TabReplies];

/** The partners the sidebar shows on a tab, for the popup. */
export interface CurrentPage {
  partners: { name: string; score: number | null; band: HealthBand }[];
  /** What to say when there are none. */
  state: string;
}
